package cn.changjiang.mining.accountability;

import cn.changjiang.mining.common.CampaignTime;

import org.springframework.graphql.data.method.annotation.ContextValue;
import graphql.GraphQLContext;
import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.security.ReadPolicy;
import cn.changjiang.mining.web.RequestContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.changjiang.mining.plan.ViolationType;
import cn.changjiang.mining.ledger.Issue;
import cn.changjiang.mining.mine.Mine;
import cn.changjiang.mining.plan.Person;
import cn.changjiang.mining.plan.Unit;
import graphql.schema.DataFetchingFieldSelectionSet;
import cn.changjiang.mining.plan.Scope;
import cn.changjiang.mining.plan.Scopes;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class AccountabilityController {

    private final AccountabilityChains chains;
    private final AccountabilityResolver resolver;
    private final AccountabilityQueries queries;
    private final Clock clock;
    private final Scopes scopes;

    AccountabilityController(AccountabilityChains chains, AccountabilityResolver resolver, AccountabilityQueries queries,
                             Clock clock, Scopes scopes) {
        this.scopes = scopes;
        this.chains = chains;
        this.resolver = resolver;
        this.queries = queries;
        this.clock = clock;
    }

    @QueryMapping
    List<AccountabilityLink> accountabilityChain(@Argument String issueId, @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        return chains.ofIssue(issueId, viewer);
    }

    @QueryMapping
    List<AccountabilityLink> mineAccountabilityChain(@Argument String mineId, @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        return chains.ofMine(mineId, viewer);
    }

    @QueryMapping
    Accountability whoIsAccountable(@Argument("for") Accountability.Subject subject,
                                    @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        return resolver.resolve(subject, viewer);
    }

    @QueryMapping
    List<UnitScorecard> unitScorecards(@Argument LocalDate from, @Argument LocalDate to, @Argument String jurisdiction,
                                       @ContextValue(RequestContext.VIEWER) Viewer viewer,
                                       DataFetchingFieldSelectionSet selection) {
        LocalDate today = LocalDate.now(clock);
        Scope scope = scopes.of(viewer, jurisdiction);
        // Kept counts are today's; a read as of a past moment counts the problems as they stood then.
        if (from == null && to == null && !selection.contains("mines") && CampaignTime.asOf() == null) {
            return queries.keptScorecards(scope, scopes.unitsWithin(scope));
        }
        return queries.scorecards(from, to, selection.contains("mines"), scope, scopes.unitsWithin(scope)).stream()
                .map(row -> UnitScorecard.of(row, today)).toList();
    }

    @BatchMapping(typeName = "Unit")
    Map<Unit, List<Issue>> openIssues(List<Unit> units, GraphQLContext context) {
        return queries.openIssuesOfUnits(units, districts(context));
    }

    @BatchMapping(typeName = "Unit")
    Map<Unit, List<Issue>> overdueIssues(List<Unit> units, GraphQLContext context) {
        return overdue(queries.openIssuesOfUnits(units, districts(context)));
    }

    @BatchMapping(typeName = "Unit", field = "mines")
    Map<Unit, List<Mine>> minesOfUnits(List<Unit> units, GraphQLContext context) {
        return queries.minesOfUnits(units, districts(context));
    }

    @BatchMapping(typeName = "Unit", field = "violationTypes")
    Map<Unit, List<ViolationType>> violationTypesOfUnits(List<Unit> units) {
        return queries.violationTypesOfUnits(units);
    }

    @BatchMapping(typeName = "Person", field = "openIssues")
    Map<Person, List<Issue>> openIssuesOfPeople(List<Person> people, GraphQLContext context) {
        return queries.openIssuesOfPeople(people, readerUnit(context), districts(context));
    }

    @BatchMapping(typeName = "Person", field = "overdueIssues")
    Map<Person, List<Issue>> overdueIssuesOfPeople(List<Person> people, GraphQLContext context) {
        return overdue(queries.openIssuesOfPeople(people, readerUnit(context), districts(context)));
    }

    @BatchMapping(typeName = "Person", field = "mines")
    Map<Person, List<Mine>> minesOfPeople(List<Person> people, GraphQLContext context) {
        return queries.minesOfPeople(people, readerUnit(context), districts(context));
    }

    /** A unit's or a person's problems and mines are those of the viewer's own jurisdiction. */
    private List<String> districts(GraphQLContext context) {
        Viewer viewer = context.get(RequestContext.VIEWER);
        return scopes.of(viewer == null ? Viewer.ANONYMOUS : viewer, null).districts();
    }

    /** A person answers for a problem only in the eyes of those who may read that problem's details. */
    private static String readerUnit(GraphQLContext context) {
        Viewer viewer = context.get(RequestContext.VIEWER);
        return viewer == null ? null : ReadPolicy.readerUnit(viewer);
    }

    private <P> Map<P, List<Issue>> overdue(Map<P, List<Issue>> open) {
        LocalDate today = LocalDate.now(clock);
        return open.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stream().filter(i -> i.overdueOn(today)).toList()));
    }
}
