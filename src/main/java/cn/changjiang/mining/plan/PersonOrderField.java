package cn.changjiang.mining.plan;

/** The fields a list of people sorts by, as the schema's enum {@code PersonOrderField}. */
public enum PersonOrderField {
    ID, NAME, OPEN_ISSUES
}
