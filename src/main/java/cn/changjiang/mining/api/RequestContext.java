package cn.changjiang.mining.api;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import graphql.execution.ExecutionId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives each request an id (the caller's {@code X-Request-Id} when it is sane, else a new one) used as the
 * execution id in logs, returned in {@code extensions.requestId}, and written into every change record; and
 * names the actor of the request's changes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestContext implements WebGraphQlInterceptor {

    public static final String REQUEST_ID = "requestId";
    public static final String ACTOR = "actor";

    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String defaultActor;

    RequestContext(@Value("${accountability.ledger.default-actor:system}") String defaultActor) {
        this.defaultActor = defaultActor;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String given = request.getHeaders().getFirst("X-Request-Id");
        String requestId = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.configureExecutionInput((input, builder) -> builder
                .executionId(ExecutionId.from(requestId))
                .graphQLContext(Map.of(REQUEST_ID, requestId, ACTOR, new Actor(defaultActor, requestId)))
                .build());
        return chain.next(request).map(response -> response.transform(builder ->
                builder.extensions(Map.of(REQUEST_ID, requestId))));
    }
}
