package cn.changjiang.mining.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changjiang.mining.plan.PlanViews.Competence;
import cn.changjiang.mining.plan.PlanViews.Goal;
import cn.changjiang.mining.plan.PlanViews.Mineral;
import cn.changjiang.mining.plan.PlanViews.Phase;
import cn.changjiang.mining.plan.PlanViews.Regulation;
import cn.changjiang.mining.plan.PlanViews.TaskResponsibility;
import cn.changjiang.mining.plan.PlanViews.Term;
import cn.changjiang.mining.graph.CypherRunner;
import org.springframework.stereotype.Component;

/** The Cypher of the plan: campaign, goals, tasks, violation types and who shares or acts on each. */
@Component
class CampaignQueries {

    private final CypherRunner reads;

    CampaignQueries(CypherRunner reads) {
        this.reads = reads;
    }

    Optional<Campaign> campaign() {
        return reads.single("MATCH (c:Campaign) RETURN c AS item", Map.of(), Campaign::from);
    }

    List<Goal> goals() {
        return reads.list("MATCH (:Campaign)-[:HAS_GOAL]->(g:Goal) RETURN g AS item ORDER BY g.number", Map.of(), Goal::from);
    }

    Optional<Unit> campaignLeadUnit() {
        return reads.single("MATCH (:Campaign)-[:LED_BY]->(u:Unit) RETURN u AS item", Map.of(), Unit::from);
    }

    List<Task> tasks() {
        return reads.list("MATCH (t:Task) RETURN t AS item ORDER BY t.number", Map.of(), Task::from);
    }

    Optional<Task> task(int number) {
        return reads.single("MATCH (t:Task {number: $number}) RETURN t AS item", Map.of("number", number), Task::from);
    }

    List<ViolationType> violationTypes() {
        return reads.list("MATCH (v:ViolationType) RETURN v AS item ORDER BY v.order, v.code", Map.of(), ViolationType::from);
    }

    Optional<ViolationType> violationType(String code) {
        return reads.single("MATCH (v:ViolationType {code: $code}) RETURN v AS item", Map.of("code", code),
                ViolationType::from);
    }

    List<Phase> phases() {
        return reads.list("MATCH (p:Phase) RETURN p AS item ORDER BY p.number", Map.of(), Phase::from);
    }

    List<Mineral> minerals() {
        return reads.list("""
                MATCH (m:Mineral)
                OPTIONAL MATCH (:Goal)-[r:NAMES_MINERAL]->(m)
                RETURN m AS item ORDER BY coalesce(r.order, 100), m.name""", Map.of(), Mineral::from);
    }

    List<Term> problemSources() {
        return reads.list("MATCH (s:ProblemSource) RETURN s AS item ORDER BY s.order, s.code", Map.of(), Term::from);
    }

    List<Term> outcomes() {
        return reads.list("MATCH (o:Outcome) RETURN o AS item ORDER BY o.order, o.code", Map.of(), Term::from);
    }

    Map<Goal, List<Mineral>> mineralsOfGoals(List<Goal> goals) {
        return reads.many(goals, Goal::id, """
                UNWIND $keys AS key
                MATCH (:Goal {id: key})-[r:NAMES_MINERAL]->(m:Mineral)
                WITH key, m ORDER BY r.order, m.name
                RETURN key, collect(m) AS items""", Mineral::from);
    }

    Map<Task, List<ViolationType>> violationTypesOfTasks(List<Task> tasks) {
        return reads.many(tasks, Task::number, """
                UNWIND $keys AS key
                MATCH (:Task {number: key})-[r:FOCUSES_ON]->(v:ViolationType)
                WITH key, v ORDER BY r.order, v.code
                RETURN key, collect(v) AS items""", ViolationType::from);
    }

    Map<Task, List<Unit>> responsibleUnitsOfTasks(List<Task> tasks) {
        return reads.many(tasks, Task::number, """
                UNWIND $keys AS key
                MATCH (:Task {number: key})-[r:RESPONSIBLE_UNIT]->(u:Unit)
                WITH key, u ORDER BY r.order, u.id
                RETURN key, collect(u) AS items""", Unit::from);
    }

    Map<Task, List<TaskResponsibility>> responsibilitiesOfTasks(List<Task> tasks) {
        return reads.many(tasks, Task::number, """
                UNWIND $keys AS key
                MATCH (t:Task {number: key})-[r:RESPONSIBLE_UNIT]->(u:Unit)
                WITH key, t, r, u ORDER BY r.order, u.id
                RETURN key, collect({task: t, unit: u, order: r.order, role: r.role, nameInDocument: r.nameInDocument}) AS items""",
                TaskResponsibility::from);
    }

