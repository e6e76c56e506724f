package cn.changjiang.mining.jurisdiction;

import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.Actor;
import cn.changjiang.mining.common.ConflictException;
import cn.changjiang.mining.graph.WriteRetries;
import cn.changjiang.mining.plan.Task;
import cn.changjiang.mining.plan.Unit;
import cn.changjiang.mining.web.RequestContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class JurisdictionController {

    private final JurisdictionQueries queries;
    private final PlanImports imports;
    private final WriteRetries retries;

    JurisdictionController(JurisdictionQueries queries, PlanImports imports, WriteRetries retries) {
        this.queries = queries;
        this.imports = imports;
        this.retries = retries;
    }

    @QueryMapping
    List<Jurisdiction> jurisdictions(@Argument JurisdictionLevel level) {
        return queries.jurisdictions(level);
    }

    @QueryMapping
    Jurisdiction jurisdiction(@Argument String id) {
        return queries.jurisdiction(id).orElse(null);
    }

    @QueryMapping
    List<Plan> plans() {
        return queries.plans();
    }

    @QueryMapping
    Plan plan(@Argument String id) {
        return queries.plan(id).orElse(null);
    }

    @MutationMapping
    PlanImport importPlan(@Argument ImportPlanInput input, @ContextValue(RequestContext.ACTOR) Actor actor) {
        try {
            return retries.run("importPlan", () -> imports.importPlan(input, actor));
        } catch (DataIntegrityViolationException e) {
            // Two imports of one document number at once: the uniqueness constraint on Plan.documentNumber (V014)
            // refuses the second, which the check inside the transaction could not yet see.
            throw new ConflictException("This plan was imported meanwhile by another request: it is not imported twice");
        }
    }

    @SchemaMapping(typeName = "PlanImport", field = "implements")
    Plan parentPlanOfImport(PlanImport planImport) {
        return planImport.parentPlan();
    }

    @BatchMapping(typeName = "Jurisdiction")
    Map<Jurisdiction, Jurisdiction> parent(List<Jurisdiction> jurisdictions) {
        return queries.parents(jurisdictions);
    }

    @BatchMapping(typeName = "Jurisdiction")
    Map<Jurisdiction, List<Jurisdiction>> children(List<Jurisdiction> jurisdictions) {
        return queries.children(jurisdictions);
    }

    @BatchMapping(typeName = "Jurisdiction")
    Map<Jurisdiction, List<Plan>> plans(List<Jurisdiction> jurisdictions) {
        return queries.plansOf(jurisdictions);
    }

    @BatchMapping(typeName = "Jurisdiction")
    Map<Jurisdiction, List<Unit>> units(List<Jurisdiction> jurisdictions) {
        return queries.unitsOf(jurisdictions);
    }

    @BatchMapping(typeName = "Plan")
    Map<Plan, Jurisdiction> jurisdiction(List<Plan> plans) {
        return queries.jurisdictionsOfPlans(plans);
    }

    @BatchMapping(typeName = "Plan")
    Map<Plan, List<PlanTask>> tasks(List<Plan> plans) {
        return queries.tasksOf(plans);
    }

    @BatchMapping(typeName = "PlanTask")
    Map<PlanTask, List<PlanTask>> carriesOut(List<PlanTask> tasks) {
        return queries.carriedOut(tasks);
    }

    @BatchMapping(typeName = "Task", field = "carriesOut")
    Map<Task, List<PlanTask>> seededTaskCarriesOut(List<Task> tasks) {
        return queries.carriedOutBySeeded(tasks);
    }

    @BatchMapping(typeName = "PlanTask")
    Map<PlanTask, List<PlanTask>> carriedOutBy(List<PlanTask> tasks) {
        return queries.carriedOutBy(tasks);
    }

    @BatchMapping(typeName = "Plan", field = "implements")
    Map<Plan, Plan> implementsPlan(List<Plan> plans) {
        return queries.implementedPlans(plans);
    }

    @BatchMapping(typeName = "Plan")
    Map<Plan, PlanWorkingGroup> workingGroup(List<Plan> plans) {
        return queries.workingGroupsOf(plans);
    }

    @BatchMapping(typeName = "PlanWorkingGroup")
    Map<PlanWorkingGroup, Unit> convenerUnit(List<PlanWorkingGroup> groups) {
        return queries.convenerUnits(groups);
    }

    @BatchMapping(typeName = "Plan")
    Map<Plan, List<Plan>> implementedBy(List<Plan> plans) {
        return queries.implementingPlans(plans);
    }

    @BatchMapping(typeName = "Unit", field = "jurisdiction")
    Map<Unit, Jurisdiction> jurisdictionOfUnit(List<Unit> units) {
        return queries.jurisdictionsOfUnits(units);
    }

    @BatchMapping(typeName = "Unit")
    Map<Unit, Unit> counterpartAbove(List<Unit> units) {
        return queries.counterpartsAbove(units);
    }
}
