package cn.changjiang.mining.ledger;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changjiang.mining.audit.IdempotencyKeys;
import cn.changjiang.mining.common.IssueStatus;
import cn.changjiang.mining.graph.CypherRunner;
import org.neo4j.driver.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The Cypher of the ledger's writes. Each is meant to run inside the one transaction of its mutation; those that
 * can change which departments a mine's open problems need announce it ({@link IssuesWritten}) in that transaction.
 */
@Component
class LedgerWrites {

    private final CypherRunner graph;
    private final ApplicationEventPublisher events;

    LedgerWrites(CypherRunner graph, ApplicationEventPublisher events) {
        this.graph = graph;
        this.events = events;
    }

    private Issue written(Issue issue) {
        events.publishEvent(IssuesWritten.changed(issue.id()));
        return issue;
    }

    /**
     * Takes the problem's write lock first, then reads it: a second writer waits for the first to commit and
     * then sees its version, so no update is lost.
     */
    Optional<IssueState> lockAndRead(String issueId) {
        return lockAndRead(issueId, List.of()).state();
    }

    /** A problem read under its lock, and the units a write names, resolved in the same round trip. */
    record Locked(Optional<IssueState> state, Map<String, String> units) {
        static Locked from(Value v) {
            return new Locked(v.get("issue").isNull() ? Optional.empty() : Optional.of(IssueState.from(v.get("issue"))),
                    resolved(v.get("units").asList(UnitReference::from)));
        }
    }

    /**
     * {@link #lockAndRead(String)} with the unit references a write names ({@link #UNITS_NAMED}) resolved in the same
     * statement: one round trip for what an assignment checks.
     */
    Locked lockAndRead(String issueId, List<String> unitReferences) {
        return graph.writeSingle("""
                OPTIONAL MATCH (i:Issue {id: $id})
                CALL (i) {
                  WITH i WHERE i IS NOT NULL
                  SET i._lock = true REMOVE i._lock
                }
                RETURN {issue: CASE WHEN i IS NOT NULL THEN i {.*,
                  version: coalesce(i.version, 0),
                  leadUnit: [(i)-[:ASSIGNED_TO {role: 'LEAD'}]->(u:Unit) | u.id][0],
                  supportingUnits: [(i)-[:ASSIGNED_TO {role: 'SUPPORTING'}]->(u:Unit) | u.id],
                  responsiblePerson: [(i)-[:RESPONSIBLE_PERSON]->(p:Person) | p.id][0],
                  supervisingUnit: [(i)-[:SUPERVISED_BY]->(u:Unit) | u.id][0]} END,
                  units: COLLECT { %s }} AS item""".formatted(UNITS_NAMED),
                Map.of("id", issueId, "refs", unitReferences), Locked::from).orElseThrow();
    }

    /**
     * What a report checks of the graph: whether its mine exists and where, which of its types exist, its default
     * title, and its idempotency key's claim ({@link IdempotencyKeys.Claiming#answer} reads it).
     */
    record ReportFacts(boolean mineExists, String district, List<String> knownCodes, String defaultTitle, Value claim) {
        static ReportFacts from(Value v) {
            return new ReportFacts(v.get("mine").asBoolean(), v.get("district").asString(null),
                    v.get("known").asList(Value::asString), v.get("title").asString(null), v.get("claim"));
        }
    }

