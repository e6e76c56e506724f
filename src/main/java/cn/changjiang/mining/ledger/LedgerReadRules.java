package cn.changjiang.mining.ledger;

import java.util.Map;
import java.util.Set;

import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.security.Audience;
import cn.changjiang.mining.security.ProblemUnits;
import cn.changjiang.mining.security.ReadDeclarations;
import cn.changjiang.mining.security.ReadPolicy;
import cn.changjiang.mining.security.ReadRules;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The ledger for signed-in users: every unit sees every problem in summary (what, where, how far, who rectifies
 * and supervises), and its details only when it is on the problem: the description, measures, evidence,
 * acceptance, the notes and decisions of its outcomes, and the person who answers for it.
 */
@Component
class LedgerReadRules implements ReadRules, ProblemUnits {

    private final CypherRunner graph;

    LedgerReadRules(CypherRunner graph) {
        this.graph = graph;
    }

    @Override
    public void declare(ReadDeclarations rules) {
        rules.schemaFile("ledger.graphqls", Audience.SIGNED_IN)
                .fields(Audience.PROBLEM_UNITS, "Issue.description", "Issue.measures", "Issue.evidence",
                        "Issue.responsiblePerson", "Issue.acceptance", "Issue.outcomeRecords")
                .problemOf("Issue", issue -> ((Issue) issue).id());
        rules.element("Issue", Audience.SIGNED_IN, false)
                .properties(Audience.SIGNED_IN, "id", "title", "status", "severity", "foundOn", "deadline", "closedOn",
                        "synthetic", "version", "supervised", "supervisor", "createdAt", "district")
                .properties(Audience.PROBLEM_UNITS, "description", "measures", "evidence", "acceptedBy", "acceptedOn",
                        "acceptanceEvidence", "lastNote");
        for (String relationship : new String[] {"AT", "FOUND_BY", "IN_PHASE", "OF_TYPE", "ASSIGNED_TO", "SUPERVISED_BY"}) {
            rules.element(relationship, Audience.SIGNED_IN, true);
        }
        rules.element("RESPONSIBLE_PERSON", Audience.PROBLEM_UNITS, true);
        rules.element("RESULTED_IN", Audience.SIGNED_IN, false)
                .properties(Audience.SIGNED_IN, "on", "recordedAt")
                .properties(Audience.PROBLEM_UNITS, "where", "amount", "decisionNumber", "note");
    }

    @Override
    public Set<String> problemsOf(String unitId) {
        return Set.copyOf(graph.list("MATCH (i:Issue)-[:" + ReadPolicy.PROBLEM_UNIT_RELATIONSHIPS + "]->(:Unit {id: $unit}) "
                + "RETURN DISTINCT i.id AS item", Map.of("unit", unitId), Value::asString));
    }
}
