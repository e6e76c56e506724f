package cn.changjiang.mining.common;

/** Sort direction (the schema's {@code enum SortDirection}). */
public enum SortDirection {
    /** 升序. */
    ASC,
    /** 降序. */
    DESC
}
