package cn.changjiang.mining.ledger;

/** What a list of problems is sorted by, as the schema's {@code IssueOrderField}, each with its Cypher sort key over {@code n}. */
public enum IssueOrderField {
    ID("n.id"),
    FOUND_ON("n.foundOn"),
    /** Problems without a deadline last. */
    DEADLINE("coalesce(n.deadline, date('9999-12-31'))"),
    SEVERITY("CASE n.severity WHEN 'MAJOR' THEN 3 WHEN 'SERIOUS' THEN 2 ELSE 1 END");

    final String sortKey;

    IssueOrderField(String sortKey) {
        this.sortKey = sortKey;
    }

}
