package cn.changjiang.mining.ledger;

/** The fields a list of change records sorts by, as the schema's enum {@code ChangeOrderField}, each with its Cypher
 * sort key over the list's node {@code n}. */
public enum ChangeOrderField {
    SEQUENCE("n.seq"),
    AT("n.at"),
    ACTION("n.action"),
    ACTOR("n.actor"),
    ENTITY_TYPE("n.entityType");

    /** The Cypher sort key over the list's node {@code n}. */
    final String sortKey;

    ChangeOrderField(String sortKey) {
        this.sortKey = sortKey;
    }
}
