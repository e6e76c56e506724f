package cn.changjiang.mining.insight;

/** A dimension problems are counted by, as the schema's enum {@code IssueDimension}. */
public enum IssueDimension {
    UNIT, STATUS, TOWNSHIP, MINERAL, VIOLATION_TYPE, TASK, PHASE, SOURCE, SEVERITY, FOUND_MONTH, FOUND_WEEK, CLOSED_MONTH, DISTRICT, CITY
}