    /**
     * {@link ReportFacts} in one round trip, the key claimed in it. The title of a problem reported without one is its violation types and
     * mine, which every unit may read, and never a piece of its description, which only the units on the problem may
     * read; null when the mine or a type is unknown (the report is refused then).
     */
    ReportFacts reportFacts(String mineId, List<String> codes, IdempotencyKeys.Claiming claiming) {
        Map<String, Object> params = new HashMap<>(claiming.parameters());
        params.put("mineId", mineId);
        params.put("codes", codes);
        return graph.writeSingle(claiming.cypher() + """

                OPTIONAL MATCH (m:Mine {id: $mineId})
                WITH claim, m, [c IN $codes | COLLECT { MATCH (v:ViolationType {code: c}) RETURN v.name }[0]] AS names
                RETURN {claim: claim, mine: m IS NOT NULL, district: m.district,
                        known: [n IN range(0, size($codes) - 1) WHERE names[n] IS NOT NULL | $codes[n]],
                        title: CASE WHEN m IS NULL OR size(names) = 0 OR any(n IN names WHERE n IS NULL) THEN null
                                    ELSE m.name + ':' + reduce(title = head(names), name IN tail(names) | title + '、' + name) END} AS item""",
                params, ReportFacts::from).orElseThrow();
    }

    Optional<Issue> issue(String issueId) {
        return graph.single("MATCH (i:Issue {id: $id}) RETURN i AS item", Map.of("id", issueId), Issue::from);
    }

    /** Units named by a reference {@code ref}: by id, official name or alias. */
    private static final String UNITS_NAMED = """
            UNWIND $refs AS ref
            MATCH (u:Unit) WHERE u.id = ref OR u.name = ref OR ref IN u.aliases
            RETURN {ref: ref, id: u.id} AS item""";

    /** Unit ids for references by id, official name or alias; a reference that matches nothing is left out. */
    private static Map<String, String> resolved(List<UnitReference> references) {
        Map<String, String> resolved = new HashMap<>();
        references.forEach(u -> resolved.putIfAbsent(u.ref(), u.id()));
        return resolved;
    }

    /** A reference to a unit and the id of a unit it names. */
    record UnitReference(String ref, String id) {
        static UnitReference from(Value v) {
            return new UnitReference(v.get("ref").asString(), v.get("id").asString());
        }
    }

    /** The units a person serves in, or nothing when there is no such person. */
    Optional<List<String>> unitsOfPerson(String personId) {
        return graph.single("""
                MATCH (p:Person {id: $id})
                RETURN [(p)-[:SERVES_IN]->(u:Unit) | u.id] AS item""", Map.of("id", personId), v -> v.asList(Value::asString));
    }

