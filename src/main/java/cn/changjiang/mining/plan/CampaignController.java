package cn.changjiang.mining.plan;

import java.util.List;
import java.util.Map;

import cn.changjiang.mining.plan.PlanViews.Competence;
import cn.changjiang.mining.plan.PlanViews.Goal;
import cn.changjiang.mining.plan.PlanViews.Mineral;
import cn.changjiang.mining.plan.PlanViews.Phase;
import cn.changjiang.mining.plan.PlanViews.Regulation;
import cn.changjiang.mining.plan.PlanViews.TaskResponsibility;
import cn.changjiang.mining.plan.PlanViews.Term;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class CampaignController {

    private final CampaignQueries queries;

    CampaignController(CampaignQueries queries) {
        this.queries = queries;
    }

    @QueryMapping
    Campaign campaign() {
        return queries.campaign().orElseThrow(() -> new IllegalStateException("The campaign plan is not seeded"));
    }

    @QueryMapping
    List<Task> tasks() {
        return queries.tasks();
    }

    @QueryMapping
    Task task(@Argument int number) {
        return queries.task(number).orElse(null);
    }

    @QueryMapping
    List<ViolationType> violationTypes() {
        return queries.violationTypes();
    }

    @QueryMapping
    ViolationType violationType(@Argument String code) {
        return queries.violationType(code).orElse(null);
    }

    @QueryMapping
    List<Phase> phases() {
        return queries.phases();
    }

    @QueryMapping
    List<Mineral> minerals() {
        return queries.minerals();
    }

    @QueryMapping
    List<Term> problemSources() {
        return queries.problemSources();
    }

    @QueryMapping
    List<Term> outcomes() {
        return queries.outcomes();
    }

    @SchemaMapping(typeName = "Campaign")
    List<Goal> goals(Campaign campaign) {
        return queries.goals();
    }

    @SchemaMapping(typeName = "Campaign")
    Unit leadUnit(Campaign campaign) {
        return queries.campaignLeadUnit().orElseThrow();
    }

    @BatchMapping(typeName = "Goal")
    Map<Goal, List<Mineral>> minerals(List<Goal> goals) {
        return queries.mineralsOfGoals(goals);
    }

    @BatchMapping(typeName = "Task")
    Map<Task, List<ViolationType>> violationTypes(List<Task> tasks) {
        return queries.violationTypesOfTasks(tasks);
    }

    @BatchMapping(typeName = "Task")
    Map<Task, List<Unit>> responsibleUnits(List<Task> tasks) {
        return queries.responsibleUnitsOfTasks(tasks);
    }

    @BatchMapping(typeName = "Task")
    Map<Task, List<TaskResponsibility>> responsibilities(List<Task> tasks) {
        return queries.responsibilitiesOfTasks(tasks);
    }

    @BatchMapping(typeName = "Task")
    Map<Task, Unit> leadUnit(List<Task> tasks) {
        return queries.leadUnitsOfTasks(tasks);
    }

    @BatchMapping(typeName = "Task")
    Map<Task, List<Unit>> territorialUnits(List<Task> tasks) {
        return queries.territorialUnitsOfTasks(tasks);
    }

    @BatchMapping(typeName = "Task")
    Map<Task, List<Regulation>> regulations(List<Task> tasks) {
        return queries.regulationsOfTasks(tasks);
    }

    @BatchMapping(typeName = "Regulation")
    Map<Regulation, List<Task>> tasks(List<Regulation> regulations) {
        return queries.tasksOfRegulations(regulations);
    }

    @BatchMapping(typeName = "ViolationType", field = "tasks")
    Map<ViolationType, List<Task>> tasksOfViolationTypes(List<ViolationType> types) {
        return queries.tasksOfViolationTypes(types);
    }

    @BatchMapping(typeName = "ViolationType", field = "responsibleUnits")
    Map<ViolationType, List<Unit>> responsibleUnitsOfViolationTypes(List<ViolationType> types) {
        return queries.responsibleUnitsOfViolationTypes(types);
    }

    @BatchMapping(typeName = "ViolationType")
    Map<ViolationType, List<Unit>> competentUnits(List<ViolationType> types) {
        return queries.competentUnitsOfViolationTypes(types);
    }

    @BatchMapping(typeName = "ViolationType")
    Map<ViolationType, List<Competence>> competence(List<ViolationType> types) {
        return queries.competenceOfViolationTypes(types);
    }

    @BatchMapping(typeName = "ViolationType")
    Map<ViolationType, List<Duty>> duties(List<ViolationType> types) {
        return queries.dutiesOfViolationTypes(types);
    }
}
