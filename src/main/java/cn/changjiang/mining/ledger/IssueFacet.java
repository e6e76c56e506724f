package cn.changjiang.mining.ledger;

/**
 * A way of sorting problems into groups, with its one Cypher expression: the list of a problem {@code i}'s values
 * (empty where it has none; several where it falls in several groups). The counts kept on write
 * ({@link IssueTallies}) and the counts computed per request ({@code insight/IssueCounts}) both read these, so a
 * group means the same either way. The status and the district are not facets: every kept count is per district and
 * status already.
 */
public enum IssueFacet {

    /** Every problem, in one group. */
    ALL("AL", "['']"),
    /** The unit leading it (its name, as the ledger's sheets name units). */
    UNIT("UN", "[(i)-[:ASSIGNED_TO {role: 'LEAD'}]->(u:Unit) | u.name]"),
    /** Each unit it is assigned to, by id, once per assignment (the scorecards count assignments). */
    ASSIGNED("AS", "[(i)-[:ASSIGNED_TO]->(u:Unit) | u.id]"),
    TOWNSHIP("TW", "[(i)-[:AT]->(:Mine)-[:LOCATED_IN]->(t:Township) | t.name]"),
    MINERAL("MI", "[(i)-[:AT]->(:Mine)-[:PRODUCES]->(m:Mineral) | m.name]"),
    VIOLATION_TYPE("VT", "[(i)-[:OF_TYPE]->(v:ViolationType) | v.code]"),
    TASK("TK", "[(i)-[:OF_TYPE]->(:ViolationType)<-[:FOCUSES_ON]-(t:Task) | toString(t.number)]"),
    PHASE("PH", "[(i)-[:IN_PHASE]->(p:Phase) | toString(p.number)]"),
    SOURCE("SO", "[(i)-[:FOUND_BY]->(s:ProblemSource) | s.code]"),
    SEVERITY("SE", "[i.severity]"),
    FOUND_MONTH("FM", "[left(toString(i.foundOn), 7)]"),
    FOUND_WEEK("FW", "[toString(date.truncate('week', i.foundOn))]"),
    CLOSED_MONTH("CM", "[d IN [i.closedOn] WHERE d IS NOT NULL | left(toString(d), 7)]"),
    CLOSED_WEEK("CW", "[d IN [i.closedOn] WHERE d IS NOT NULL | toString(date.truncate('week', d))]");

    private final String code;
    private final String valuesOf;

    IssueFacet(String code, String values) {
        this.code = code;
        this.valuesOf = values;
    }

    /** Two letters that start the facet's entries in a problem's kept {@code tally}. */
    public String code() {
        return code;
    }

    /** The list of the problem {@code i}'s values. */
    public String valuesOf() {
        return valuesOf;
    }

    /** Whether a problem counts once per value (every facet) or once per relationship (the assignments). */
    boolean distinctValues() {
        return this != ASSIGNED;
    }
}