    Issue create(String id, LedgerInputs.ReportIssueInput input, String title, Severity severity) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("mineId", input.mineId());
        params.put("codes", input.violationTypeCodes());
        params.put("source", input.source().name());
        params.put("foundOn", input.foundOn());
        params.put("description", input.description());
        params.put("title", title);
        params.put("severity", severity.name());
        params.put("evidence", input.evidence() == null ? List.of() : input.evidence());
        params.put("status", IssueWorkflow.INITIAL.name());
        return written(graph.writeSingle("""
                MATCH (m:Mine {id: $mineId}), (s:ProblemSource {code: $source})
                CREATE (i:Issue {id: $id, title: $title, description: $description, status: $status,
                                 severity: $severity, foundOn: $foundOn, evidence: $evidence, supervised: false,
                                 synthetic: false, version: 1, createdAt: datetime(), district: m.district})
                CREATE (i)-[:AT]->(m), (i)-[:FOUND_BY]->(s)
                WITH i
                CALL (i) {
                  UNWIND range(0, size($codes) - 1) AS n
                  MATCH (v:ViolationType {code: $codes[n]})
                  CREATE (i)-[:OF_TYPE {order: n + 1}]->(v)
                }
                CALL (i) {
                  MATCH (p:Phase) WHERE i.foundOn >= p.startsOn AND (i.foundOn <= p.endsOn OR p.longTerm)
                  WITH p ORDER BY p.number LIMIT 1
                  CREATE (i)-[:IN_PHASE]->(p)
                }
                RETURN i AS item""", params, Issue::from).orElseThrow());
    }

    /**
     * Writes the fields a patch changes, and only those: a relationship kind is replaced only when its units or
     * person change, a property is set (or removed, for null) only when its value changes.
     */
    Issue assign(String issueId, AssignmentChange change) {
        Map<String, Object> params = change.parameters(issueId);
        return written(graph.writeSingle("""
                MATCH (i:Issue {id: $id})
                SET i += $properties, i.version = coalesce(i.version, 0) + 1
                WITH i
                CALL (i) {
                  WITH i WHERE $setLead
                  OPTIONAL MATCH (i)-[old:ASSIGNED_TO {role: 'LEAD'}]->()
                  DELETE old
                  WITH DISTINCT i
                  MATCH (u:Unit {id: $lead})
                  CREATE (i)-[:ASSIGNED_TO {role: 'LEAD'}]->(u)
                }
                CALL (i) {
                  WITH i WHERE $setSupporting
                  OPTIONAL MATCH (i)-[old:ASSIGNED_TO {role: 'SUPPORTING'}]->()
                  DELETE old
                  WITH DISTINCT i
                  UNWIND $supporting AS unitId
                  MATCH (u:Unit {id: unitId})
                  CREATE (i)-[:ASSIGNED_TO {role: 'SUPPORTING'}]->(u)
                }
                CALL (i) {
                  WITH i WHERE $setPerson
                  OPTIONAL MATCH (i)-[old:RESPONSIBLE_PERSON]->()
                  DELETE old
                  WITH DISTINCT i
                  MATCH (p:Person {id: $person})
                  CREATE (i)-[:RESPONSIBLE_PERSON]->(p)
                }
                CALL (i) {
                  WITH i WHERE $setSupervising
                  OPTIONAL MATCH (i)-[old:SUPERVISED_BY]->()
                  DELETE old
                  WITH DISTINCT i
                  MATCH (u:Unit {id: $supervising})
                  CREATE (i)-[:SUPERVISED_BY]->(u)
                }
                RETURN i AS item""", params, Issue::from).orElseThrow());
    }

    Issue transition(String issueId, IssueStatus to, LocalDate closedOn, LedgerInputs.AcceptanceInput acceptance, String note) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", issueId);
        params.put("to", to.name());
        params.put("closedOn", closedOn);
        params.put("acceptedBy", acceptance == null ? null : acceptance.acceptedBy());
        params.put("acceptedOn", acceptance == null ? null : acceptance.acceptedOn());
        params.put("acceptanceEvidence", acceptance == null ? null : acceptance.evidence());
        params.put("note", note);
        return written(graph.writeSingle("""
                MATCH (i:Issue {id: $id})
                SET i.status = $to, i.version = coalesce(i.version, 0) + 1, i.closedOn = coalesce($closedOn, i.closedOn),
                    i.acceptedBy = coalesce($acceptedBy, i.acceptedBy), i.acceptedOn = coalesce($acceptedOn, i.acceptedOn),
                    i.acceptanceEvidence = coalesce($acceptanceEvidence, i.acceptanceEvidence),
                    i.lastNote = coalesce($note, i.lastNote)
                RETURN i AS item""", params, Issue::from).orElseThrow());
    }

    Issue recordOutcome(LedgerInputs.RecordOutcomeInput input, IssueStatus status, LocalDate closedOn) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", input.issueId());
        params.put("outcome", input.outcome().name());
        params.put("on", input.on());
        params.put("where", input.where());
        params.put("amount", input.amount());
        params.put("decisionNumber", input.decisionNumber());
        params.put("note", input.note());
        params.put("status", status.name());
        params.put("closedOn", closedOn);
        return written(graph.writeSingle("""
                MATCH (i:Issue {id: $id}), (o:Outcome {code: $outcome})
                CREATE (i)-[:RESULTED_IN {on: $on, where: $where, amount: $amount, decisionNumber: $decisionNumber,
                                          note: $note, recordedAt: datetime()}]->(o)
                SET i.status = $status, i.version = coalesce(i.version, 0) + 1, i.closedOn = coalesce(i.closedOn, $closedOn)
                RETURN i AS item""", params, Issue::from).orElseThrow());
    }
}
