package cn.changjiang.mining.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.changjiang.mining.audit.Past;
import cn.changjiang.mining.audit.RecordedValues;
import cn.changjiang.mining.audit.Rewinder;
import cn.changjiang.mining.graph.CypherRunner;
import org.springframework.stereotype.Component;

/**
 * Puts the ledger's problems back as they stood at a past moment ({@link Rewinder}): a problem reported or imported
 * since is removed; for the others, each field changed since gets the value the first change after the moment found
 * (properties, the units and person on the problem), the outcomes recorded since are taken off, and the version goes
 * back by the number of changes. The mines of every problem undone are noted for the figures kept per mine.
 */
@Component
class IssueRewinder implements Rewinder {

    static final Set<String> CREATING = Set.of("reportIssue", "importLedger");

    /** Problem properties the records name, with how their text reads back. */
    private static final Set<String> DATES = Set.of("deadline", "closedOn", "acceptedOn");
    private static final Set<String> TEXTS = Set.of("measures", "supervisor", "status", "acceptedBy");
    private static final String OUTCOME = "outcome.";

    private final CypherRunner graph;

    IssueRewinder(CypherRunner graph) {
        this.graph = graph;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void rewind(Past past) {
        List<String> created = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Past.Entity issue : past.of("Issue")) {
            if (issue.createdSince(CREATING)) {
                created.add(issue.id());
            } else {
                rows.add(row(issue));
            }
        }
        if (!created.isEmpty()) {
            past.touch("Mine", graph.write("""
                    UNWIND $ids AS id
                    MATCH (i:Issue {id: id})
                    OPTIONAL MATCH (i)-[:AT]->(m:Mine)
                    WITH i, m.id AS mine
                    DETACH DELETE i
                    RETURN DISTINCT mine AS item""", Map.of("ids", created), v -> v.asString(null))
                    .stream().filter(id -> id != null).toList());
        }
        if (!rows.isEmpty()) {
            past.touch("Mine", graph.write(UNDO, Map.of("rows", rows), v -> v.asString(null))
                    .stream().filter(id -> id != null).toList());
        }
    }

    /** One problem's values at the moment, as {@link #UNDO} takes them. */
    static Map<String, Object> row(Past.Entity issue) {
        Map<String, String> then = issue.fieldsThen();
        Map<String, Object> properties = new HashMap<>();
        then.forEach((field, text) -> {
            if (DATES.contains(field)) {
                properties.put(field, RecordedValues.date(text));
            } else if (TEXTS.contains(field)) {
                properties.put(field, text);
            } else if (field.equals("supervised")) {
                properties.put(field, RecordedValues.bool(text));
            } else if (field.equals("acceptanceEvidence")) {
                properties.put(field, text == null ? null : RecordedValues.list(text));
            }
        });
        List<Map<String, Object>> outcomes = new ArrayList<>();
        issue.timesSet().forEach((field, times) -> {
            if (field.startsWith(OUTCOME)) {
                outcomes.add(Map.of("code", field.substring(OUTCOME.length()), "times", times));
            }
        });
        Map<String, Object> row = new HashMap<>();
        row.put("id", issue.id());
        row.put("properties", properties);
        row.put("undone", issue.changes().size());
        row.put("setLead", then.containsKey("leadUnit"));
        row.put("lead", then.get("leadUnit"));
        row.put("setSupporting", then.containsKey("supportingUnits"));
        row.put("supporting", RecordedValues.list(then.get("supportingUnits")));
        row.put("setSupervising", then.containsKey("supervisingUnit"));
        row.put("supervising", then.get("supervisingUnit"));
        row.put("setPerson", then.containsKey("responsiblePerson"));
        row.put("person", then.get("responsiblePerson"));
        row.put("outcomes", outcomes);
        return row;
    }

    /** Each problem of {@code $rows} back to its values at the moment; the mines of the problems. */
    private static final String UNDO = """
            UNWIND $rows AS row
            MATCH (i:Issue {id: row.id})
            SET i += row.properties, i.version = coalesce(i.version, 0) - row.undone
            WITH i, row
            CALL (i, row) {
              WITH i, row WHERE row.setLead
              OPTIONAL MATCH (i)-[old:ASSIGNED_TO {role: 'LEAD'}]->()
              DELETE old
              WITH DISTINCT i, row
              MATCH (u:Unit {id: row.lead})
              CREATE (i)-[:ASSIGNED_TO {role: 'LEAD'}]->(u)
            }
            CALL (i, row) {
              WITH i, row WHERE row.setSupporting
              OPTIONAL MATCH (i)-[old:ASSIGNED_TO {role: 'SUPPORTING'}]->()
              DELETE old
              WITH DISTINCT i, row
              UNWIND row.supporting AS unitId
              MATCH (u:Unit {id: unitId})
              CREATE (i)-[:ASSIGNED_TO {role: 'SUPPORTING'}]->(u)
            }
            CALL (i, row) {
              WITH i, row WHERE row.setSupervising
              OPTIONAL MATCH (i)-[old:SUPERVISED_BY]->()
              DELETE old
              WITH DISTINCT i, row
              MATCH (u:Unit {id: row.supervising})
              CREATE (i)-[:SUPERVISED_BY]->(u)
            }
            CALL (i, row) {
              WITH i, row WHERE row.setPerson
              OPTIONAL MATCH (i)-[old:RESPONSIBLE_PERSON]->()
              DELETE old
              WITH DISTINCT i, row
              MATCH (p:Person {id: row.person})
              CREATE (i)-[:RESPONSIBLE_PERSON]->(p)
            }
            CALL (i, row) {
              UNWIND row.outcomes AS outcome
              CALL (i, outcome) {
                MATCH (i)-[r:RESULTED_IN]->(:Outcome {code: outcome.code})
                WITH r ORDER BY r.recordedAt DESC, elementId(r) DESC
                WITH collect(r) AS recorded
                FOREACH (r IN recorded[0..outcome.times] | DELETE r)
              }
            }
            RETURN DISTINCT [(i)-[:AT]->(m:Mine) | m.id][0] AS item""";
}
