package cn.changjiang.mining.enforcement;

import java.util.List;

import cn.changjiang.mining.ledger.Issue;
import cn.changjiang.mining.mine.Mine;
import cn.changjiang.mining.plan.Competence;
import cn.changjiang.mining.plan.Unit;

/** A mine whose open problems need several competent departments to act: a case for 联合执法. */
public record JointEnforcementCandidate(Mine mine, int departmentCount, List<DepartmentShare> departments,
                                        int openIssueCount, int overdueIssueCount, int seriousIssueCount,
                                        Unit suggestedLead, String leadReason, boolean criminalMatter,
                                        List<Unit> mustJoin, JointEnforcementAction openAction) {

    /**
     * Whether an open problem {@code i} is a criminal matter (行刑衔接), as a Cypher predicate: found in 扫黑除恶 work,
     * referred for 追究法律责任 (移送公安), or of a type the police are competent for on an administrative basis (民爆物品,
     * 涉黑涉恶). Competence on the criminal side ({@code basis: 'CRIMINAL'}) does not make a problem criminal: it
     * applies once the problem is one.
     */
    public static final String CRIMINAL_MATTER = criminalMatter("i");

    /** {@link #CRIMINAL_MATTER} for a problem bound to another variable. */
    public static String criminalMatter(String issue) {
        return """
                (EXISTS { (%1$s)-[:FOUND_BY]->(:ProblemSource {code: 'ANTI_GANG'}) }
                 OR EXISTS { (%1$s)-[:RESULTED_IN]->(:Outcome {code: 'LEGAL_LIABILITY'}) }
                 OR EXISTS { (%1$s)-[:OF_TYPE]->(:ViolationType)-[k:COMPETENT_UNIT]->(:Unit {id: 'POLICE'}) WHERE coalesce(k.basis, '') <> 'CRIMINAL' })"""
                .formatted(issue);
    }

    /**
     * The departments that must act on an open problem {@code i}, as a Cypher list: the competent units of its
     * violation types ({@link Competence}: its district's units of the competent functions) plus the units explicitly
     * assigned to it, never a task's whole 责任单位 list; where the problem
     * is a criminal matter, also its district's police and the units competent on its criminal side (附件2(六): the police
     * "依法严厉打击非法开采矿产资源、污染环境等犯罪活动,对相关部门移送的案件,构成犯罪的,依法及时立案侦查"). Everything
     * that decides whether a mine is a joint-enforcement case counts with this one expression.
     */
    public static final String DEPARTMENTS_OF_ISSUE = """
            [u IN %s
                  + [(i)-[:ASSIGNED_TO]->(a:Unit) | a]
                  + CASE WHEN %s
                         THEN %s
                         ELSE [] END
             WHERE u.kind = 'DEPARTMENT']""".formatted(
            Competence.competentUnits("i", "WHERE coalesce(k.basis, '') <> 'CRIMINAL'", "u"), CRIMINAL_MATTER,
            Competence.competentUnits("i", "WHERE k.basis = 'CRIMINAL'", "u") + """
                     + COLLECT { MATCH (p:Unit {function: 'POLICE'})
                                 WHERE CASE WHEN i.district IS NULL THEN p.id = 'POLICE'
                                            ELSE EXISTS { (p)-[:BELONGS_TO|SERVES]->(:Jurisdiction {id: i.district}) } END
                                 RETURN p }""");

    /**
     * How a mine {@code mine} ranks among the candidates on the day {@code today} (a Cypher expression of type DATE), as
     * one integer that orders as the list does: by the span of departments, then the overdue open problems, then the
     * serious open ones (each below a million per mine). The one ranking rule: kept on the mine by {@link #RANK_MINE},
     * recounted by the read for a mine whose kept rank is out of date.
     */
    public static String rankOf(String mine, String today) {
        return """
                (COUNT { (%1$s)-[:NEEDS_DEPARTMENT]->() } * 1000000000000
                 + COUNT { (i:Issue)-[:AT]->(%1$s) WHERE i.status IN $openStatuses AND i.deadline < %2$s } * 1000000
                 + COUNT { (i:Issue)-[:AT]->(%1$s) WHERE i.status IN $openStatuses AND i.severity IN ['SERIOUS', 'MAJOR'] })"""
                .formatted(mine, today);
    }

    /**
     * Keeps, on a mine {@code m} whose departments were just counted, its rank ({@link #rankOf}) as of today
     * ({@code m.jointRank}, indexed, so a page of candidates reads in index order), the day it was ranked
     * ({@code m.rankedOn}) and the last day it stays right ({@code m.rankGoodUntil}: the earliest deadline of an open
     * problem not yet passed; the day after, one more problem is overdue). A SET clause: the statement goes on.
     */
    public static final String RANK_MINE = """
            SET m.jointRank = %s, m.rankedOn = date(),
                m.rankGoodUntil = COLLECT { MATCH (i:Issue)-[:AT]->(m) WHERE i.status IN $openStatuses AND i.deadline >= date()
                                            RETURN i.deadline AS d ORDER BY d LIMIT 1 }[0]""".formatted(rankOf("m", "date()"));

    /**
     * Counts again, for a mine {@code m} whose {@code NEEDS_DEPARTMENT} edges were just deleted, the departments its
     * open problems need ({@link #DEPARTMENTS_OF_ISSUE}): one edge per department with its open problems, and
     * {@code m.departmentSpan}, and its rank ({@link #RANK_MINE}). The one recount the ledger's writes, the seeds' tests
     * and the benchmark share.
     */
    public static final String RECOUNT_DEPARTMENTS_OF_MINE = """
            CALL (m) {
              OPTIONAL MATCH (i:Issue)-[:AT]->(m) WHERE i.status IN $openStatuses
              UNWIND CASE WHEN i IS NULL THEN [] ELSE %s END AS u
              WITH DISTINCT i, u
              WITH u, count(i) AS openIssues
              CREATE (m)-[:NEEDS_DEPARTMENT {openIssues: openIssues}]->(u)
              RETURN count(u) AS span
            }
            SET m.departmentSpan = span
            %s""".formatted(DEPARTMENTS_OF_ISSUE, RANK_MINE);

    /** One department and the open problems of the mine it must act on. */
    public record DepartmentShare(Unit unit, List<Issue> issues) {
    }
}
