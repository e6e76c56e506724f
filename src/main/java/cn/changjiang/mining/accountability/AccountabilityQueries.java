package cn.changjiang.mining.accountability;

import cn.changjiang.mining.security.ReadPolicy;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changjiang.mining.plan.Competence;
import cn.changjiang.mining.plan.Scope;
import cn.changjiang.mining.plan.ViolationType;
import cn.changjiang.mining.enforcement.JointEnforcementCandidate;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.ledger.Issue;
import cn.changjiang.mining.mine.Mine;
import cn.changjiang.mining.plan.Person;
import cn.changjiang.mining.plan.Unit;
import org.springframework.stereotype.Component;

/** The Cypher of "who is accountable for what", in both directions, and of the scorecards. */
@Component
class AccountabilityQueries {

    /** What a subject reaches: open problems, their (or its) violation types, tasks and townships. */
    private static final Map<String, String> SCOPES = Map.of(
            "issue", """
                    MATCH (i:Issue {id: $key})-[:AT]->(m:Mine)
                    WITH [i] AS issues, [(m)-[:LOCATED_IN]->(tw:Township) | tw] AS townships""",
            "mine", """
                    MATCH (m:Mine {id: $key})
                    OPTIONAL MATCH (i:Issue)-[:AT]->(m) WHERE i.status IN $openStatuses
                    WITH m, collect(i) AS issues
                    WITH issues, [(m)-[:LOCATED_IN]->(tw:Township) | tw] AS townships""",
            "township", """
                    MATCH (tw:Township {name: $key})
                    OPTIONAL MATCH (i:Issue)-[:AT]->(:Mine)-[:LOCATED_IN]->(tw) WHERE i.status IN $openStatuses
                    WITH collect(i) AS issues, [tw] AS townships""",
            "violationType", """
                    MATCH (v:ViolationType {code: $key})
                    WITH [] AS issues, [] AS townships, [v] AS types""",
            "task", """
                    MATCH (t:Task {number: toInteger($key)})
                    WITH [] AS issues, [] AS townships, [(t)-[:FOCUSES_ON]->(v:ViolationType) | v] AS types""");

    /**
     * A unit {@code u} that answers for the subject's problems through the plan (duties, tasks) is one of their
     * districts', as in the chain (docs/plan-graph.md#chains-across-levels): the seeded campaign's units answer for
     * 昌江区's problems, not for another district's. A subject without problems (a type, a task) keeps them all.
     */
    private static final String OF_THE_PROBLEMS_DISTRICTS = """
            (size(issues) = 0 OR any(x IN issues WHERE x.district IS NULL
                                     OR EXISTS { (u)-[:BELONGS_TO|SERVES]->(:Jurisdiction {id: x.district}) }))""";

