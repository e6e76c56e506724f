package cn.changjiang.mining.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.changjiang.mining.api.ForbiddenException;
import cn.changjiang.mining.api.RequestContext;
import cn.changjiang.mining.api.UnauthenticatedException;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.ledger.Issue;
import graphql.GraphQLContext;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetchingEnvironment;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLTypeUtil;
import org.springframework.stereotype.Component;

/**
 * What each viewer may read, applied to every field of every request:
 * <ul>
 *   <li>anonymous callers read the public plan only (campaign, tasks, units, phases, violation types, the working
 *       group); anything naming people, mines or problems is {@code UNAUTHENTICATED};</li>
 *   <li>analysts see no one's contact details;</li>
 *   <li>a unit officer sees the problems its unit rectifies or supervises in full, and others' in summary (no
 *       description, measures, evidence, responsible person, acceptance or outcome details, nor their history).</li>
 * </ul>
 */
@Component
class ReadGuard extends SimplePerformantInstrumentation {

    private static final Set<String> PUBLIC_ROOT_FIELDS = Set.of("campaign", "tasks", "task", "violationTypes",
            "violationType", "phases", "minerals", "problemSources", "outcomes", "units", "unitsConnection", "unit", "unitById",
            "workingGroup", "requirements", "obligations", "__schema", "__type", "__typename");
    private static final Set<String> PRIVATE_TYPES = Set.of("Person", "Issue", "Mine", "Township", "IssueConnection",
            "MineConnection", "PersonConnection", "JointEnforcementCandidateConnection", "JointEnforcementAction", "Accountability",
            "AccountabilityLink", "UnitScorecard", "Change", "ObligationStanding");
    private static final Set<String> ISSUE_DETAILS = Set.of("description", "measures", "evidence", "responsiblePerson",
            "acceptance", "outcomeRecords");
    private static final String OWN_ISSUES = "ownIssueIds";

    private final CypherRunner graph;

    ReadGuard(CypherRunner graph) {
        this.graph = graph;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        var step = parameters.getExecutionStepInfo();
        String parent = step.getObjectType().getName();
        String field = step.getFieldDefinition().getName();
        String returns = ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(step.getFieldDefinition().getType())).getName();
        boolean list = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(step.getFieldDefinition().getType()));
        return environment -> {
            Viewer viewer = viewer(environment.getGraphQlContext());
            if (viewer.anonymous()) {
                boolean publicRoot = parent.equals("Query") && PUBLIC_ROOT_FIELDS.contains(field);
                if (parent.equals("Mutation") || parent.equals("Subscription")
                        || (parent.equals("Query") && !publicRoot) || PRIVATE_TYPES.contains(returns)) {
                    throw new UnauthenticatedException("Sign in to read " + parent + "." + field
                            + "; without a token only the public plan can be read");
                }
            } else if (viewer.is(Role.ANALYST) && parent.equals("Person") && field.equals("phone")) {
                return null;
            } else if (viewer.is(Role.UNIT_OFFICER) && parent.equals("Issue") && ISSUE_DETAILS.contains(field)) {
                Issue issue = environment.getSource();
                if (!ownIssues(environment, viewer).contains(issue.id())) {
                    return list ? List.of() : null;
                }
            } else if (viewer.is(Role.UNIT_OFFICER) && parent.equals("Query") && field.equals("history")) {
                String id = environment.getArgument("id");
                if (isIssue(id) && !ownIssues(environment, viewer).contains(id)) {
                    throw new ForbiddenException("The history of another unit's problem is not yours to read");
                }
            }
            return fetcher.get(environment);
        };
    }

    private boolean isIssue(String id) {
        return !graph.list("MATCH (i:Issue {id: $id}) RETURN i.id AS item", Map.of("id", id), v -> v.asString()).isEmpty();
    }

    private static Viewer viewer(GraphQLContext context) {
        Viewer viewer = context.get(RequestContext.VIEWER);
        return viewer == null ? Viewer.ANONYMOUS : viewer;
    }

    /**
     * The ids of the problems the officer's unit rectifies or supervises, read once per request; a subscription's
     * context lasts as long as the subscription, so each of its events reads them afresh.
     */
    private Set<String> ownIssues(DataFetchingEnvironment environment, Viewer viewer) {
        if (environment.getOperationDefinition().getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
            return readOwnIssues(viewer);
        }
        return environment.getGraphQlContext().computeIfAbsent(OWN_ISSUES, key -> readOwnIssues(viewer));
    }

    private Set<String> readOwnIssues(Viewer viewer) {
        return Set.copyOf(graph.list(
                "MATCH (i:Issue)-[:ASSIGNED_TO|SUPERVISED_BY]->(:Unit {id: $unit}) RETURN DISTINCT i.id AS item",
                Map.of("unit", viewer.unitId() == null ? "" : viewer.unitId()), v -> v.asString()));
    }
}
