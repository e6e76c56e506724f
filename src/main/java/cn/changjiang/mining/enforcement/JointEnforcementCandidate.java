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

    /** One department and the open problems of the mine it must act on. */
    public record DepartmentShare(Unit unit, List<Issue> issues) {
    }
}