    Map<Task, Unit> leadUnitsOfTasks(List<Task> tasks) {
        return reads.one(tasks, Task::number, """
                UNWIND $keys AS key
                MATCH (:Task {number: key})-[:RESPONSIBLE_UNIT {role: 'LEAD'}]->(u:Unit)
                RETURN key, u AS item""", Unit::from);
    }

    Map<Task, List<Unit>> territorialUnitsOfTasks(List<Task> tasks) {
        return reads.many(tasks, Task::number, """
                UNWIND $keys AS key
                MATCH (:Task {number: key})-[:TERRITORIAL_UNIT]->(u:Unit)
                WITH key, u ORDER BY u.order, u.id
                RETURN key, collect(u) AS items""", Unit::from);
    }

    Map<Task, List<Regulation>> regulationsOfTasks(List<Task> tasks) {
        return reads.many(tasks, Task::number, """
                UNWIND $keys AS key
                MATCH (:Task {number: key})-[:CITES]->(r:Regulation)
                WITH key, r ORDER BY r.name, r.id
                RETURN key, collect(r) AS items""", Regulation::from);
    }

    Map<Regulation, List<Task>> tasksOfRegulations(List<Regulation> regulations) {
        return reads.many(regulations, Regulation::id, """
                UNWIND $keys AS key
                MATCH (t:Task)-[:CITES]->(:Regulation {id: key})
                WITH key, t ORDER BY t.number
                RETURN key, collect(t) AS items""", Task::from);
    }

    Map<ViolationType, List<Task>> tasksOfViolationTypes(List<ViolationType> types) {
        return reads.many(types, ViolationType::code, """
                UNWIND $keys AS key
                MATCH (t:Task)-[:FOCUSES_ON]->(:ViolationType {code: key})
                WITH key, t ORDER BY t.number
                RETURN key, collect(t) AS items""", Task::from);
    }

    /** Units of the tasks that list the type (in each list's order), then units whose annex-2 duties cover it. */
    Map<ViolationType, List<Unit>> responsibleUnitsOfViolationTypes(List<ViolationType> types) {
        return reads.many(types, ViolationType::code, """
                UNWIND $keys AS key
                MATCH (v:ViolationType {code: key})
                OPTIONAL MATCH (v)<-[:FOCUSES_ON]-(t:Task)-[r:RESPONSIBLE_UNIT]->(taskUnit:Unit)
                WITH key, v, taskUnit ORDER BY t.number, r.order, taskUnit.id
                WITH key, v, collect(DISTINCT taskUnit) AS taskUnits
                OPTIONAL MATCH (v)<-[:COVERS]-(d:Duty)<-[:HAS_DUTY]-(dutyUnit:Unit)
                WITH key, taskUnits, dutyUnit ORDER BY d.order, d.id, dutyUnit.id
                WITH key, taskUnits, collect(DISTINCT dutyUnit) AS dutyUnits
                RETURN key, taskUnits + [u IN dutyUnits WHERE NOT u IN taskUnits] AS items""", Unit::from);
    }

    Map<ViolationType, List<Unit>> competentUnitsOfViolationTypes(List<ViolationType> types) {
        return reads.many(types, ViolationType::code, """
                UNWIND $keys AS key
                MATCH (:ViolationType {code: key})-[c:COMPETENT_UNIT]->(u:Unit)
                WITH key, u ORDER BY CASE c.role WHEN 'LEAD' THEN 0 ELSE 1 END, u.order, u.id
                RETURN key, collect(u) AS items""", Unit::from);
    }

    Map<ViolationType, List<Competence>> competenceOfViolationTypes(List<ViolationType> types) {
        return reads.many(types, ViolationType::code, """
                UNWIND $keys AS key
                MATCH (:ViolationType {code: key})-[c:COMPETENT_UNIT]->(u:Unit)
                OPTIONAL MATCH (d:Duty {id: c.dutyId})
                WITH key, c, u, d ORDER BY CASE c.role WHEN 'LEAD' THEN 0 ELSE 1 END, u.order, u.id, elementId(c)
                RETURN key, collect({unit: u, role: c.role, basis: c.basis, clause: c.clause, quote: c.quote, duty: d}) AS items""",
                Competence::from);
    }

    Map<ViolationType, List<Duty>> dutiesOfViolationTypes(List<ViolationType> types) {
        return reads.many(types, ViolationType::code, """
                UNWIND $keys AS key
                MATCH (:ViolationType {code: key})<-[:COVERS]-(d:Duty)
                WITH key, d ORDER BY d.order, d.id
                RETURN key, collect(d) AS items""", Duty::from);
    }
}
