package cn.changjiang.mining.web;

import cn.changjiang.mining.common.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import cn.changjiang.mining.common.ErrorCodes;
import cn.changjiang.mining.graph.DatabaseFailures;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Expected failures become typed GraphQL errors with a machine-readable {@code extensions.code}. */
@ControllerAdvice
class GraphQlErrors {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    /**
     * A failure of the database, with a code clients can act on ({@link DatabaseFailures}): the engine's transaction
     * memory ran out ({@code TRANSACTION_MEMORY_EXCEEDED}), a transaction ran past its time limit
     * ({@code TRANSACTION_TIMED_OUT}), it cannot be reached or failed transiently
     * ({@code UNAVAILABLE}); anything else it reports is an {@code INTERNAL_ERROR}. Logged once.
     */
    @GraphQlExceptionHandler({DataAccessException.class, CannotCreateTransactionException.class, Neo4jException.class})
    GraphQLError unavailable(Exception e, DataFetchingEnvironment env) {
        String code = DatabaseFailures.code(e);
        String message;
        if (DatabaseFailures.TRANSACTION_MEMORY_EXCEEDED.equals(code)) {
            log.warn("Transaction memory exceeded for request {}: {}", env.getExecutionId(), e.getMessage());
            message = "The database ran short of transaction memory for this request; try again shortly, or ask for less at once";
        } else if (DatabaseFailures.TRANSACTION_TIMED_OUT.equals(code)) {
            log.warn("Transaction timed out for request {}: {}", env.getExecutionId(), e.getMessage());
            message = "The database ended this request at its transaction time limit; try again shortly, or ask for less at once";
        } else if (DatabaseFailures.UNAVAILABLE.equals(code)) {
            log.warn("Database unavailable for request {}: {}", env.getExecutionId(), e.getMessage());
            message = "The database is not reachable just now; try again shortly";
        } else {
            log.error("Database failure for request {}", env.getExecutionId(), e);
            code = ErrorCodes.INTERNAL_ERROR;
            message = "The database failed to answer this request";
        }
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.INTERNAL_ERROR)
                .message(message)
                .extensions(Map.of("code", code))
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
