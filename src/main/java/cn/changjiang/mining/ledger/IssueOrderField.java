package cn.changjiang.mining.ledger;

/** What a list of problems is sorted by, as the schema's {@code IssueOrderField}, each with its Cypher sort key over {@code n}. */
public enum IssueOrderField {
    ID("n.id"),
    FOUND_ON("n.foundOn"),
    /** Problems without a deadline last. */
    DEADLINE("coalesce(n.deadline, date('9999-12-31'))"),
    SEVERITY("CASE n.severity WHEN 'MAJOR' THEN 3 WHEN 'SERIOUS' THEN 2 ELSE 1 END"),
    STATUS("n.status"),
    /** Problems not closed last. */
    CLOSED_ON("coalesce(n.closedOn, date('9999-12-31'))"),
    TITLE("n.title"),
    /** A related node's value: the mine's name, read for the rows being sorted only. */
    MINE_NAME("head(COLLECT { MATCH (n)-[:AT]->(m:Mine) RETURN m.name })"),
    TOWNSHIP("head(COLLECT { MATCH (n)-[:AT]->(:Mine)-[:LOCATED_IN]->(t:Township) RETURN t.name })");

    final String sortKey;

    IssueOrderField(String sortKey) {
        this.sortKey = sortKey;
    }

}
