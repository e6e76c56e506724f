package cn.changjiang.mining.api;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Expected failures become typed GraphQL errors with a machine-readable {@code extensions.code}. */
@ControllerAdvice
class GraphQlErrors {

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
