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

    /** The position a list continues from, given the cursor of the row before. */
    static int offset(String cursorKind, String after) {
        return after == null ? 0 : Connection.offsetAfter(cursorKind, after);
    }
}
