package cn.changjiang.mining.plan;

import cn.changjiang.mining.security.ReadPolicy;

/** The fields a list of people sorts by, as the schema's enum {@code PersonOrderField}, each with its Cypher sort key
 * (open problems counted only where the reader may read who answers for them, in the list's scope). */
public enum PersonOrderField {
    ID("n.id"),
    NAME("n.name"),
    OPEN_ISSUES("COUNT { (i:Issue)-[:RESPONSIBLE_PERSON]->(n) WHERE i.status IN $openStatuses"
            + " AND i.district IN $districts AND " + ReadPolicy.PROBLEM_DETAILS_READABLE + " }");

    /** The Cypher sort key over the list's node {@code n}. */
    final String sortKey;

    PersonOrderField(String sortKey) {
        this.sortKey = sortKey;
    }
}
