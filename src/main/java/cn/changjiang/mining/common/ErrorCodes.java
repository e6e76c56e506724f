package cn.changjiang.mining.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives every error an {@code extensions.code}, including those raised by graphql-java itself (syntax,
 * validation) that carry only a classification, so clients can switch on one field.
 */
@Component
public class ErrorCodes implements WebGraphQlInterceptor {

    public static final String BAD_REQUEST = "BAD_REQUEST";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String CONFLICT = "CONFLICT";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private static final Map<String, String> BY_CLASSIFICATION = Map.of(
            "InvalidSyntax", "GRAPHQL_PARSE_FAILED",
            "ValidationError", "GRAPHQL_VALIDATION_FAILED",
            "OperationNotSupported", "OPERATION_NOT_SUPPORTED",
            "ExecutionAborted", "EXECUTION_ABORTED",
            "DataFetchingException", INTERNAL_ERROR,
            "BAD_REQUEST", BAD_REQUEST,
            "UNAUTHORIZED", "UNAUTHENTICATED",
            "FORBIDDEN", "FORBIDDEN",
            "NOT_FOUND", NOT_FOUND,
            "INTERNAL_ERROR", INTERNAL_ERROR);

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> response.getErrors().isEmpty()
                ? response
                : response.transform(builder -> builder.errors(withCodes(response.getErrors()))));
    }

    private static List<GraphQLError> withCodes(List<ResponseError> errors) {
        List<GraphQLError> coded = new ArrayList<>(errors.size());
        for (ResponseError error : errors) {
            Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
            ErrorClassification classification = error.getErrorType();
            String name = classification == null ? null : classification.toString();
            extensions.putIfAbsent("code", name != null && name.contains("Introspection")
                    ? "INTROSPECTION_REFUSED" : BY_CLASSIFICATION.getOrDefault(name, INTERNAL_ERROR));
            GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                    .message(error.getMessage())
                    .locations(error.getLocations())
                    .extensions(extensions);
            if (!error.getParsedPath().isEmpty()) {
                builder.path(error.getParsedPath());
            }
            if (classification != null) {
                builder.errorType(classification);
            }
            coded.add(builder.build());
        }
        return coded;
    }
}
