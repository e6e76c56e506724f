package cn.changjiang.mining.api;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import graphql.execution.ExecutionId;
import cn.changjiang.mining.security.Access;
import cn.changjiang.mining.security.Viewer;
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
 * names the viewer: who the request's reads and changes are for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestContext implements WebGraphQlInterceptor {

    public static final String REQUEST_ID = "requestId";
    public static final String ACTOR = "actor";
    public static final String VIEWER = "viewer";

    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Access access;

    RequestContext(Access access) {
        this.access = access;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String given = request.getHeaders().getFirst("X-Request-Id");
        String requestId = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        // Read on the request's own thread, where the security context is, and carried to every data fetcher.
        Viewer viewer = access.viewer();
        String actor = viewer.anonymous() ? "anonymous" : viewer.username();
        request.configureExecutionInput((input, builder) -> builder
                .executionId(ExecutionId.from(requestId))
                .graphQLContext(Map.of(REQUEST_ID, requestId, ACTOR, new Actor(actor, requestId, viewer), VIEWER, viewer))
                .build());
        return chain.next(request).map(response -> response.transform(builder ->
                builder.extensions(Map.of(REQUEST_ID, requestId))));
    }
}
