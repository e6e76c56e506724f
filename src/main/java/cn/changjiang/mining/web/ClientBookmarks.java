package cn.changjiang.mining.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import cn.changjiang.mining.common.ErrorCodes;
import cn.changjiang.mining.graph.RequestBookmarks;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.neo4j.driver.Bookmark;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Read-your-writes across instances. Every answer carries a bookmark ({@code extensions.bookmark} and the response
 * header {@value #HEADER}): the database's mark of the last writes this instance knows, its own request's among
 * them. A client that sends it back (the request header, or the request's {@code extensions.bookmark}) has its reads,
 * on whichever instance, wait until the database they are routed to holds those writes ({@link RequestBookmarks}).
 * <p>
 * The bookmark is opaque and signed with a key derived from the token secret every instance shares: a forged one
 * could make reads wait for a transaction that never comes, so it is refused ({@code BAD_REQUEST}) rather than used.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ClientBookmarks implements WebGraphQlInterceptor {

    static final String HEADER = RequestBookmarks.HEADER;
    static final String EXTENSION = "bookmark";

    private static final String VERSION = "b1";
    private static final Pattern SHAPE = Pattern.compile(VERSION + "\\.[A-Za-z0-9_-]{1,4096}\\.[A-Za-z0-9_-]{43}");
    private static final int MOST_BOOKMARKS = 16;

    private final Neo4jBookmarkManager bookmarks;
    private final SecretKeySpec key;

    ClientBookmarks(Neo4jBookmarkManager bookmarks, SecretKey tokenKey) {
        this.bookmarks = bookmarks;
        this.key = new SecretKeySpec(mac(new SecretKeySpec(tokenKey.getEncoded(), "HmacSHA256"),
                "accountability bookmarks".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String sent = request.getHeaders().getFirst(HEADER);
        if (sent == null && request.getExtensions().get(EXTENSION) instanceof String inBody) {
            sent = inBody;
        }
        Set<Bookmark> brought;
        try {
            brought = sent == null || sent.isBlank() ? Set.of() : read(sent.trim());
        } catch (IllegalArgumentException e) {
            return refused(request, e.getMessage());
        }
        // Carried to every data fetcher's thread, where Spring Data Neo4j's transactions begin.
        Mono<WebGraphQlResponse> answer = brought.isEmpty() ? chain.next(request)
                : chain.next(request).contextWrite(context -> context.put(RequestBookmarks.KEY, brought));
        return answer.map(response -> {
            String bookmark = write(bookmarks.getBookmarks());
            if (bookmark == null) {
                return response;
            }
            response.getResponseHeaders().set(HEADER, bookmark);
            return response.transform(builder -> builder.extensions(RequestContext.with(response, Map.of(EXTENSION, bookmark))));
        });
    }

    /** The bookmarks as one signed, opaque string; null when there are none. */
    String write(Collection<Bookmark> latest) {
        List<String> values = latest.stream().map(Bookmark::value).sorted().limit(MOST_BOOKMARKS).toList();
        if (values.isEmpty()) {
            return null;
        }
        byte[] payload = String.join("\n", values).getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String body = VERSION + "." + base64.encodeToString(payload);
        return body + "." + base64.encodeToString(mac(key, body.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The bookmarks a client sent back; refused unless this deployment signed them. */
    Set<Bookmark> read(String sent) {
        if (!SHAPE.matcher(sent).matches()) {
            throw new IllegalArgumentException("The bookmark is not one this API gave out (" + HEADER + ", extensions.bookmark)");
        }
        int dot = sent.lastIndexOf('.');
        byte[] expected = mac(key, sent.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
        if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(sent.substring(dot + 1)))) {
            throw new IllegalArgumentException("The bookmark's signature does not match: it was not given out by this deployment");
        }
        String payload = new String(Base64.getUrlDecoder().decode(sent.substring(VERSION.length() + 1, dot)),
                StandardCharsets.UTF_8);
        Set<Bookmark> read = new LinkedHashSet<>();
        for (String value : new ArrayList<>(List.of(payload.split("\n")))) {
            read.add(Bookmark.from(value));
        }
        return read;
    }

    private static byte[] mac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mono<WebGraphQlResponse> refused(WebGraphQlRequest request, String message) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError().message(message).errorType(ErrorType.BAD_REQUEST)
                        .extensions(Map.of("code", ErrorCodes.BAD_REQUEST, "argument", EXTENSION)).build())
                .build();
        return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
    }
}
