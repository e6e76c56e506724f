package cn.changjiang.mining.requirement;

/** What kind of party a requirement or obligation names, as the schema's {@code PlanPartyKind}. */
public enum PlanPartyKind { UNIT, WORKING_GROUP, OFFICE, BODY }
