package cn.changjiang.mining.jurisdiction;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.plan.Task;
import cn.changjiang.mining.plan.Unit;
import org.springframework.stereotype.Component;

/** Reads of jurisdictions, plans and where units belong; each per-parent read is one query for all parents. */
@Component
class JurisdictionQueries {

    /** Sort key of a level, province first. */
    static final String LEVEL_RANK = "CASE %s.level WHEN 'PROVINCE' THEN 0 WHEN 'CITY' THEN 1 WHEN 'DISTRICT' THEN 2 ELSE 3 END";

    private final CypherRunner reads;

    JurisdictionQueries(CypherRunner reads) {
        this.reads = reads;
    }

    List<Jurisdiction> jurisdictions(JurisdictionLevel level) {
        return reads.list("""
                MATCH (j:Jurisdiction) WHERE $level IS NULL OR j.level = $level
                RETURN j AS item ORDER BY %s, j.id""".formatted(LEVEL_RANK.formatted("j")),
                java.util.Collections.singletonMap("level", level == null ? null : level.name()), Jurisdiction::from);
    }

    Optional<Jurisdiction> jurisdiction(String id) {
        return reads.single("MATCH (j:Jurisdiction {id: $id}) RETURN j AS item", Map.of("id", id), Jurisdiction::from);
    }

    List<Plan> plans() {
        return reads.list("""
                MATCH (p:Plan)-[:FOR]->(j:Jurisdiction)
                RETURN p AS item ORDER BY %s, p.id""".formatted(LEVEL_RANK.formatted("j")), Map.of(), Plan::from);
    }

    Optional<Plan> plan(String id) {
        return reads.single("MATCH (p:Plan {id: $id}) RETURN p AS item", Map.of("id", id), Plan::from);
    }

    Map<Jurisdiction, Jurisdiction> parents(List<Jurisdiction> jurisdictions) {
        return reads.one(jurisdictions, Jurisdiction::id, """
                UNWIND $keys AS key
                MATCH (:Jurisdiction {id: key})-[:PART_OF]->(p:Jurisdiction)
                RETURN key, p AS item""", Jurisdiction::from);
    }

    Map<Jurisdiction, List<Jurisdiction>> children(List<Jurisdiction> jurisdictions) {
        return reads.many(jurisdictions, Jurisdiction::id, """
                UNWIND $keys AS key
                MATCH (c:Jurisdiction)-[:PART_OF]->(:Jurisdiction {id: key})
                WITH key, c ORDER BY c.id
                RETURN key, collect(c) AS items""", Jurisdiction::from);
    }

    Map<Jurisdiction, List<Plan>> plansOf(List<Jurisdiction> jurisdictions) {
        return reads.many(jurisdictions, Jurisdiction::id, """
                UNWIND $keys AS key
                MATCH (p:Plan)-[:FOR]->(:Jurisdiction {id: key})
                WITH key, p ORDER BY p.issuedOn, p.id
                RETURN key, collect(p) AS items""", Plan::from);
    }

    /**
     * The tasks each plan sets out, by number: an imported plan's own ({@code SETS_TASK}), or, for the seeded district
     * plan, its campaign's. Problems and 责任单位 in the document's order; a name no known unit matches stays in
     * {@code responsibleNames} only. A seeded task's id is its plan's id, # and its number (CHANGJIANG-2023#2).
     */
    Map<Plan, List<PlanTask>> tasksOf(List<Plan> plans) {
        return reads.many(plans, Plan::id, """
                UNWIND $keys AS key
                MATCH (p:Plan {id: key})
                CALL (p) {
                  MATCH (p)-[:SETS_TASK]->(t:PlanTask)
                  RETURN t.id AS id, t.number AS number, t.title AS title,
                         COLLECT { MATCH (t)-[r:TARGETS]->(x:PlanProblem) RETURN x.name ORDER BY r.order, x.name } AS problems,
                         coalesce(t.responsibleNames, []) AS names,
                         COLLECT { MATCH (t)-[r:ASSIGNS]->(u) RETURN {unit: u, role: r.role, nameInDocument: r.nameInDocument}
                                   ORDER BY r.order, u.id } AS units
                  UNION ALL
                  MATCH (p)-[:SETS_OUT]->(:Campaign)-[:HAS_TASK]->(t:Task)
                  WITH t, COLLECT { MATCH (t)-[r:RESPONSIBLE_UNIT]->(u:Unit)
                                    RETURN {unit: u, role: r.role, nameInDocument: coalesce(r.nameInDocument, u.name)}
                                    ORDER BY r.order, u.id } AS units
                  RETURN p.id + '#' + t.number AS id, t.number AS number, t.title AS title,
                         COLLECT { MATCH (t)-[r:FOCUSES_ON]->(v:ViolationType) RETURN v.name ORDER BY r.order, v.code } AS problems,
                         [x IN units | x.nameInDocument] AS names, units
                }
                WITH key, id, number, title, problems, names, units ORDER BY number, id
                RETURN key, collect({id: id, number: number, title: title, problems: problems, responsibleNames: names,
                                     responsibleUnits: units}) AS items""", PlanTask::from);
    }

