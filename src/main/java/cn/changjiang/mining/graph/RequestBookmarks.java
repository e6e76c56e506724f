package cn.changjiang.mining.graph;

import java.util.Set;
import java.util.function.Supplier;

import io.micrometer.context.ContextRegistry;
import org.neo4j.driver.Bookmark;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;

/**
 * The bookmarks a request brought with it: the writes, possibly made through another instance, that its reads must
 * see. Spring Data Neo4j's bookmark manager ({@link #manager()}, used by its client and transaction manager alike)
 * adds them to the bookmarks of this instance's own last transactions whenever a transaction begins, so on a cluster
 * the database a read is routed to waits until it has those writes. They reach the threads that run a request's data
 * fetchers by context propagation ({@link #KEY}).
 */
public final class RequestBookmarks {

    /** The HTTP header a client carries its bookmark in, both ways (and its frontend's CORS lets through). */
    public static final String HEADER = "Accountability-Bookmark";

    /** The context-propagation key of {@link #CURRENT}. */
    public static final String KEY = "accountability.requestBookmarks";

    static final ThreadLocal<Set<Bookmark>> CURRENT = new ThreadLocal<>();

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(KEY, CURRENT);
    }

    private RequestBookmarks() {
    }

    /** This request's bookmarks; none outside a request or when it brought none. */
    public static Set<Bookmark> current() {
        Set<Bookmark> bookmarks = CURRENT.get();
        return bookmarks == null ? Set.of() : bookmarks;
    }

    /** Runs {@code work} on this thread with {@code bookmarks} as the request's. */
    public static <T> T with(Set<Bookmark> bookmarks, Supplier<T> work) {
        Set<Bookmark> before = CURRENT.get();
        CURRENT.set(Set.copyOf(bookmarks));
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** The bookmark manager of Spring Data Neo4j, seeded on every transaction with the request's bookmarks. */
    static Neo4jBookmarkManager manager() {
        return Neo4jBookmarkManager.create(RequestBookmarks::current);
    }
}
