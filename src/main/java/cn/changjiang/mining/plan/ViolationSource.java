package cn.changjiang.mining.plan;

/** Where a violation type comes from, as the schema's enum {@code ViolationSource}. */
public enum ViolationSource {
    TASK, ANNEX_2
}
