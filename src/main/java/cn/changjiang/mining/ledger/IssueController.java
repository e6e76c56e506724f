package cn.changjiang.mining.ledger;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import cn.changjiang.mining.web.Prefetch;
import org.springframework.graphql.data.method.annotation.ContextValue;
import cn.changjiang.mining.web.RequestContext;
import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.security.ReadPolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

import cn.changjiang.mining.common.Connection;
import cn.changjiang.mining.common.SortOrder;
import cn.changjiang.mining.graph.Where;
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
    private final ReadPolicy readPolicy;

    IssueController(IssueQueries queries, Clock clock, Scopes scopes, ReadPolicy readPolicy) {
        this.readPolicy = readPolicy;
        this.scopes = scopes;
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * A page of problems. The related fields the selection asks for (mine, assignments and their units, the
     * responsible person) are read with the page in the same statement and answered from {@link Prefetch} by the
     * batch mappings below: one round trip for the page and all of them.
     */
    @QueryMapping
    Connection<Issue> issues(@Argument Integer first, @Argument String after, @Argument IssueFilter filter,
                             @Argument IssueOrder orderBy, @Argument Map<String, Object> where,
                             @Argument List<IssueOrder> sort, @Argument String jurisdiction,
                             @ContextValue(RequestContext.VIEWER) Viewer viewer, DataFetchingFieldSelectionSet selection,
                             GraphQLContext context) {
        // Who may filter on what is checked before anything is read; the scope (jurisdiction) next.
        Where.Compiled compiled = Where.compile(IssueWhere.ISSUE, where, "i", readPolicy.whereGuard(viewer));
        Scope scope = scopes.of(viewer, jurisdiction);
        IssueQueries.Related related = new IssueQueries.Related(selection.contains("edges/node/mine"),
                selection.contains("edges/node/assignments") || selection.contains("edges/node/assignedUnits"),
                selection.contains("edges/node/responsiblePerson"));
        String readerUnit = ReadPolicy.readerUnit(viewer);
        boolean sorted = orderBy != null || (sort != null && !sort.isEmpty());
        Connection<IssueQueries.IssueRow> page = filter == null && !sorted && compiled.none()
                ? queries.page(Connection.pageSize(first), Connection.decode("issue", after), scope, related, readerUnit)
                : queries.page(Connection.pageSize(first), SortOrder.offset("issues", after), IssueFilter.orNone(filter),
                        compiled, SortOrder.cypher(sort, IssueOrder.orDefault(orderBy)), readerUnit, scope,
                        LocalDate.now(clock), related);
        if (related.any()) {
            Prefetch prefetch = Prefetch.of(context);
            for (Connection.Edge<IssueQueries.IssueRow> edge : page.edges()) {
                IssueQueries.IssueRow row = edge.node();
                String id = row.issue().id();
                if (related.mine()) {
                    prefetch.put(MINE, id, row.mine());
                }
                if (related.assignments()) {
                    prefetch.put(ASSIGNMENTS, id, row.assignments());
                }
                if (related.responsiblePerson()) {
                    prefetch.put(RESPONSIBLE_PERSON, id, row.responsiblePerson());
                }
                if (row.own() != null) {
                    prefetch.putOwnProblem(id, row.own());
                }
            }
        }
        return page.map(IssueQueries.IssueRow::issue);
    }

    private static final String MINE = "Issue.mine";
    private static final String ASSIGNMENTS = "Issue.assignments";
    private static final String RESPONSIBLE_PERSON = "Issue.responsiblePerson";

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
    Map<Issue, Mine> mine(List<Issue> issues, GraphQLContext context) {
        return Prefetch.of(context).answer(MINE, issues, Issue::id, queries::minesOfIssues);
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
    Map<Issue, List<Issue.Assignment>> assignments(List<Issue> issues, GraphQLContext context) {
        return Prefetch.of(context).answer(ASSIGNMENTS, issues, Issue::id, queries::assignmentsOfIssues);
    }

    @BatchMapping(typeName = "Issue")
    Map<Issue, List<Unit>> assignedUnits(List<Issue> issues, GraphQLContext context) {
        Map<Issue, List<Issue.Assignment>> assignments = Prefetch.of(context)
                .answer(ASSIGNMENTS, issues, Issue::id, queries::assignmentsOfIssues);
        Map<Issue, List<Unit>> units = new LinkedHashMap<>();
        assignments.forEach((issue, list) -> units.put(issue, list.stream().map(Issue.Assignment::unit).toList()));
        return units;
    }

    @BatchMapping(typeName = "Issue")
    Map<Issue, Person> responsiblePerson(List<Issue> issues, GraphQLContext context) {
        return Prefetch.of(context).answer(RESPONSIBLE_PERSON, issues, Issue::id, queries::responsiblePeopleOfIssues);
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