    /** Units that belong to or serve each jurisdiction: the district's by annex-1 order, then upper units by id. */
    Map<Jurisdiction, List<Unit>> unitsOf(List<Jurisdiction> jurisdictions) {
        return reads.many(jurisdictions, Jurisdiction::id, """
                UNWIND $keys AS key
                MATCH (u)-[:BELONGS_TO|SERVES]->(:Jurisdiction {id: key}) WHERE u:Unit OR u:UpperUnit
                WITH DISTINCT key, u ORDER BY u.order, u.id
                RETURN key, collect(u) AS items""", Unit::from);
    }

    Map<Plan, Jurisdiction> jurisdictionsOfPlans(List<Plan> plans) {
        return reads.one(plans, Plan::id, """
                UNWIND $keys AS key
                MATCH (:Plan {id: key})-[:FOR]->(j:Jurisdiction)
                RETURN key, j AS item""", Jurisdiction::from);
    }

    Map<Plan, Plan> implementedPlans(List<Plan> plans) {
        return reads.one(plans, Plan::id, """
                UNWIND $keys AS key
                MATCH (:Plan {id: key})-[:IMPLEMENTS]->(p:Plan)
                RETURN key, p AS item""", Plan::from);
    }

    Map<Plan, PlanWorkingGroup> workingGroupsOf(List<Plan> plans) {
        return reads.one(plans, Plan::id, """
                UNWIND $keys AS key
                MATCH (:Plan {id: key})-[:CONVENES]->(g:PlanWorkingGroup)
                RETURN key, g AS item""", PlanWorkingGroup::from);
    }

    Map<PlanWorkingGroup, Unit> convenerUnits(List<PlanWorkingGroup> groups) {
        return reads.one(groups, PlanWorkingGroup::id, """
                UNWIND $keys AS key
                MATCH (:PlanWorkingGroup {id: key})-[:CONVENER_UNIT]->(u)
                RETURN key, u AS item""", Unit::from);
    }

    Map<Plan, List<Plan>> implementingPlans(List<Plan> plans) {
        return reads.many(plans, Plan::id, """
                UNWIND $keys AS key
                MATCH (p:Plan)-[:IMPLEMENTS]->(:Plan {id: key})
                WITH key, p ORDER BY p.issuedOn, p.id
                RETURN key, collect(p) AS items""", Plan::from);
    }

    Map<Unit, Jurisdiction> jurisdictionsOfUnits(List<Unit> units) {
        return reads.one(units, Unit::id, """
                UNWIND $keys AS key
                MATCH (u)-[:BELONGS_TO]->(j:Jurisdiction) WHERE (u:Unit OR u:UpperUnit) AND u.id = key
                RETURN key, j AS item""", Jurisdiction::from);
    }

    Map<Unit, Unit> counterpartsAbove(List<Unit> units) {
        return reads.one(units, Unit::id, """
                UNWIND $keys AS key
                MATCH (u)-[:COUNTERPART_OF]->(c:UpperUnit) WHERE (u:Unit OR u:UpperUnit) AND u.id = key
                RETURN key, c AS item""", Unit::from);
    }

