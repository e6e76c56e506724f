package cn.changjiang.mining.plan;

import cn.changjiang.mining.graph.Where;
import cn.changjiang.mining.security.ReadPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changjiang.mining.common.Connection;
import cn.changjiang.mining.plan.PlanViews.TaskResponsibility;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.plan.WorkingGroupViews.Office;
import cn.changjiang.mining.plan.WorkingGroupViews.Position;
import cn.changjiang.mining.plan.WorkingGroupViews.WorkingGroup;
import org.springframework.stereotype.Component;

/** The Cypher of units, their duties and people, and the working group. */
@Component
class OrganisationQueries {

    private final CypherRunner reads;

    OrganisationQueries(CypherRunner reads) {
        this.reads = reads;
    }

    /** The units working in a scope ({@link Scopes#unitsWithin}). */
    List<Unit> units(List<String> scoped) {
        return reads.list("MATCH (u:Unit) WHERE u.id IN $units RETURN u AS item ORDER BY u.order, u.name, u.id",
                Map.of("units", scoped), Unit::from);
    }

    Connection<Unit> unitPage(int first, int offset, UnitFilter filter, Where.Compiled where, String orderBy,
                              Scope scope, List<String> scoped) {
        Map<String, Object> params = new java.util.HashMap<>(filter.parameters(scoped));
        params.put("districts", scope.districts());
        params.putAll(where.parameters());
        return reads.orderedPage("units", UnitFilter.MATCH + "\n  AND " + where.condition(), orderBy, "n", params,
                first, offset, Unit::from);
    }

    Connection<Person> personPage(int first, int offset, PersonFilter filter, Where.Compiled where, String orderBy,
                                  String readerUnit, Scope scope, List<String> scoped) {
        Map<String, Object> params = new java.util.HashMap<>(filter.parameters(readerUnit, scoped));
        params.put("districts", scope.districts());
        params.putAll(where.parameters());
        return reads.orderedPage("people", PersonFilter.MATCH + "\n  AND " + where.condition(), orderBy, "n", params,
                first, offset, Person::from);
    }

    Optional<Unit> unitByName(String name) {
        return reads.single("""
                MATCH (u:Unit) WHERE u.name = $name OR $name IN u.aliases
                RETURN u AS item LIMIT 1""", Map.of("name", name.strip()), Unit::from);
    }

    Optional<Unit> unitById(String id) {
        return reads.single("MATCH (u:Unit {id: $id}) RETURN u AS item", Map.of("id", id), Unit::from);
    }

    Optional<Person> person(String id) {
        return reads.single("MATCH (p:Person {id: $id}) RETURN p AS item", Map.of("id", id), Person::from);
    }

    Optional<WorkingGroup> workingGroup() {
        return reads.single("MATCH (w:WorkingGroup) RETURN w AS item", Map.of(), WorkingGroup::from);
    }

    List<Unit> members(WorkingGroup group) {
        return reads.list("""
                MATCH (:WorkingGroup {id: $id})-[m:HAS_MEMBER]->(u:Unit)
                RETURN u AS item ORDER BY m.order, u.id""", Map.of("id", group.id()), Unit::from);
    }

    List<Position> positions(WorkingGroup group) {
        return reads.list("""
                MATCH (:WorkingGroup {id: $id})-[:HAS_POSITION]->(p:Position)
                RETURN p AS item ORDER BY p.order, p.id""", Map.of("id", group.id()), Position::from);
    }

    Optional<Position> position(String id) {
        return reads.single("MATCH (p:Position {id: $id}) RETURN p AS item", Map.of("id", id), Position::from);
    }

    Optional<Office> office(WorkingGroup group) {
        return reads.single("MATCH (:WorkingGroup {id: $id})-[:HAS_OFFICE]->(o:Office) RETURN o AS item",
                Map.of("id", group.id()), Office::from);
    }

    Optional<Unit> hostUnit(Office office) {
        return reads.single("MATCH (:Office {id: $id})-[:HOSTED_BY]->(u:Unit) RETURN u AS item",
                Map.of("id", office.id()), Unit::from);
    }

    Optional<Position> director(Office office) {
        return reads.single("MATCH (:Office {id: $id})-[:HAS_POSITION]->(p:Position) RETURN p AS item",
                Map.of("id", office.id()), Position::from);
    }

