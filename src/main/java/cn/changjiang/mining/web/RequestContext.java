package cn.changjiang.mining.web;

import cn.changjiang.mining.common.Actor;
import cn.changjiang.mining.common.UnauthenticatedException;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import graphql.execution.ExecutionId;
import cn.changjiang.mining.security.Access;
import cn.changjiang.mining.common.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Gives each request an id made here (a UUID; a client could otherwise give two writes the same one), used as the
 * execution id in logs, returned in {@code extensions.requestId}, and written into every change record; keeps the
 * caller's own {@code X-Request-Id}, when it is sane, beside it as {@code clientRequestId} (logged with the server's
 * id, returned in {@code extensions.clientRequestId}, and stored on change records for matching only); and
 * names the viewer: who the request's reads and changes are for. Over HTTP the viewer comes from the bearer token
 * Spring Security checked; over WebSocket (graphql-ws), where browsers cannot send headers, from the token in the
 * {@code connection_init} payload ({@code {"Authorization": "Bearer …"}}), checked by the same decoder, or else from
 * the handshake's own {@code Authorization} header.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestContext implements WebSocketGraphQlInterceptor {

    public static final String REQUEST_ID = "requestId";
    public static final String CLIENT_REQUEST_ID = "clientRequestId";
    public static final String ACTOR = "actor";
    public static final String VIEWER = "viewer";
    /** When the token of a WebSocket session expires (absent for HTTP requests, whose token is checked each time). */
    public static final String SIGNED_IN_UNTIL = "signedInUntil";
    private static final String TOKEN = "token";

    private static final Logger log = LoggerFactory.getLogger(RequestContext.class);
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
        String requestId = UUID.randomUUID().toString();
        String clientRequestId = clientRequestId(request.getHeaders().getFirst("X-Request-Id"));
        if (clientRequestId != null) {
            log.info("Request {} has client request id {}", requestId, clientRequestId);
        }
        // Read on the request's own thread, where the security context is, and carried to every data fetcher.
        Jwt socketToken = request instanceof WebSocketGraphQlRequest socket ? socketToken(socket) : null;
        boolean expired = socketToken != null && socketToken.getExpiresAt() != null
                && !Instant.now().isBefore(socketToken.getExpiresAt());
        Viewer viewer = request instanceof WebSocketGraphQlRequest
                ? (socketToken == null || expired ? Viewer.ANONYMOUS : access.viewerOf(socketToken))
                : access.viewer();
        String actor = viewer.anonymous() ? "anonymous" : viewer.username();
        Map<String, Object> context = new HashMap<>(Map.of(REQUEST_ID, requestId, ACTOR, new Actor(actor, requestId, clientRequestId, viewer),
                VIEWER, viewer));
        if (socketToken != null && socketToken.getExpiresAt() != null) {
            context.put(SIGNED_IN_UNTIL, socketToken.getExpiresAt());
        }
        request.configureExecutionInput((input, builder) -> builder
                .executionId(ExecutionId.from(requestId))
                .graphQLContext(context)
                .build());
        Map<Object, Object> extensions = clientRequestId == null ? Map.of(REQUEST_ID, requestId)
                : Map.of(REQUEST_ID, requestId, CLIENT_REQUEST_ID, clientRequestId);
        return chain.next(request).map(response -> response.transform(builder -> builder.extensions(with(response, extensions))));
    }

    /** The response's extensions (those the inner interceptors set) with {@code more}. */
    static Map<Object, Object> with(WebGraphQlResponse response, Map<Object, Object> more) {
        Map<Object, Object> all = new java.util.LinkedHashMap<>(response.getExtensions());
        all.putAll(more);
        return all;
    }

    /** The id a client sent for its own tracing, when it is short and plain enough to log and store; else null. */
    public static String clientRequestId(String header) {
        return header != null && SANE_ID.matcher(header).matches() ? header : null;
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