    /**
     * Roles of the units for the subject: the competent units of its problems by the one rule ({@link Competence}),
     * those of the catalogue for a type or a task.
     */
    private static final String ROLES = """
            WITH issues, townships, types + reduce(acc = [], i IN issues | acc + [(i)-[:OF_TYPE]->(v:ViolationType) | v]) AS reached
            WITH issues, townships, reduce(acc = [], v IN reached | CASE WHEN v IN acc THEN acc ELSE acc + v END) AS types
            WITH issues, townships, types,
                 reduce(acc = [], v IN types | acc + [(v)<-[:FOCUSES_ON]-(t:Task) WHERE NOT t IN acc | t]) AS tasks
            RETURN {
              assigned: reduce(acc = [], i IN issues | acc + [(i)-[a:ASSIGNED_TO]->(u:Unit) | {unit: u, role: 'ASSIGNED_' + a.role, grounds: '问题台账交办:' + i.title}]),
              competent: CASE WHEN size(issues) = 0
                THEN reduce(acc = [], v IN types | acc + [(v)-[c:COMPETENT_UNIT]->(u:Unit) | {unit: u, role: 'COMPETENT_' + c.role, grounds: c.clause + ':' + c.quote}])
                ELSE reduce(acc = [], i IN issues | acc + %2$s) END,
              duties: reduce(acc = [], v IN types | acc + [(v)<-[:COVERS]-(d:Duty)<-[:HAS_DUTY]-(u:Unit) WHERE %3$s | {unit: u, role: 'DUTY_HOLDER', grounds: d.clause + ':' + d.text}]),
              taskUnits: reduce(acc = [], t IN tasks | acc + [(t)-[r:RESPONSIBLE_UNIT]->(u:Unit) WHERE %3$s | {unit: u, role: 'TASK_' + r.role, grounds: t.clause + t.unitsClause}]
                                                       + [(t)-[r:TERRITORIAL_UNIT]->(u:Unit) WHERE %3$s | {unit: u, role: 'TERRITORIAL', grounds: t.clause + ':' + r.quote}]),
              territorial: reduce(acc = [], tw IN townships | acc + [(tw)-[:GOVERNED_AS]->(u:Unit) | {unit: u, role: 'TERRITORIAL', grounds: '属地管理:' + tw.government, township: tw.name}]),
              responsible: reduce(acc = [], i IN issues | acc + CASE WHEN %1$s
                             THEN [(i)-[:RESPONSIBLE_PERSON]->(p:Person)-[:SERVES_IN]->(u:Unit) | {person: p, unit: u}] ELSE [] END),
              leaders: [(p:Person)-[s:SERVES_IN]->(u:Unit) WHERE p.rank IN ['DEPUTY', 'PRINCIPAL']
                        AND (u.kind = 'DEPARTMENT' OR s.township IN [tw IN townships | tw.name]) | {person: p, unit: u}]
            } AS item""";

    private final CypherRunner reads;

    AccountabilityQueries(CypherRunner reads) {
        this.reads = reads;
    }

    /** Units with roles and grounds for the subject, in one round trip; empty when the subject does not exist. */
    Optional<RoleFacts> rolesFor(String kind, String key, String readerUnit) {
        String scope = SCOPES.get(kind);
        String cypher = (scope.contains("AS types") ? scope : scope + ", [] AS types") + "\n"
                + ROLES.formatted(ReadPolicy.PROBLEM_DETAILS_READABLE,
                        Competence.competentUnits("i", "", "{unit: u, role: 'COMPETENT_' + k.role, grounds: k.clause + ':' + k.quote}"),
                        OF_THE_PROBLEMS_DISTRICTS);
        Map<String, Object> params = new HashMap<>();
        params.put("key", key);
        params.put("readerUnit", readerUnit);
        return reads.single(cypher, params, RoleFacts::from);
    }

    /**
     * Open problems a unit must act on: assigned to it, or of a type it is competent for (on a type's criminal side,
     * only once the problem is a criminal matter) in a district it works for: the catalogue's units are 昌江区's, and
     * competence is by the problem's district ({@link Competence}), so another district's problem is not theirs.
     */
    private static final String OPEN_ISSUES_OF_UNIT = """
            UNWIND $keys AS key
            MATCH (u:Unit {id: key})
            OPTIONAL MATCH (assigned:Issue)-[:ASSIGNED_TO]->(u)
            WITH key, u, collect(assigned) AS assigned
            OPTIONAL MATCH (ofType:Issue)-[:OF_TYPE]->(:ViolationType)-[c:COMPETENT_UNIT]->(u)
              WHERE (coalesce(c.basis, '') <> 'CRIMINAL' OR %s)
                AND (ofType.district IS NULL OR EXISTS { (u)-[:BELONGS_TO|SERVES]->(:Jurisdiction {id: ofType.district}) })
            WITH key, assigned, collect(ofType) AS ofType
            WITH key, assigned + ofType AS reached
            UNWIND reached AS i
            WITH DISTINCT key, i WHERE i.status IN $openStatuses AND i.district IN $districts
            """.formatted(JointEnforcementCandidate.criminalMatter("ofType"));

    /** A unit's open problems in the viewer's districts. */
    Map<Unit, List<Issue>> openIssuesOfUnits(List<Unit> units, List<String> districts) {
        return reads.many(units, Unit::id, Map.of("districts", districts), OPEN_ISSUES_OF_UNIT + """
                WITH key, i ORDER BY i.deadline, i.id
                RETURN key, collect(i) AS items""", Issue::from);
    }

