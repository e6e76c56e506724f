package cn.changjiang.mining.requirement;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.plan.Unit;
import org.springframework.stereotype.Component;

/** The Cypher of 工作要求 and of the dated obligations: who must do what, and who has met what. */
@Component
class RequirementQueries {

    /** A party as the API shows it: units, the working group, its office, or a body outside the campaign. */
    private static final String PARTY = """
            {id: p.id, name: p.name,
             kind: CASE WHEN p:Unit THEN 'UNIT' WHEN p:WorkingGroup THEN 'WORKING_GROUP' WHEN p:Office THEN 'OFFICE' ELSE 'BODY' END,
             unit: CASE WHEN p:Unit THEN p END}""";

    /** Matches a unit {@code u} by id, official name or alias. */
    private static final String UNIT_NAMED = "(u.id = $unit OR u.name = $unit OR $unit IN u.aliases)";

    /** Where obligation {@code o} stands for unit {@code u} on {@code $today}. */
    private static final String STATUS = """
            CASE WHEN EXISTS { (u)-[:MET]->(o) } THEN 'MET' WHEN o.dueOn < $today THEN 'OVERDUE' ELSE 'DUE' END""";

    private final CypherRunner reads;

    RequirementQueries(CypherRunner reads) {
        this.reads = reads;
    }

    Optional<Unit> unitNamed(String unit) {
        return reads.single("MATCH (u:Unit) WHERE " + UNIT_NAMED + " RETURN u AS item LIMIT 1", Map.of("unit", unit),
                Unit::from);
    }

    /** Requirements in the document's order, of one clause (五(四), or its start 五) and owed by one unit if asked. */
    List<Requirement> requirements(String clause, String unitId) {
        Map<String, Object> params = new HashMap<>();
        params.put("clause", clause);
        params.put("unitId", unitId);
        return reads.list("""
                MATCH (r:Requirement)
                WHERE ($clause IS NULL OR r.clause STARTS WITH $clause)
                  AND ($unitId IS NULL OR EXISTS { (r)-[:REQUIRED_OF]->(:Unit {id: $unitId}) })
                RETURN {requirement: r, phase: [(r)-[:DURING]->(p:Phase) | p][0],
                        dueOn: [(r)-[:DATED_AS]->(o:Obligation) | o.dueOn][0]} AS item
                ORDER BY r.order, r.id""", params, Requirement::from);
    }

    /**
     * Obligations in order; with a status, those owed by at least one unit (the given one, if any) that stands so on
     * {@code today}; with a unit, those it owes.
     */
    List<Obligation> obligations(ObligationStatus status, String unitId, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        params.put("status", status == null ? null : status.name());
        params.put("unitId", unitId);
        params.put("today", today);
        return reads.list("""
                MATCH (o:Obligation)
                WHERE EXISTS { MATCH (o)-[:OWED_BY]->(u:Unit)
                               WHERE ($unitId IS NULL OR u.id = $unitId) AND ($status IS NULL OR %s = $status) }
                RETURN o AS item ORDER BY o.order, o.id""".formatted(STATUS), params, Obligation::from);
    }

    Optional<Obligation> obligation(String id) {
        return reads.single("MATCH (o:Obligation {id: $id}) RETURN o AS item", Map.of("id", id), Obligation::from);
    }

    Map<Requirement, List<Obligation.Party>> owedByOfRequirements(List<Requirement> requirements) {
        return partiesOfRequirements(requirements, "REQUIRED_OF");
    }

    Map<Requirement, List<Obligation.Party>> towardsOfRequirements(List<Requirement> requirements) {
        return partiesOfRequirements(requirements, "TOWARDS");
    }

    private Map<Requirement, List<Obligation.Party>> partiesOfRequirements(List<Requirement> requirements, String relation) {
        return reads.many(requirements, Requirement::id, """
                UNWIND $keys AS key
                MATCH (:Requirement {id: key})-[:%s]->(p)
                WITH key, p ORDER BY CASE WHEN p:Unit THEN 1 ELSE 0 END, p.order, p.id
                RETURN key, collect(%s) AS items""".formatted(relation, PARTY), Obligation.Party::from);
    }

    Map<Obligation, List<Unit>> debtorsOfObligations(List<Obligation> obligations) {
        return reads.many(obligations, Obligation::id, """
                UNWIND $keys AS key
                MATCH (:Obligation {id: key})-[:OWED_BY]->(u:Unit)
                WITH key, u ORDER BY u.order, u.id
                RETURN key, collect(u) AS items""", Unit::from);
    }

    Map<Obligation, Obligation.Party> creditorsOfObligations(List<Obligation> obligations) {
        return reads.one(obligations, Obligation::id, """
                UNWIND $keys AS key
                MATCH (:Obligation {id: key})-[:OWED_TO]->(p)
                RETURN key, %s AS item""".formatted(PARTY), Obligation.Party::from);
    }

    Map<Obligation, List<Obligation.Standing>> standingsOfObligations(List<Obligation> obligations, LocalDate today) {
        return reads.many(obligations, Obligation::id, """
                UNWIND $keys AS key
                MATCH (o:Obligation {id: key})-[:OWED_BY]->(u:Unit)
                OPTIONAL MATCH (u)-[m:MET]->(o)
                WITH key, o, u, m ORDER BY u.order, u.id, m.on, elementId(m)
                RETURN key, collect({unit: u, dueOn: o.dueOn, metOn: m.on, note: m.note}) AS items""",
                v -> Obligation.Standing.on(v, today));
    }

    /** The obligation and the unit, locked, with whether the unit owes it and what was recorded before. */
    Optional<Obligation.MetRecord> lockForRecording(String obligationId, String unitId) {
        return reads.writeSingle("""
                MATCH (o:Obligation {id: $obligationId}), (u:Unit {id: $unitId})
                SET o._lock = true REMOVE o._lock
                RETURN {debtor: EXISTS { (o)-[:OWED_BY]->(u) },
                        metOn: [(u)-[m:MET]->(o) | m.on][0], note: [(u)-[m:MET]->(o) | m.note][0]} AS item""",
                Map.of("obligationId", obligationId, "unitId", unitId), Obligation.MetRecord::from);
    }

    Obligation.Standing recordMet(String obligationId, String unitId, LocalDate metOn, String note, String actor,
                                  LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        params.put("obligationId", obligationId);
        params.put("unitId", unitId);
        params.put("metOn", metOn);
        params.put("note", note);
        params.put("actor", actor);
        return reads.writeSingle("""
                MATCH (o:Obligation {id: $obligationId})-[:OWED_BY]->(u:Unit {id: $unitId})
                MERGE (u)-[m:MET]->(o)
                SET m.on = $metOn, m.note = $note, m.recordedBy = $actor, m.recordedAt = datetime()
                RETURN {unit: u, dueOn: o.dueOn, metOn: m.on, note: m.note} AS item""", params,
                v -> Obligation.Standing.on(v, today)).orElseThrow();
    }
}