    Map<Unit, List<Task>> tasksOfUnits(List<Unit> units) {
        return reads.many(units, Unit::id, """
                UNWIND $keys AS key
                MATCH (t:Task)-[:RESPONSIBLE_UNIT]->(:Unit {id: key})
                WITH key, t ORDER BY t.number
                RETURN key, collect(t) AS items""", Task::from);
    }

    Map<Unit, List<TaskResponsibility>> taskResponsibilitiesOfUnits(List<Unit> units) {
        return reads.many(units, Unit::id, """
                UNWIND $keys AS key
                MATCH (t:Task)-[r:RESPONSIBLE_UNIT]->(u:Unit {id: key})
                WITH key, t, r, u ORDER BY t.number, r.role, elementId(r)
                RETURN key, collect({task: t, unit: u, order: r.order, role: r.role, nameInDocument: r.nameInDocument}) AS items""",
                TaskResponsibility::from);
    }

    Map<Unit, List<Duty>> dutiesOfUnits(List<Unit> units) {
        return reads.many(units, Unit::id, """
                UNWIND $keys AS key
                MATCH (:Unit {id: key})-[:HAS_DUTY]->(d:Duty)
                WITH key, d ORDER BY d.order, d.id
                RETURN key, collect(d) AS items""", Duty::from);
    }

    Map<Unit, List<ViolationType>> competentForOfUnits(List<Unit> units) {
        return reads.many(units, Unit::id, """
                UNWIND $keys AS key
                MATCH (v:ViolationType)-[:COMPETENT_UNIT]->(:Unit {id: key})
                WITH key, v ORDER BY v.order, v.code
                RETURN key, collect(v) AS items""", ViolationType::from);
    }

    Map<Unit, List<Person>> peopleOfUnits(List<Unit> units) {
        return reads.many(units, Unit::id, """
                UNWIND $keys AS key
                MATCH (p:Person)-[:SERVES_IN]->(:Unit {id: key})
                WITH key, p ORDER BY CASE p.rank WHEN 'PRINCIPAL' THEN 0 WHEN 'DEPUTY' THEN 1 ELSE 2 END, p.id
                RETURN key, collect(p) AS items""", Person::from);
    }

    Map<Unit, List<Position>> positionsOfUnits(List<Unit> units) {
        return reads.many(units, Unit::id, """
                UNWIND $keys AS key
                MATCH (p:Position)-[:HELD_IN]->(:Unit {id: key})
                WITH key, p ORDER BY p.order, p.id
                RETURN key, collect(p) AS items""", Position::from);
    }

    Map<Duty, Unit> unitsOfDuties(List<Duty> duties) {
        return reads.one(duties, Duty::id, """
                UNWIND $keys AS key
                MATCH (u:Unit)-[:HAS_DUTY]->(:Duty {id: key})
                RETURN key, u AS item""", Unit::from);
    }

    Map<Duty, List<ViolationType>> violationTypesOfDuties(List<Duty> duties) {
        return reads.many(duties, Duty::id, """
                UNWIND $keys AS key
                MATCH (:Duty {id: key})-[:COVERS]->(v:ViolationType)
                WITH key, v ORDER BY v.order, v.code
                RETURN key, collect(v) AS items""", ViolationType::from);
    }

    Map<Position, Unit> unitsOfPositions(List<Position> positions) {
        return reads.one(positions, Position::id, """
                UNWIND $keys AS key
                MATCH (:Position {id: key})-[:HELD_IN]->(u:Unit)
                RETURN key, u AS item""", Unit::from);
    }

    Map<Position, List<Person>> holdersOfPositions(List<Position> positions) {
        return reads.many(positions, Position::id, """
                UNWIND $keys AS key
                MATCH (p:Person)-[:HOLDS]->(:Position {id: key})
                WITH key, p ORDER BY p.id
                RETURN key, collect(p) AS items""", Person::from);
    }

    Map<Person, Unit> unitsOfPeople(List<Person> people) {
        return reads.one(people, Person::id, """
                UNWIND $keys AS key
                MATCH (:Person {id: key})-[:SERVES_IN]->(u:Unit)
                RETURN key, u AS item""", Unit::from);
    }

    Map<Person, List<Position>> positionsOfPeople(List<Person> people) {
        return reads.many(people, Person::id, """
                UNWIND $keys AS key
                MATCH (:Person {id: key})-[:HOLDS]->(p:Position)
                WITH key, p ORDER BY p.order, p.id
                RETURN key, collect(p) AS items""", Position::from);
    }
}
