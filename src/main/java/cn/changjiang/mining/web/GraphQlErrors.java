package cn.changjiang.mining.web;

import cn.changjiang.mining.common.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Expected failures become typed GraphQL errors with a machine-readable {@code extensions.code}. */
@ControllerAdvice
class GraphQlErrors {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    /** The database cannot be reached just now: say so with a code clients can retry on, and log it once. */
    @GraphQlExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class, ServiceUnavailableException.class, SessionExpiredException.class})
    GraphQLError unavailable(Exception e, DataFetchingEnvironment env) {
        log.warn("Database unavailable for request {}: {}", env.getExecutionId(), e.getMessage());
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.INTERNAL_ERROR)
                .message("The database is not reachable just now; try again shortly")
                .extensions(Map.of("code", "UNAVAILABLE"))
                .build();
    }

    @GraphQlExceptionHandler
    GraphQLError refused(ApiException e, DataFetchingEnvironment env) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", e.code());
        if (e.argument() != null) {
            extensions.put("argument", e.argument());
        }
        return GraphqlErrorBuilder.newError(env)
                .errorType(e.errorType())
                .message(e.getMessage())
                .extensions(extensions)
                .build();
    }
}
