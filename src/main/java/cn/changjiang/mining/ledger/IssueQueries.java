package cn.changjiang.mining.ledger;

import cn.changjiang.mining.security.ReadPolicy;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changjiang.mining.audit.AuditTrail.Change;
import cn.changjiang.mining.common.Connection;
import cn.changjiang.mining.plan.PlanViews.Phase;
import cn.changjiang.mining.plan.PlanViews.Term;
import cn.changjiang.mining.plan.ViolationType;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.graph.Where;
import cn.changjiang.mining.mine.Mine;
import cn.changjiang.mining.plan.Person;
import cn.changjiang.mining.plan.Scope;
import cn.changjiang.mining.plan.Unit;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/** The Cypher of the problem ledger's reads. */
@Component
class IssueQueries {

    private final CypherRunner reads;

    IssueQueries(CypherRunner reads) {
        this.reads = reads;
    }

    /**
     * A keyset page with the related fields the request asks for read in the same statement ({@link Related}): one
     * round trip however many of them, and however long the page.
     */
    Connection<IssueRow> page(int first, String afterId, Scope scope, Related related, String readerUnit) {
        return reads.pageInDistricts("Issue", "issue", scope.districts(), first, afterId, related.row(),
                related.parameters(readerUnit), IssueRow::from, r -> r.issue().id());
    }

    /**
     * A filtered, sorted page, with the related fields asked for; its cursors are positions in that order. One round
     * trip with the total.
     */
    Connection<IssueRow> page(int first, int offset, IssueFilter filter, Where.Compiled where, String orderBy,
                              String readerUnit, Scope scope, LocalDate today, Related related) {
        Map<String, Object> params = new HashMap<>(filter.parameters(readerUnit, scope, today));
        params.putAll(related.parameters(readerUnit));
        params.putAll(where.parameters());
        return reads.orderedPage("issues", where.startingFrom("i", "Issue", filter.condition())
                + " WITH i AS n", orderBy, related.row(), params, first, offset, IssueRow::from);
    }

    /** The order of a problem's units {@code u} by their assignments {@code a}: the lead, then by plan order, then id. */
    static final String ASSIGNMENT_ORDER = "CASE a.role WHEN 'LEAD' THEN 0 ELSE 1 END, u.order, u.id";

    /**
     * Which related fields of a problem a page reads with its rows: those the request's selection asks for. The person
     * who answers for a problem is read only where the reader may know it ({@link ReadPolicy#PROBLEM_DETAILS_READABLE}),
     * as every other path reads it; {@code own} says, for a unit officer, whether the problem is its unit's.
     */
    record Related(boolean mine, boolean assignments, boolean responsiblePerson) {

        boolean any() {
            return mine || assignments || responsiblePerson;
        }

        /** The row of a page's problem {@code n}, as Cypher. */
        String row() {
            StringBuilder row = new StringBuilder("{node: n");
            if (mine) {
                row.append(", mine: [(n)-[:AT]->(m:Mine) | m][0]");
            }
            if (assignments) {
                row.append(", assignments: COLLECT { MATCH (n)-[a:ASSIGNED_TO]->(u:Unit) WITH a, u ORDER BY %s RETURN {unit: u, role: a.role} }"
                        .formatted(ASSIGNMENT_ORDER));
            }
            if (responsiblePerson) {
                row.append(", responsiblePerson: CASE WHEN ").append(ReadPolicy.problemDetailsReadable("n"))
                        .append(" THEN [(n)-[:RESPONSIBLE_PERSON]->(p:Person) | p][0] END");
            }
            if (any()) {
                row.append(", own: CASE WHEN $readerUnit IS NULL THEN null ELSE ")
                        .append(ReadPolicy.problemDetailsReadable("n")).append(" END");
            }
            return row.append("}").toString();
        }

        Map<String, Object> parameters(String readerUnit) {
            Map<String, Object> params = new HashMap<>();
            params.put("readerUnit", readerUnit);
            return params;
        }
    }

