package cn.changjiang.mining.plan;

import cn.changjiang.mining.graph.Where;
import cn.changjiang.mining.security.ReadPolicy;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.Connection;
import cn.changjiang.mining.web.RequestContext;
import cn.changjiang.mining.common.UnauthenticatedException;
import cn.changjiang.mining.common.SortOrder;
import cn.changjiang.mining.plan.PlanViews.TaskResponsibility;
import cn.changjiang.mining.plan.WorkingGroupViews.Office;
import cn.changjiang.mining.plan.WorkingGroupViews.Position;
import cn.changjiang.mining.plan.WorkingGroupViews.WorkingGroup;
import cn.changjiang.mining.common.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class OrganisationController {

    private final OrganisationQueries queries;
    private final Scopes scopes;
    private final ReadPolicy readPolicy;

    OrganisationController(OrganisationQueries queries, Scopes scopes, ReadPolicy readPolicy) {
        this.readPolicy = readPolicy;
        this.queries = queries;
        this.scopes = scopes;
    }

    @QueryMapping
    List<Unit> units(@Argument String jurisdiction, @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        return queries.units(scopes.unitsWithin(scopes.of(viewer, jurisdiction)));
    }

    @QueryMapping
    Connection<Unit> unitsConnection(@Argument Integer first, @Argument String after, @Argument UnitFilter filter,
                                     @Argument UnitOrder orderBy, @Argument Map<String, Object> where,
                                     @Argument List<UnitOrder> sort, @Argument String jurisdiction,
                                     @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        Where.Compiled compiled = Where.compile(PlanWhere.UNIT, where, "n", readPolicy.whereGuard(viewer));
        boolean byOpenIssues = (orderBy != null && orderBy.field() == UnitOrderField.OPEN_ISSUES)
                || (sort != null && sort.stream().anyMatch(k -> k.field() == UnitOrderField.OPEN_ISSUES));
        if (viewer.anonymous() && byOpenIssues) {
            // The units are public; how many open problems each has is not.
            throw new UnauthenticatedException("Sign in to sort units by their open problems");
        }
        Scope scope = scopes.of(viewer, jurisdiction);
        return queries.unitPage(Connection.pageSize(first), SortOrder.offset("units", after), UnitFilter.orNone(filter),
                compiled, SortOrder.cypher(sort, UnitOrder.orDefault(orderBy)), scope, scopes.unitsWithin(scope));
    }

    @QueryMapping
    Connection<Person> people(@Argument Integer first, @Argument String after, @Argument PersonFilter filter,
                              @Argument PersonOrder orderBy, @Argument Map<String, Object> where,
                              @Argument List<PersonOrder> sort, @Argument String jurisdiction,
                              @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        Where.Compiled compiled = Where.compile(PlanWhere.PERSON, where, "n", readPolicy.whereGuard(viewer));
        Scope scope = scopes.of(viewer, jurisdiction);
        return queries.personPage(Connection.pageSize(first), SortOrder.offset("people", after),
                PersonFilter.orNone(filter), compiled, SortOrder.cypher(sort, PersonOrder.orDefault(orderBy)),
                ReadPolicy.readerUnit(viewer), scope, scopes.unitsWithin(scope));
    }

    @QueryMapping
    Unit unit(@Argument String name) {
        return queries.unitByName(name).orElse(null);
    }

    @QueryMapping
    Unit unitById(@Argument String id) {
        return queries.unitById(id).orElse(null);
    }

    @QueryMapping
    Person person(@Argument String id) {
        return queries.person(id).orElse(null);
    }

    @QueryMapping
    WorkingGroup workingGroup() {
        return queries.workingGroup().orElseThrow(() -> new IllegalStateException("The working group is not seeded"));
    }

    @SchemaMapping(typeName = "Campaign", field = "workingGroup")
    WorkingGroup workingGroupOfCampaign() {
        return workingGroup();
    }

    @SchemaMapping(typeName = "WorkingGroup")
    List<Unit> members(WorkingGroup group) {
        return queries.members(group);
    }

    @SchemaMapping(typeName = "WorkingGroup")
    List<Position> positions(WorkingGroup group) {
        return queries.positions(group);
    }

    @SchemaMapping(typeName = "WorkingGroup")
    Position convener(WorkingGroup group) {
        return queries.position("CONVENER").orElseThrow();
    }

    @SchemaMapping(typeName = "WorkingGroup")
    Office office(WorkingGroup group) {
        return queries.office(group).orElseThrow();
    }

    @SchemaMapping(typeName = "Office")
    Unit hostUnit(Office office) {
        return queries.hostUnit(office).orElseThrow();
    }

    @SchemaMapping(typeName = "Office")
    Position director(Office office) {
        return queries.director(office).orElseThrow();
    }

    @BatchMapping(typeName = "Unit")
    Map<Unit, List<Task>> tasks(List<Unit> units) {
        return queries.tasksOfUnits(units);
    }

    @BatchMapping(typeName = "Unit")
    Map<Unit, List<TaskResponsibility>> taskResponsibilities(List<Unit> units) {
        return queries.taskResponsibilitiesOfUnits(units);
    }

    @BatchMapping(typeName = "Unit")
    Map<Unit, List<Duty>> duties(List<Unit> units) {
        return queries.dutiesOfUnits(units);
    }

    @BatchMapping(typeName = "Unit")
    Map<Unit, List<ViolationType>> competentFor(List<Unit> units) {
        return queries.competentForOfUnits(units);
    }

    @BatchMapping(typeName = "Unit")
    Map<Unit, List<Person>> people(List<Unit> units) {
        return queries.peopleOfUnits(units);
    }

    @BatchMapping(typeName = "Unit", field = "positions")
    Map<Unit, List<Position>> positionsOfUnits(List<Unit> units) {
        return queries.positionsOfUnits(units);
    }

    @BatchMapping(typeName = "Duty", field = "unit")
    Map<Duty, Unit> unitsOfDuties(List<Duty> duties) {
        return queries.unitsOfDuties(duties);
    }

    @BatchMapping(typeName = "Duty")
    Map<Duty, List<ViolationType>> violationTypes(List<Duty> duties) {
        return queries.violationTypesOfDuties(duties);
    }

    @BatchMapping(typeName = "Position", field = "unit")
    Map<Position, Unit> unitsOfPositions(List<Position> positions) {
        return queries.unitsOfPositions(positions);
    }

    @BatchMapping(typeName = "Position")
    Map<Position, List<Person>> holders(List<Position> positions) {
        return queries.holdersOfPositions(positions);
    }

    @BatchMapping(typeName = "Person", field = "unit")
    Map<Person, Unit> unitsOfPeople(List<Person> people) {
        return queries.unitsOfPeople(people);
    }

    @BatchMapping(typeName = "Person", field = "positions")
    Map<Person, List<Position>> positionsOfPeople(List<Person> people) {
        return queries.positionsOfPeople(people);
    }
}
