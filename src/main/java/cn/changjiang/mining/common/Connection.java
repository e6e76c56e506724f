package cn.changjiang.mining.common;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * A Relay connection page built from a keyset query: the query fetches {@code first + 1} rows after the cursor's
 * key, the extra row only telling whether another page follows.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

    public static final int MAX_PAGE_SIZE = 100;
    /**
     * How deep pages by position go (as a search engine's result window): the database keeps the top
     * {@code offset + first} rows by the sort, so a deeper page, or a cursor made up to point there, would hold a
     * province's whole match.
     */
    public static final int MAX_POSITION = 10_000;

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /** The same page with each node replaced by {@code f} of it (cursors, paging and total unchanged). */
    public <U> Connection<U> map(Function<T, U> f) {
        return new Connection<>(edges.stream().map(e -> new Edge<>(e.cursor(), f.apply(e.node()))).toList(), pageInfo,
                totalCount);
    }

    public static <T> Connection<T> of(String kind, List<T> rows, int first, boolean afterGiven, long totalCount,
                                       Function<T, String> keyOf) {
        List<Edge<T>> edges = rows.stream().limit(first).map(row -> new Edge<>(encode(kind, keyOf.apply(row)), row)).toList();
        PageInfo pageInfo = new PageInfo(rows.size() > first, afterGiven,
                edges.isEmpty() ? null : edges.getFirst().cursor(),
                edges.isEmpty() ? null : edges.getLast().cursor());
        return new Connection<>(edges, pageInfo, totalCount);
    }

    /** A page of a ranked list whose cursors are positions in the ranking. */
    public static <T> Connection<T> ofOffsets(String kind, List<T> rows, int first, int offset, long totalCount) {
        List<Edge<T>> edges = new ArrayList<>();
        for (int i = 0; i < Math.min(first, rows.size()); i++) {
            edges.add(new Edge<>(encode(kind, String.valueOf(offset + i)), rows.get(i)));
        }
        PageInfo pageInfo = new PageInfo(rows.size() > first, offset > 0,
                edges.isEmpty() ? null : edges.getFirst().cursor(),
                edges.isEmpty() ? null : edges.getLast().cursor());
        return new Connection<>(edges, pageInfo, totalCount);
    }

    /** The position right after the one a ranking cursor points at. */
    public static int offsetAfter(String kind, String cursor) {
        String position = decode(kind, cursor);
        try {
            int after = Integer.parseInt(position);
            if (after < 0) {
                throw new NumberFormatException("negative position");
            }
            if (after >= MAX_POSITION - 1) {
                throw new InvalidInputException("after", "Pages of " + kind + " in this order reach " + MAX_POSITION
                        + " rows deep at most: narrow the where (or export the ledger for all of it)");
            }
            return after + 1;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("after", "after is not a " + kind + " cursor from this API");
        }
    }

    public static int pageSize(Integer first) {
        int size = first == null ? 20 : first;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("first", "first must be between 1 and " + MAX_PAGE_SIZE + ", got " + size);
        }
        return size;
    }

    /** The key a cursor of the given kind points at, or null when no cursor was given. */
    public static String decode(String kind, String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(kind + ":")) {
                return decoded.substring(kind.length() + 1);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw new InvalidInputException("after", "after is not a " + kind + " cursor from this API");
    }

    private static String encode(String kind, String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }
}
