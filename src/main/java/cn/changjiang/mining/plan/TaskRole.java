package cn.changjiang.mining.plan;

/** A unit's part in a task, as the schema's enum {@code TaskRole}. */
public enum TaskRole {
    LEAD, SUPPORTING
}