    /**
     * A problem of a page with the related values read with it: null (empty) where not asked for; {@code own} is
     * whether a unit officer's unit is on the problem (null for other readers, or when nothing related was asked for).
     */
    record IssueRow(Issue issue, Mine mine, List<Issue.Assignment> assignments, Person responsiblePerson, Boolean own) {
        static IssueRow from(Value v) {
            Value node = v.get("node");
            return new IssueRow(Issue.from(node), v.get("mine").isNull() ? null : Mine.from(v.get("mine")),
                    v.get("assignments").isNull() ? List.of() : v.get("assignments").asList(Issue.Assignment::from),
                    v.get("responsiblePerson").isNull() ? null : Person.from(v.get("responsiblePerson")),
                    v.get("own").isNull() ? null : v.get("own").asBoolean());
        }
    }

    Optional<Issue> issue(String id) {
        return reads.single("MATCH (i:Issue {id: $id}) RETURN i AS item", Map.of("id", id), Issue::from);
    }

    /** A problem by id, as if it did not exist when it lies outside the scope. */
    Optional<Issue> issue(String id, Scope scope) {
        return reads.single("MATCH (i:Issue {id: $id}) WHERE i.district IN $districts RETURN i AS item",
                Map.of("id", id, "districts", scope.districts()), Issue::from);
    }

    /** The problem each change record of a problem changed (the others have none). */
    Map<Change, Issue> issuesOfChanges(List<Change> changes) {
        return reads.one(changes.stream().filter(c -> "Issue".equals(c.entityType())).toList(), Change::entityId, """
                UNWIND $keys AS key
                MATCH (i:Issue {id: key})
                RETURN key, i AS item""", Issue::from);
    }

    /** The mine each change record of a mine changed (the others have none). */
    Map<Change, Mine> minesOfChanges(List<Change> changes) {
        return reads.one(changes.stream().filter(c -> "Mine".equals(c.entityType())).toList(), Change::entityId, """
                UNWIND $keys AS key
                MATCH (m:Mine {id: key})
                RETURN key, m AS item""", Mine::from);
    }

    Map<Issue, Mine> minesOfIssues(List<Issue> issues) {
        return reads.one(issues, Issue::id, """
                UNWIND $keys AS key
                MATCH (:Issue {id: key})-[:AT]->(m:Mine)
                RETURN key, m AS item""", Mine::from);
    }

    Map<Mine, List<Issue>> issuesOfMines(List<Mine> mines) {
        return reads.many(mines, Mine::id, """
                UNWIND $keys AS key
                MATCH (i:Issue)-[:AT]->(:Mine {id: key})
                WITH key, i ORDER BY i.foundOn, i.id
                RETURN key, collect(i) AS items""", Issue::from);
    }

    /** A person's problems in the scope, as far as the reader may know who answers for them. */
    Map<Person, List<Issue>> issuesOfPeople(List<Person> people, String readerUnit, Scope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("readerUnit", readerUnit);
        params.put("districts", scope.districts());
        return reads.many(people, Person::id, params, """
                UNWIND $keys AS key
                MATCH (i:Issue)-[:RESPONSIBLE_PERSON]->(:Person {id: key})
                WHERE i.district IN $districts AND %s
                WITH key, i ORDER BY i.foundOn, i.id
                RETURN key, collect(i) AS items""".formatted(ReadPolicy.PROBLEM_DETAILS_READABLE), Issue::from);
    }

    Map<Issue, List<ViolationType>> violationTypesOfIssues(List<Issue> issues) {
        return reads.many(issues, Issue::id, """
                UNWIND $keys AS key
                MATCH (:Issue {id: key})-[r:OF_TYPE]->(v:ViolationType)
                WITH key, v ORDER BY r.order, v.code
                RETURN key, collect(v) AS items""", ViolationType::from);
    }

    Map<Issue, List<Issue.Assignment>> assignmentsOfIssues(List<Issue> issues) {
        return reads.many(issues, Issue::id, """
                UNWIND $keys AS key
                MATCH (:Issue {id: key})-[a:ASSIGNED_TO]->(u:Unit)
                WITH key, a, u ORDER BY %s
                RETURN key, collect({unit: u, role: a.role}) AS items""".formatted(ASSIGNMENT_ORDER), Issue.Assignment::from);
    }

