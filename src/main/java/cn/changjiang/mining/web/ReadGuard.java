package cn.changjiang.mining.web;

import cn.changjiang.mining.common.Role;
import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.security.Audience;
import cn.changjiang.mining.security.ReadPolicy;
import java.util.List;
import java.util.Set;

import cn.changjiang.mining.common.ForbiddenException;
import cn.changjiang.mining.common.UnauthenticatedException;
import graphql.GraphQLContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import org.springframework.stereotype.Component;

/**
 * {@link ReadPolicy} applied to every field of every GraphQL request, subscription events included: a field is
 * read when the viewer is in the field's audience and in the audience of the type it returns. Anonymous callers
 * are told to sign in; a signed-in viewer outside the audience gets null (or an empty list), or {@code FORBIDDEN}
 * where the schema promises a value.
 */
@Component
class ReadGuard extends SimplePerformantInstrumentation {

    private static final String OWN_PROBLEMS = "ownProblems";

    private final ReadPolicy policy;

    ReadGuard(ReadPolicy policy) {
        this.policy = policy;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        var step = parameters.getExecutionStepInfo();
        String parent = step.getObjectType().getName();
        String field = step.getFieldDefinition().getName();
        if (parent.startsWith("__") || field.startsWith("__")) {
            return fetcher;
        }
        var type = step.getFieldDefinition().getType();
        var returned = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
        Audience fieldAudience = policy.field(parent, field);
        Audience typeAudience = returned instanceof GraphQLObjectType ? policy.type(returned.getName()) : Audience.ANYONE;
        boolean list = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type));
        boolean required = GraphQLTypeUtil.isNonNull(type);
        return environment -> {
            Viewer viewer = viewer(environment.getGraphQlContext());
            boolean own = false;
            if (fieldAudience.perProblem() || typeAudience.perProblem()) {
                String problem = policy.problemOf(parent, environment.getSource());
                own = problem != null && own(environment, viewer, problem);
            }
            if (fieldAudience.admits(viewer, own) && typeAudience.admits(viewer, own)) {
                return fetcher.get(environment);
            }
            if (viewer.anonymous()) {
                throw new UnauthenticatedException("Sign in to read " + parent + "." + field
                        + "; without a token only the public plan can be read");
            }
            if (list) {
                return List.of();
            }
            if (required) {
                throw new ForbiddenException("Role " + viewer.role() + " may not read " + parent + "." + field);
            }
            return null;
        };
    }

    private static Viewer viewer(GraphQLContext context) {
        Viewer viewer = context.get(RequestContext.VIEWER);
        return viewer == null ? Viewer.ANONYMOUS : viewer;
    }

    /**
     * Whether the viewer's unit is on the problem: as a page of this request read it with its rows ({@link Prefetch}),
     * else from the unit's problems.
     */
    private boolean own(DataFetchingEnvironment environment, Viewer viewer, String problem) {
        if (environment.getOperationDefinition().getOperation() != OperationDefinition.Operation.SUBSCRIPTION) {
            Boolean known = Prefetch.of(environment.getGraphQlContext()).ownProblem(problem);
            if (known != null) {
                return known;
            }
        }
        return ownProblems(environment, viewer).contains(problem);
    }

    /**
     * The problems a unit officer's unit is on, read once per request; a subscription's context lasts as long as the
     * subscription, so each of its events reads them afresh.
     */
    private Set<String> ownProblems(DataFetchingEnvironment environment, Viewer viewer) {
        if (environment.getOperationDefinition().getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
            return policy.ownProblems(viewer);
        }
        return environment.getGraphQlContext().computeIfAbsent(OWN_PROBLEMS, key -> policy.ownProblems(viewer));
    }
}
