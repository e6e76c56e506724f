package cn.changjiang.mining.ledger;

import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.ContextValue;
import cn.changjiang.mining.web.RequestContext;
import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.security.ReadPolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.changjiang.mining.common.Connection;
import cn.changjiang.mining.common.SortOrder;
import cn.changjiang.mining.plan.PlanViews.Phase;
import cn.changjiang.mining.plan.PlanViews.Term;
import cn.changjiang.mining.plan.ViolationType;
import cn.changjiang.mining.mine.Mine;
import cn.changjiang.mining.plan.Person;
import cn.changjiang.mining.plan.Scope;
import cn.changjiang.mining.plan.Scopes;
import cn.changjiang.mining.plan.Unit;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class IssueController {

    private final IssueQueries queries;
    private final Clock clock;
    private final Scopes scopes;

    IssueController(IssueQueries queries, Clock clock, Scopes scopes) {
        this.scopes = scopes;
        this.queries = queries;
        this.clock = clock;
    }

    @QueryMapping
    Connection<Issue> issues(@Argument Integer first, @Argument String after, @Argument IssueFilter filter,
                             @Argument IssueOrder orderBy, @Argument String jurisdiction,
                             @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        Scope scope = scopes.of(viewer, jurisdiction);
        if (filter == null && orderBy == null) {
            return queries.page(Connection.pageSize(first), Connection.decode("issue", after), scope);
        }
        return queries.page(Connection.pageSize(first), SortOrder.offset("issues", after), IssueFilter.orNone(filter),
                IssueOrder.orDefault(orderBy), ReadPolicy.readerUnit(viewer), scope, LocalDate.now(clock));
    }

    /** A problem outside the viewer's jurisdiction answers as an unknown id does: null. */
    @QueryMapping
    Issue issue(@Argument String id, @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        return queries.issue(id, scopes.of(viewer, null)).orElse(null);
    }

    @SchemaMapping(typeName = "Issue")
    boolean overdue(Issue issue) {
        return issue.overdueOn(LocalDate.now(clock));
    }

    @BatchMapping(typeName = "Issue")
    Map<Issue, Mine> mine(List<Issue> issues) {
        return queries.minesOfIssues(issues);
    }

    @BatchMapping(typeName = "Mine", field = "issues")
    Map<Mine, List<Issue>> issuesOfMines(List<Mine> mines) {
        return queries.issuesOfMines(mines);
    }

    @BatchMapping(typeName = "Person", field = "issues")
    Map<Person, List<Issue>> issuesOfPeople(List<Person> people, GraphQLContext context) {
        Viewer viewer = context.get(RequestContext.VIEWER);
        return queries.issuesOfPeople(people, viewer == null ? null : ReadPolicy.readerUnit(viewer),
                scopes.of(viewer == null ? Viewer.ANONYMOUS : viewer, null));
    }

    @BatchMapping(typeName = "Issue")
    Map<Issue, List<ViolationType>> violationTypes(List<Issue> issues) {
        return queries.violationTypesOfIssues(issues);
    }

    @BatchMapping(typeName = "Issue")
    Map<Issue, List<Issue.Assignment>> assignments(List<Issue> issues) {
        return queries.assignmentsOfIssues(issues);
    }

    @BatchMapping(typeName = "Issue")
    Map<Issue, List<Unit>> assignedUnits(List<Issue> issues) {
        return queries.assignmentsOfIssues(issues).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().stream().map(Issue.Assignment::unit).toList()));
    }

    @BatchMapping(typeName = "Issue")
    Map<Issue, Person> responsiblePerson(List<Issue> issues) {
        return queries.responsiblePeopleOfIssues(issues);
    }

    @BatchMapping(typeName = "Issue")
    Map<Issue, Term> source(List<Issue> issues) {
        return queries.sourcesOfIssues(issues);
    }

    @BatchMapping(typeName = "Issue")
    Map<Issue, Phase> phase(List<Issue> issues) {
        return queries.phasesOfIssues(issues);
    }

    @BatchMapping(typeName = "Issue")
    Map<Issue, List<Term>> outcomes(List<Issue> issues) {
        return queries.outcomesOfIssues(issues);
    }
}
