package cn.changjiang.mining.mine;

/** The fields a list of mines sorts by, as the schema's enum {@code MineOrderField}. */
public enum MineOrderField {
    ID, NAME, LICENCE_VALID_UNTIL, OPEN_ISSUES
}
