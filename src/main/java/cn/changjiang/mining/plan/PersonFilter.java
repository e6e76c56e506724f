package cn.changjiang.mining.plan;

import cn.changjiang.mining.security.ReadPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which people a list covers; every field optional. {@link #MATCH} finds them as {@code n}. */
public record PersonFilter(String text, String unit, PersonRank rank, Boolean hasOpenIssues) {

    static final PersonFilter NONE = new PersonFilter(null, null, null, null);

    static final String MATCH = """
            MATCH (n:Person)
            WHERE EXISTS { (n)-[:SERVES_IN]->(scoped:Unit) WHERE scoped.id IN $units }
              AND ($f_text IS NULL OR n.name CONTAINS $f_text OR n.title CONTAINS $f_text)
              AND ($f_unit IS NULL OR EXISTS { (n)-[:SERVES_IN]->(u:Unit)
                                                WHERE u.id = $f_unit OR u.name = $f_unit OR $f_unit IN u.aliases })
              AND ($f_rank IS NULL OR n.rank = $f_rank)
              AND ($f_hasOpenIssues IS NULL OR $f_hasOpenIssues =
                   EXISTS { (i:Issue)-[:RESPONSIBLE_PERSON]->(n) WHERE i.status IN $openStatuses
                            AND i.district IN $districts AND %s })"""
            .formatted(ReadPolicy.PROBLEM_DETAILS_READABLE);

    static PersonFilter orNone(PersonFilter filter) {
        return filter == null ? NONE : filter;
    }

    /** The parameters of {@link #MATCH} (people of the scope's units); who answers for a problem counts only where the reader may know it. */
    Map<String, Object> parameters(String readerUnit, List<String> units) {
        Map<String, Object> params = new HashMap<>();
        params.put("units", units);
        params.put("readerUnit", readerUnit);
        params.put("f_text", text == null || text.isBlank() ? null : text.strip());
        params.put("f_unit", unit);
        params.put("f_rank", rank == null ? null : rank.name());
        params.put("f_hasOpenIssues", hasOpenIssues);
        return params;
    }
}
