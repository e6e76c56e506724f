package cn.changjiang.mining.ledger;

/** Where a problem was found, as the schema's {@code ProblemSourceCode}: the code of a {@code ProblemSource} node. */
public enum ProblemSourceCode { SCREENING, ANTI_GANG, MEDIA, PUBLIC_REPORT }
