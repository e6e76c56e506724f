package cn.changjiang.mining.common;

import java.util.Map;

/**
 * How a client asked a list to be sorted (the schema's {@code IssueOrder}, {@code MineOrder}, {@code UnitOrder}...):
 * one of the list's sort fields and a {@link SortDirection}. Each list maps its field names to Cypher sort keys of
 * its own.
 */
public record SortOrder(String field, SortDirection direction) {

    public static final SortOrder NONE = new SortOrder(null, null);

    public static SortOrder orNone(SortOrder order) {
        return order == null ? NONE : order;
    }

    /** The Cypher sort key for the chosen field, or the list's default when none was chosen. */
    public String key(Map<String, String> keys, String defaultField) {
        return keys.get(field == null ? defaultField : field);
    }

    public boolean descending() {
        return direction == SortDirection.DESC;
    }

    /** The position a list continues from, given the cursor of the row before. */
    public static int offset(String cursorKind, String after) {
        return after == null ? 0 : Connection.offsetAfter(cursorKind, after);
    }
}
