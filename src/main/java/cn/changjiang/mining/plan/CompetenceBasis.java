package cn.changjiang.mining.plan;

/** What makes a unit competent for a violation type, as the schema's enum {@code CompetenceBasis}. */
public enum CompetenceBasis {
    ANNEX_2, TASK_LEAD, CRIMINAL
}
