package cn.changjiang.mining.plan;

/**
 * The fields a list of units sorts by, as the schema's enum {@code UnitOrderField}, each with its Cypher sort key
 * (open problems counted in the list's scope, {@code $districts}, only: a unit may help a neighbouring district).
 */
public enum UnitOrderField {
    DOCUMENT("coalesce(n.order, 999)"),
    NAME("n.name"),
    OPEN_ISSUES("COUNT { (i:Issue)-[:ASSIGNED_TO]->(n) WHERE i.status IN $openStatuses AND i.district IN $districts }");

    /** The Cypher sort key over the list's node {@code n}. */
    final String sortKey;

    UnitOrderField(String sortKey) {
        this.sortKey = sortKey;
    }
}
