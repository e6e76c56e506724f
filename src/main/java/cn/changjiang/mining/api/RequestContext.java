package cn.changjiang.mining.api;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import graphql.execution.ExecutionId;
import cn.changjiang.mining.security.Access;
import cn.changjiang.mining.security.Viewer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gives each request an id (the caller's {@code X-Request-Id} when it is sane, else a new one) used as the
 * execution id in logs, returned in {@code extensions.requestId}, and written into every change record; and
 * names the viewer: who the request's reads and changes are for. Over HTTP the viewer comes from the bearer token
 * Spring Security checked; over WebSocket (graphql-ws), where browsers cannot send headers, from the token in the
 * {@code connection_init} payload ({@code {"Authorization": "Bearer …"}}), checked by the same decoder, or else from
 * the handshake's own {@code Authorization} header.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestContext implements WebSocketGraphQlInterceptor {

    public static final String REQUEST_ID = "requestId";
    public static final String ACTOR = "actor";
    public static final String VIEWER = "viewer";
    /** When the token of a WebSocket session expires (absent for HTTP requests, whose token is checked each time). */
    public static final String SIGNED_IN_UNTIL = "signedInUntil";
    private static final String TOKEN = "token";

    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Access access;
    private final JwtDecoder tokens;

    RequestContext(Access access, JwtDecoder tokens) {
        this.access = access;
        this.tokens = tokens;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object authorization = payload.get("Authorization");
        if (authorization == null) {
            authorization = payload.get("authorization");
        }
        if (authorization instanceof String bearer && bearer.startsWith("Bearer ")) {
            try {
                session.getAttributes().put(TOKEN, tokens.decode(bearer.substring(7).strip()));
            } catch (JwtException e) {
                return Mono.error(new UnauthenticatedException("The token in connection_init is not valid: " + e.getMessage()));
            }
        }
        return Mono.empty();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String given = request.getHeaders().getFirst("X-Request-Id");
        String requestId = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        // Read on the request's own thread, where the security context is, and carried to every data fetcher.
        Jwt socketToken = request instanceof WebSocketGraphQlRequest socket ? socketToken(socket) : null;
        boolean expired = socketToken != null && socketToken.getExpiresAt() != null
                && !Instant.now().isBefore(socketToken.getExpiresAt());
        Viewer viewer = request instanceof WebSocketGraphQlRequest
                ? (socketToken == null || expired ? Viewer.ANONYMOUS : access.viewerOf(socketToken))
                : access.viewer();
        String actor = viewer.anonymous() ? "anonymous" : viewer.username();
        Map<String, Object> context = new HashMap<>(Map.of(REQUEST_ID, requestId, ACTOR, new Actor(actor, requestId, viewer),
                VIEWER, viewer));
        if (socketToken != null && socketToken.getExpiresAt() != null) {
            context.put(SIGNED_IN_UNTIL, socketToken.getExpiresAt());
        }
        request.configureExecutionInput((input, builder) -> builder
                .executionId(ExecutionId.from(requestId))
                .graphQLContext(context)
                .build());
        return chain.next(request).map(response -> response.transform(builder ->
                builder.extensions(Map.of(REQUEST_ID, requestId))));
    }

    /** The token a WebSocket signed in with: from connection_init, else from the handshake; null when none. */
    private static Jwt socketToken(WebSocketGraphQlRequest socket) {
        if (socket.getSessionInfo().getAttributes().get(TOKEN) instanceof Jwt token) {
            return token;
        }
        Principal principal = socket.getSessionInfo().getPrincipal().block();
        return principal instanceof JwtAuthenticationToken token ? token.getToken() : null;
    }

    /** Ends a subscription when the token its socket signed in with expires; a new sign-in starts a new one. */
    public static <T> Flux<T> untilTokenExpires(Flux<T> events, Instant signedInUntil) {
        if (signedInUntil == null) {
            return events;
        }
        Duration left = Duration.between(Instant.now(), signedInUntil);
        return events.take(left.isNegative() ? Duration.ZERO : left);
    }
}
