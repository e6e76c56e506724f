package cn.changjiang.mining.plan;

/** The fields a list of units sorts by, as the schema's enum {@code UnitOrderField}. */
public enum UnitOrderField {
    DOCUMENT, NAME, OPEN_ISSUES
}
