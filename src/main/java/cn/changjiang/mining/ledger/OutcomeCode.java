package cn.changjiang.mining.ledger;

/** A kind of outcome recorded on a problem, as the schema's {@code OutcomeCode}: the code of an {@code Outcome} node. */
public enum OutcomeCode { EXPOSURE, PENALTY, LEGAL_LIABILITY, CLOSURE }
