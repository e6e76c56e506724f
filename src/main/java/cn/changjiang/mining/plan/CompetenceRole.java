package cn.changjiang.mining.plan;

/** A competent unit's part in a violation type, as the schema's enum {@code CompetenceRole}. */
public enum CompetenceRole {
    LEAD, SUPPORT
}
