package cn.changjiang.mining.insight;

/** The period a time series counts by, as the schema's enum {@code TimeInterval}. */
public enum TimeInterval {
    WEEK, MONTH
}