    /** A task's fields as {@link PlanTask#from} reads them, for an imported {@code :PlanTask} t. */
    private static final String IMPORTED_TASK = """
            {id: t.id, number: t.number, title: t.title,
             problems: COLLECT { MATCH (t)-[r:TARGETS]->(x:PlanProblem) RETURN x.name ORDER BY r.order, x.name },
             responsibleNames: coalesce(t.responsibleNames, []),
             responsibleUnits: COLLECT { MATCH (t)-[r:ASSIGNS]->(u)
                                         RETURN {unit: u, role: r.role, nameInDocument: r.nameInDocument} ORDER BY r.order, u.id }}""";

    /** The same for a seeded {@code :Task} t of plan p. */
    private static final String SEEDED_TASK = """
            {id: p.id + '#' + t.number, number: t.number, title: t.title,
             problems: COLLECT { MATCH (t)-[r:FOCUSES_ON]->(v:ViolationType) RETURN v.name ORDER BY r.order, v.code },
             responsibleNames: COLLECT { MATCH (t)-[r:RESPONSIBLE_UNIT]->(u:Unit) RETURN coalesce(r.nameInDocument, u.name)
                                         ORDER BY r.order, u.id },
             responsibleUnits: COLLECT { MATCH (t)-[r:RESPONSIBLE_UNIT]->(u:Unit)
                                         RETURN {unit: u, role: r.role, nameInDocument: coalesce(r.nameInDocument, u.name)}
                                         ORDER BY r.order, u.id }}""";

    /** The parent plans' tasks each task carries out ({@code CARRIES_OUT}), by plan and number. */
    Map<PlanTask, List<PlanTask>> carriedOut(List<PlanTask> tasks) {
        return reads.many(tasks, PlanTask::id, """
                UNWIND $keys AS key
                CALL (key) {
                  MATCH (t:PlanTask {id: key}) RETURN t
                  UNION
                  MATCH (:Plan {id: split(key, '#')[0]})-[:SETS_OUT]->(:Campaign)-[:HAS_TASK]->(t:Task)
                  WHERE t.number = toInteger(split(key, '#')[1])
                  RETURN t
                }
                MATCH (t)-[:CARRIES_OUT]->(parent:PlanTask)<-[:SETS_TASK]-(p:Plan)
                WITH key, parent AS t, p ORDER BY p.id, parent.number
                RETURN key, collect(%s) AS items""".formatted(IMPORTED_TASK), PlanTask::from);
    }

    /** The lower plans' tasks that carry out each task: imported ones and the seeded district's, by plan and number. */
    Map<PlanTask, List<PlanTask>> carriedOutBy(List<PlanTask> tasks) {
        return reads.many(tasks, PlanTask::id, """
                UNWIND $keys AS key
                MATCH (:PlanTask {id: key})<-[:CARRIES_OUT]-(child)
                CALL (child) {
                  MATCH (p:Plan)-[:SETS_TASK]->(t:PlanTask) WHERE t = child
                  RETURN p.id AS plan, t.number AS number, %s AS task
                  UNION ALL
                  MATCH (p:Plan)-[:SETS_OUT]->(:Campaign)-[:HAS_TASK]->(t:Task) WHERE t = child
                  RETURN p.id AS plan, t.number AS number, %s AS task
                }
                WITH key, plan, number, task ORDER BY plan, number, task.id
                RETURN key, collect(task) AS items""".formatted(IMPORTED_TASK, SEEDED_TASK), PlanTask::from);
    }

    /** The city plan's tasks each seeded campaign task carries out (written when the city plan is imported). */
    Map<Task, List<PlanTask>> carriedOutBySeeded(List<Task> tasks) {
        return reads.many(tasks, Task::number, """
                UNWIND $keys AS key
                MATCH (:Campaign)-[:HAS_TASK]->(:Task {number: key})-[:CARRIES_OUT]->(parent:PlanTask)<-[:SETS_TASK]-(p:Plan)
                WITH key, parent AS t, p ORDER BY p.id, parent.number
                RETURN key, collect(%s) AS items""".formatted(IMPORTED_TASK), PlanTask::from);
    }
}
