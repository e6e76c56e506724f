package cn.changjiang.mining.web;

import cn.changjiang.mining.common.ErrorCodes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.OperationDefinition;
import jakarta.servlet.ServletException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GraphQL endpoint as the GraphQL-over-HTTP specification has it, closing what Spring's endpoint leaves open:
 * queries by GET ({@code query}, {@code variables}, {@code operationName} in the URL; a mutation by GET is refused
 * with 405 and {@code Allow: POST}); the response type by the client's preference, q-values included, with
 * {@code application/graphql-response+json} when no Accept header is sent and {@code application/json} for legacy
 * and wildcard ones; 406 when nothing the client accepts can be written, 415 for a body that is not JSON, and 400
 * with a code for a body that is not a GraphQL request (a {@code query} or {@code operationName} that is not a string
 * included); a subscription is refused with
 * {@code SUBSCRIPTION_OVER_HTTP}, pointing to the WebSocket. Running the request, and choosing 200 or 400 for its result
 * (400 only for {@code application/graphql-response+json} when there is no data), stays with Spring's handler, which
 * gets the request with the negotiated type as its only Accept.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlOverHttp {

    static final String SUBSCRIPTION_OVER_HTTP = "SUBSCRIPTION_OVER_HTTP";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlEndpoint(GraphQlHttpHandler handler, ParsedDocuments documents,
                                                  @Value("${spring.graphql.http.path:/graphql}") String path) {
        return RouterFunctions.route()
                .GET(path, request -> get(request, handler, documents))
                .POST(path, request -> post(request, handler))
                .build();
    }

    private static ServerResponse get(ServerRequest request, GraphQlHttpHandler handler, ParsedDocuments documents)
            throws ServletException {
        Optional<MediaType> type = negotiate(request);
        if (type.isEmpty()) {
            return notAcceptable();
        }
        String query = request.param("query").orElse(null);
        if (query == null) {
            return refuse(HttpStatus.BAD_REQUEST, type.get(), ErrorCodes.BAD_REQUEST, "A GET request needs a query parameter");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        request.param("operationName").filter(StringUtils::hasText).ifPresent(name -> body.put("operationName", name));
        try {
            for (String parameter : List.of("variables", "extensions")) {
                Optional<String> value = request.param(parameter).filter(StringUtils::hasText);
                if (value.isPresent()) {
                    body.put(parameter, JSON.readValue(value.get(), Map.class));
                }
            }
        } catch (JacksonException e) {
            return refuse(HttpStatus.BAD_REQUEST, type.get(), ErrorCodes.BAD_REQUEST, "variables and extensions must be JSON objects");
        }
        if (selects(documents, query, (String) body.get("operationName"), OperationDefinition.Operation.MUTATION)) {
            return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).allow(HttpMethod.POST).contentType(type.get())
                    .body(errors("METHOD_NOT_ALLOWED", "Mutations are sent with POST; GET runs queries only"));
        }
        return execute(request, handler, type.get(), JSON.writeValueAsBytes(body));
    }

    private static ServerResponse post(ServerRequest request, GraphQlHttpHandler handler) throws ServletException {
        Optional<MediaType> type = negotiate(request);
        if (type.isEmpty()) {
            return notAcceptable();
        }
        MediaType contentType;
        try {
            contentType = request.headers().contentType().orElse(null);
        } catch (InvalidMediaTypeException e) {
            contentType = null;
        }
        if (contentType == null || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
            return refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, type.get(), "UNSUPPORTED_MEDIA_TYPE",
                    "Send the request as application/json");
        }
        try {
            byte[] body = request.body(byte[].class);
            if (!namesAreStrings(body)) {
                return refuse(HttpStatus.BAD_REQUEST, type.get(), ErrorCodes.BAD_REQUEST,
                        "query and operationName must be strings");
            }
            return execute(request, handler, type.get(), body);
        } catch (IOException e) {
            return refuse(HttpStatus.BAD_REQUEST, type.get(), ErrorCodes.BAD_REQUEST, "The request body could not be read");
        }
    }

    private static ServerResponse execute(ServerRequest request, GraphQlHttpHandler handler, MediaType type, byte[] body)
            throws ServletException {
        ServerRequest json = ServerRequest.from(request).method(HttpMethod.POST)
                .headers(headers -> {
                    headers.setAccept(List.of(type));
                    headers.setContentType(MediaType.APPLICATION_JSON);
                })
                .body(body).build();
        try {
            return handler.handleRequest(json);
        } catch (HttpMessageNotReadableException | ResponseStatusException e) {
            // Not JSON, a missing query, variables that are not an object: not a GraphQL request at all.
            return refuse(HttpStatus.BAD_REQUEST, type, ErrorCodes.BAD_REQUEST,
                    "The body is not a GraphQL request: a JSON object with a query string, and variables as an object");
        }
    }

    /**
     * Whether {@code query} and {@code operationName}, when given, are strings. Spring's handler would read a number
     * or a boolean as its text and run it; the specification asks for 400. A body that is not a JSON object is left
     * to the handler, which refuses it.
     */
    private static boolean namesAreStrings(byte[] body) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (JacksonException e) {
            return true;
        }
        return request == null || !request.isObject() || Stream.of("query", "operationName")
                .map(request::get)
                .allMatch(value -> value == null || value.isNull() || value.getNodeType() == JsonNodeType.STRING);
    }

    /**
     * The type to answer in, by the client's preference; empty when it accepts neither GraphQL type. With no Accept
     * header, the GraphQL response type (as the specification asks since 2025); a wildcard gets plain JSON, which
     * legacy clients such as curl expect.
     */
    static Optional<MediaType> negotiate(ServerRequest request) {
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(request.headers().accept());
        } catch (InvalidMediaTypeException e) {
            return Optional.empty();
        }
        if (accepted.isEmpty()) {
            return Optional.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE);
        }
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (MediaTypes.APPLICATION_GRAPHQL_RESPONSE.equalsTypeAndSubtype(type)) {
                return Optional.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE);
            }
            if (type.includes(MediaType.APPLICATION_JSON)) {
                return Optional.of(MediaType.APPLICATION_JSON);
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a subscription sent over plain HTTP, which would otherwise answer 200 with the publisher's internals
     * as its data: subscriptions stream over the WebSocket at the same path (graphql-ws). The answer has no data, so
     * Spring's handler sends it with 400 for {@code application/graphql-response+json} (200 for legacy JSON).
     */
    @Bean
    WebGraphQlInterceptor subscriptionsOverWebSocketOnly(ParsedDocuments documents,
                                                         @Value("${spring.graphql.http.path:/graphql}") String path) {
        return (request, chain) -> {
            if (request instanceof WebSocketGraphQlRequest
                    || !selects(documents, request.getDocument(), request.getOperationName(), OperationDefinition.Operation.SUBSCRIPTION)) {
                return chain.next(request);
            }
            GraphQLError error = GraphqlErrorBuilder.newError()
                    .message("Subscriptions are served over the WebSocket at " + path + " (graphql-ws), not over HTTP")
                    .errorType(ErrorType.BAD_REQUEST)
                    .extensions(Map.of("code", SUBSCRIPTION_OVER_HTTP)).build();
            ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
        };
    }

    /**
     * Whether the operation to run is of this kind; a document that does not parse is left to the engine. Read from
     * the documents' parsed operations, kept by their text, so a document is not parsed here on every request.
     */
    private static boolean selects(ParsedDocuments documents, String query, String operationName,
                                   OperationDefinition.Operation kind) {
        return documents.operations(query).stream()
                .filter(operation -> operationName == null || operationName.equals(operation.name()))
                .anyMatch(operation -> operation.kind() == kind);
    }

    private static ServerResponse notAcceptable() {
        return ServerResponse.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_JSON)
                .body(errors("NOT_ACCEPTABLE", "Accept application/graphql-response+json or application/json"));
    }

    private static ServerResponse refuse(HttpStatus status, MediaType type, String code, String message) {
        return ServerResponse.status(status).contentType(type).body(errors(code, message));
    }

    private static Map<String, Object> errors(String code, String message) {
        return Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code))));
    }
}
