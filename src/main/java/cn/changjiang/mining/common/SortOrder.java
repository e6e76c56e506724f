package cn.changjiang.mining.common;

/**
 * How a client asked a list to be sorted: the schema's {@code IssueOrder}, {@code MineOrder}, {@code UnitOrder} and
 * {@code PersonOrder} are each a record of the list's own field enum (which knows its Cypher sort key) and a
 * {@link SortDirection}.
 */
public interface SortOrder {

    /** The Cypher sort key, over the list's node {@code n}; the list's default field when the client named none. */
    String sortKey();

    SortDirection direction();

    default boolean descending() {
        return direction() == SortDirection.DESC;
    }

    /** Several keys as one Cypher {@code ORDER BY} list ({@code key DIRECTION, …}); {@code fallback} when none. */
    static String cypher(java.util.List<? extends SortOrder> keys, SortOrder fallback) {
        java.util.List<? extends SortOrder> all = keys == null || keys.isEmpty() ? java.util.List.of(fallback) : keys;
        if (all.size() > 5) {
            throw new InvalidInputException("sort", "Sort by at most five keys");
        }
        return String.join(", ", all.stream().map(k -> k.sortKey() + (k.descending() ? " DESC" : " ASC")).toList());
    }

    /** The position a list continues from, given the cursor of the row before. */
    static int offset(String cursorKind, String after) {
        return after == null ? 0 : Connection.offsetAfter(cursorKind, after);
    }
}
