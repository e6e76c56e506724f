package cn.changjiang.mining.enforcement;

import java.util.List;

import cn.changjiang.mining.ledger.Issue;
import cn.changjiang.mining.mine.Mine;
import cn.changjiang.mining.org.Unit;

/** A mine whose open problems need several competent departments to act: a case for 联合执法. */
public record JointEnforcementCandidate(Mine mine, int departmentCount, List<DepartmentShare> departments,
                                        int openIssueCount, int overdueIssueCount, int seriousIssueCount,
                                        Unit suggestedLead, String leadReason, boolean criminalMatter,
                                        List<Unit> mustJoin, JointEnforcementAction openAction) {

    /**
     * The departments that must act on an open problem {@code i}, as a Cypher list: the competent units of its
     * violation types plus the units explicitly assigned to it, never a task's whole 责任单位 list. Everything that
     * decides whether a mine is a joint-enforcement case counts with this one expression.
     */
    public static final String DEPARTMENTS_OF_ISSUE = """
            [u IN [(i)-[:OF_TYPE]->(:ViolationType)-[:COMPETENT_UNIT]->(c:Unit) | c] + [(i)-[:ASSIGNED_TO]->(a:Unit) | a]
             WHERE u.kind = 'DEPARTMENT']""";

    /** One department and the open problems of the mine it must act on. */
    public record DepartmentShare(Unit unit, List<Issue> issues) {
    }
}