    Map<Issue, Person> responsiblePeopleOfIssues(List<Issue> issues) {
        return reads.one(issues, Issue::id, """
                UNWIND $keys AS key
                MATCH (:Issue {id: key})-[:RESPONSIBLE_PERSON]->(p:Person)
                RETURN key, p AS item""", Person::from);
    }

    Map<Issue, Term> sourcesOfIssues(List<Issue> issues) {
        return reads.one(issues, Issue::id, """
                UNWIND $keys AS key
                MATCH (:Issue {id: key})-[:FOUND_BY]->(s:ProblemSource)
                RETURN key, s AS item""", Term::from);
    }

    Map<Issue, Phase> phasesOfIssues(List<Issue> issues) {
        return reads.one(issues, Issue::id, """
                UNWIND $keys AS key
                MATCH (:Issue {id: key})-[:IN_PHASE]->(p:Phase)
                RETURN key, p AS item""", Phase::from);
    }

    Map<Issue, List<Term>> outcomesOfIssues(List<Issue> issues) {
        return reads.many(issues, Issue::id, """
                UNWIND $keys AS key
                MATCH (:Issue {id: key})-[:RESULTED_IN]->(o:Outcome)
                WITH key, o ORDER BY o.order, o.code
                RETURN key, collect(o) AS items""", Term::from);
    }

    /** Open problems past their deadline, for one unit (by id, name or alias) or person when given. */
    List<Issue> overdue(String unit, String personId, LocalDate today, String readerUnit, Scope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("districts", scope.districts());
        params.put("readerUnit", readerUnit);
        params.put("unit", unit);
        params.put("personId", personId);
        params.put("today", today);
        return reads.list("""
                MATCH (i:Issue)
                WHERE i.district IN $districts AND i.status IN $openStatuses AND i.deadline < $today
                  AND ($unit IS NULL OR EXISTS { (i)-[:ASSIGNED_TO]->(u:Unit) WHERE u.id = $unit OR u.name = $unit OR $unit IN u.aliases })
                  AND ($personId IS NULL OR (EXISTS { (i)-[:RESPONSIBLE_PERSON]->(:Person {id: $personId}) } AND %s))
                RETURN i AS item ORDER BY i.deadline, i.id""".formatted(ReadPolicy.PROBLEM_DETAILS_READABLE), params, Issue::from);
    }

    List<Issue> supervised(Scope scope) {
        return reads.list("""
                MATCH (i:Issue) WHERE i.district IN $districts AND i.status IN $openStatuses AND i.supervised = true
                RETURN i AS item ORDER BY i.deadline, i.id""", Map.of("districts", scope.districts()), Issue::from);
    }

    Map<Issue, Unit> supervisingUnitsOfIssues(List<Issue> issues) {
        return reads.one(issues, Issue::id, """
                UNWIND $keys AS key
                MATCH (:Issue {id: key})-[:SUPERVISED_BY]->(u:Unit)
                RETURN key, u AS item""", Unit::from);
    }

    Map<Issue, List<OutcomeRecord>> outcomeRecordsOfIssues(List<Issue> issues) {
        return reads.many(issues, Issue::id, """
                UNWIND $keys AS key
                MATCH (:Issue {id: key})-[r:RESULTED_IN]->(o:Outcome)
                WITH key, r, o ORDER BY r.on, o.order, r.recordedAt, elementId(r)
                RETURN key, collect(r {.*, outcome: o}) AS items""", OutcomeRecord::from);
    }

    /** An outcome recorded on a problem, with its details. */
    record OutcomeRecord(Term outcome, LocalDate on, String where, Double amount, String decisionNumber, String note) {
        static OutcomeRecord from(Value v) {
            return new OutcomeRecord(Term.from(v.get("outcome")), v.get("on").isNull() ? null : v.get("on").asLocalDate(),
                    v.get("where").asString(null), v.get("amount").isNull() ? null : v.get("amount").asDouble(),
                    v.get("decisionNumber").asString(null), v.get("note").asString(null));
        }
    }
}
