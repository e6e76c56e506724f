package cn.changjiang.mining.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import cn.changjiang.mining.graph.RequestBookmarks;
import org.neo4j.driver.Bookmark;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Read-your-writes across instances. Every answer carries a bookmark ({@code extensions.bookmark} and the response
 * header {@value RequestBookmarks#HEADER}): the database's marks of the last transactions this instance knows, the
 * request's own among them (a transaction that began after another holds its mark, so the set is as large as the
 * transactions running at once, never a history). A client that sends it back (the request header,
 * or the request's {@code extensions.bookmark}) has its reads, on whichever instance, wait until the database they
 * are routed to holds those writes ({@link RequestBookmarks}).
 * <p>
 * The bookmark is opaque and signed with a key derived from the token secret every instance shares: a made-up one
 * could make reads wait for a transaction that never comes, so one this deployment did not sign is not used. The
 * request is answered without it, saying so in {@code extensions.bookmarkIgnored} (a client holding one from before
 * the secret changed is not locked out; its next answer carries a good one).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ClientBookmarks implements WebGraphQlInterceptor {

    static final String HEADER = RequestBookmarks.HEADER;
    static final String EXTENSION = "bookmark";
    static final String IGNORED = "bookmarkIgnored";

    private static final String VERSION = "b1";
    /** A hundred marks of about 40 characters, in base64: within a request header's 8 KiB with room to spare. */
    private static final Pattern SHAPE = Pattern.compile(VERSION + "\\.[A-Za-z0-9_-]{1,6000}\\.[A-Za-z0-9_-]{43}");
    /**
     * The most marks an answer carries: as many transactions as run at once (the pool holds 64 connections); beyond
     * that the read may wait for fewer of the others' writes, never for fewer of its own, which is the newest.
     */
    static final int MOST_BOOKMARKS = 100;

    private static final Logger log = LoggerFactory.getLogger(ClientBookmarks.class);

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
        if ((sent == null || sent.isBlank()) && request.getExtensions().get(EXTENSION) instanceof String inBody) {
            sent = inBody;
        }
        Set<Bookmark> brought = Set.of();
        String ignored = null;
        if (sent != null && !sent.isBlank()) {
            try {
                brought = read(sent.trim());
            } catch (IllegalArgumentException e) {
                ignored = e.getMessage();
                log.info("A bookmark was not used: {}", ignored);
            }
        }
        Set<Bookmark> bringing = brought;
        // Carried to every data fetcher's thread, where Spring Data Neo4j's transactions begin.
        Mono<WebGraphQlResponse> answer = bringing.isEmpty() ? chain.next(request)
                : chain.next(request).contextWrite(context -> context.put(RequestBookmarks.KEY, bringing));
        String why = ignored;
        return answer.map(response -> {
            String bookmark = write(bookmarks.getBookmarks());
            Map<Object, Object> more = new HashMap<>();
            if (bookmark != null) {
                response.getResponseHeaders().set(HEADER, bookmark);
                more.put(EXTENSION, bookmark);
            }
            if (why != null) {
                more.put(IGNORED, why);
            }
            return more.isEmpty() ? response
                    : response.transform(builder -> builder.extensions(RequestContext.with(response, more)));
        });
    }

    /** The bookmarks as one signed, opaque string; null when there are none. */
    String write(Collection<Bookmark> latest) {
        List<String> values = latest.stream().map(Bookmark::value).distinct().limit(MOST_BOOKMARKS).toList();
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
}
