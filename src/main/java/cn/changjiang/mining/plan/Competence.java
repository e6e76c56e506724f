package cn.changjiang.mining.plan;

/**
 * The one rule for the units competent for a problem, as Cypher: the units OF THE PROBLEM'S DISTRICT (belonging to it
 * or serving it) whose {@code function} is that of a unit COMPETENT_UNIT for one of the problem's violation types.
 * The catalogue of problem kinds (:ViolationType with COMPETENT_UNIT to the seeded district's units) is the province's;
 * every district has its own units of each function (graph-seed/V017, importPlan's createUnits). For 昌江区 the units
 * found are exactly the COMPETENT_UNIT units; a problem without a district (a test's fixture) keeps those too.
 */
public final class Competence {

    private Competence() {
    }

    /**
     * A COLLECT subquery over the competent units of the problem bound to {@code issue}: in it {@code k} is the
     * COMPETENT_UNIT edge (role, basis, clause, quote), {@code c} the catalogue's unit and {@code u} the problem's
     * district's unit of that function; {@code where} filters (may be empty), {@code projection} is what it returns.
     */
    public static String competentUnits(String issue, String where, String projection) {
        return """
                COLLECT { MATCH (%1$s)-[:OF_TYPE]->(:ViolationType)-[k:COMPETENT_UNIT]->(c:Unit)
                          UNWIND CASE WHEN %1$s.district IS NULL THEN [c]
                                      ELSE COLLECT { MATCH (d:Unit {function: coalesce(c.function, c.id)})-[:BELONGS_TO|SERVES]->(:Jurisdiction {id: %1$s.district})
                                                     RETURN d } END AS u
                          WITH k, c, u %2$s
                          RETURN %3$s }""".formatted(issue, where, projection);
    }
}
