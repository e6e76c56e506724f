package cn.changjiang.mining.enforcement;

import java.util.Map;

import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.ledger.IssuesWritten;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps, on each mine, the departments its open problems need: {@code (:Mine)-[:NEEDS_DEPARTMENT {openIssues}]->(:Unit)}
 * and {@code m.departmentSpan}, their number, and its rank among joint-enforcement candidates
 * ({@link JointEnforcementCandidate#RANK_MINE}). Ranking joint-enforcement candidates then reads an index instead of
 * recomputing the departments of every open problem in the ledger on each request, which at a province's scale
 * (a million problems) is the difference between milliseconds and seconds.
 * <p>
 * {@link #ADD} is public for the benchmark's plain {@code UNWIND} that does the same writes as an import batch.
 * <p>
 * Recomputed for the mines of the written problems (added to, for new problems), in the ledger's own transaction
 * (a deferred write: sent with the transaction's other deferred writes in one round trip, {@link CypherRunner#defer}), so the figures are never stale: a rolled-back write rolls them back too. {@code graph-seed/V009__department_spans}
 * computes them for data recorded before.
 */
@Component
public class DepartmentSpans {

    /** The mines of {@code $issueIds}: locked, then their departments recomputed from their open problems. */
    static final String REFRESH = """
            UNWIND $issueIds AS issueId
            MATCH (:Issue {id: issueId})-[:AT]->(m:Mine)
            WITH DISTINCT m ORDER BY m.id
            SET m._lock = true REMOVE m._lock
            WITH m
            OPTIONAL MATCH (m)-[old:NEEDS_DEPARTMENT]->()
            DELETE old
            WITH DISTINCT m
            %s""".formatted(JointEnforcementCandidate.RECOUNT_DEPARTMENTS_OF_MINE);

    /**
     * New problems ({@code $issueIds}) add their needs to their mines' figures; nothing else is read. The span is
     * counted after an aggregation, so after every edge of the mine has been merged.
     */
    public static final String ADD = """
            UNWIND $issueIds AS issueId
            MATCH (i:Issue {id: issueId})-[:AT]->(m:Mine)
            WHERE i.status IN $openStatuses
            UNWIND %s AS u
            WITH DISTINCT m, i, u
            WITH m, u, count(i) AS added ORDER BY m.id, u.id
            MERGE (m)-[r:NEEDS_DEPARTMENT]->(u)
              ON CREATE SET r.openIssues = added
              ON MATCH SET r.openIssues = r.openIssues + added
            WITH m, count(*) AS merged
            SET m.departmentSpan = COUNT { (m)-[:NEEDS_DEPARTMENT]->() }
            %s""".formatted(JointEnforcementCandidate.DEPARTMENTS_OF_ISSUE, JointEnforcementCandidate.RANK_MINE);

    private final CypherRunner graph;

    DepartmentSpans(CypherRunner graph) {
        this.graph = graph;
    }

    @EventListener
    void issuesWritten(IssuesWritten written) {
        if (!written.issueIds().isEmpty()) {
            graph.defer(written.created() ? ADD : REFRESH, Map.of("issueIds", written.issueIds()));
        }
    }
}
