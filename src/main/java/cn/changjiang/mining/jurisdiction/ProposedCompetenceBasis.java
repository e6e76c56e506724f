package cn.changjiang.mining.jurisdiction;

/** Basis of a proposed competence edge (schema enum {@code ProposedCompetenceBasis}). */
public enum ProposedCompetenceBasis {
    ANNEX_2, TASK_LEAD
}