    Map<Unit, List<Mine>> minesOfUnits(List<Unit> units, List<String> districts) {
        return reads.many(units, Unit::id, Map.of("districts", districts), OPEN_ISSUES_OF_UNIT + """
                MATCH (i)-[:AT]->(m:Mine)
                WITH DISTINCT key, m ORDER BY m.id
                RETURN key, collect(m) AS items""", Mine::from);
    }

    Map<Unit, List<ViolationType>> violationTypesOfUnits(List<Unit> units) {
        return reads.many(units, Unit::id, """
                UNWIND $keys AS key
                MATCH (u:Unit {id: key})
                OPTIONAL MATCH (competent:ViolationType)-[:COMPETENT_UNIT]->(u)
                WITH key, u, collect(competent) AS competent
                OPTIONAL MATCH (covered:ViolationType)<-[:COVERS]-(:Duty)<-[:HAS_DUTY]-(u)
                WITH key, competent, collect(covered) AS covered
                WITH key, competent + covered AS reached
                UNWIND reached AS v
                WITH DISTINCT key, v ORDER BY v.order
                RETURN key, collect(v) AS items""", ViolationType::from);
    }

    Map<Person, List<Issue>> openIssuesOfPeople(List<Person> people, String readerUnit, List<String> districts) {
        return reads.many(people, Person::id, readerUnit(readerUnit, districts), """
                UNWIND $keys AS key
                MATCH (i:Issue)-[:RESPONSIBLE_PERSON]->(:Person {id: key})
                WHERE i.status IN $openStatuses AND i.district IN $districts AND %s
                WITH key, i ORDER BY i.deadline, i.id
                RETURN key, collect(i) AS items""".formatted(ReadPolicy.PROBLEM_DETAILS_READABLE), Issue::from);
    }

    Map<Person, List<Mine>> minesOfPeople(List<Person> people, String readerUnit, List<String> districts) {
        return reads.many(people, Person::id, readerUnit(readerUnit, districts), """
                UNWIND $keys AS key
                MATCH (:Person {id: key})<-[:RESPONSIBLE_PERSON]-(i:Issue)-[:AT]->(m:Mine)
                WHERE i.district IN $districts AND %s
                WITH DISTINCT key, m ORDER BY m.id
                RETURN key, collect(m) AS items""".formatted(ReadPolicy.PROBLEM_DETAILS_READABLE), Mine::from);
    }

    private static Map<String, Object> readerUnit(String readerUnit, List<String> districts) {
        Map<String, Object> params = new HashMap<>();
        params.put("readerUnit", readerUnit);
        params.put("districts", districts);
        return params;
    }

    /**
     * Per unit of the scope, of the problems of the scope's districts assigned to it and found in the period: how each stands (the counting is
     * {@link UnitScorecard#of}), and the mines involved when
     * {@code withMines} (collecting them is most of the work on a large ledger, so only when asked for).
     */
    List<ScorecardRow> scorecards(LocalDate from, LocalDate to, boolean withMines, Scope scope, List<String> units) {
        Map<String, Object> params = new HashMap<>();
        params.put("districts", scope.districts());
        params.put("units", units);
        params.put("from", from);
        params.put("to", to);
        params.put("withMines", withMines);
        return reads.list("""
                MATCH (u:Unit) WHERE u.id IN $units
                OPTIONAL MATCH (i:Issue)-[:ASSIGNED_TO]->(u)
                  WHERE i.district IN $districts AND ($from IS NULL OR i.foundOn >= $from) AND ($to IS NULL OR i.foundOn <= $to)
                WITH u, i, CASE WHEN $withMines THEN [(i)-[:AT]->(m:Mine) | m][0] END AS m,
                     i.status IN $openStatuses AS open
                WITH u, collect(CASE WHEN i IS NOT NULL THEN {open: open, status: i.status, deadline: i.deadline,
                                                              closedOn: i.closedOn} END) AS issues,
                     collect(DISTINCT m) AS mines
                RETURN {unit: u, issues: issues, mines: mines} AS item
                ORDER BY u.order, u.id""", params, ScorecardRow::from);
    }
}
