package cn.changjiang.mining.jurisdiction;

/** Role in a proposed competence edge (schema enum {@code ProposedCompetenceRole}). */
public enum ProposedCompetenceRole {
    LEAD, SUPPORT
}
