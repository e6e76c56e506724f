package cn.changjiang.mining.mine;

/** The fields a list of mines sorts by, as the schema's enum {@code MineOrderField}, each with its Cypher sort key. */
public enum MineOrderField {
    ID("n.id"),
    NAME("n.name"),
    LICENCE_VALID_UNTIL("coalesce(n.licenceValidUntil, date('9999-12-31'))"),
    OPEN_ISSUES("COUNT { (i:Issue)-[:AT]->(n) WHERE i.status IN $openStatuses }");

    /** The Cypher sort key over the list's node {@code n}. */
    final String sortKey;

    MineOrderField(String sortKey) {
        this.sortKey = sortKey;
    }
}
