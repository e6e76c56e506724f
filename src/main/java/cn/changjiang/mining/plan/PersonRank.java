package cn.changjiang.mining.plan;

/** A person's rank in a unit, as the schema's enum {@code PersonRank}. */
public enum PersonRank {
    PRINCIPAL, DEPUTY, OFFICER
}
