package cn.changjiang.mining.ledger;

import cn.changjiang.mining.common.IssueStatus;
import cn.changjiang.mining.plan.Scope;
import cn.changjiang.mining.security.ReadPolicy;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Which problems a list, a count or a series covers; every field optional. {@link #WHERE} is its one Cypher
 * condition over a problem {@code i}, shared by every query that filters problems; it starts with the scope
 * ({@code i.district IN $districts}), so a scoped list starts from the (district, status) index.
 */
public record IssueFilter(IssueStatus status, Boolean open, Boolean overdue, String township, String unit,
                          LocalDate foundFrom, LocalDate foundTo, String text) {

    public static final IssueFilter NONE = new IssueFilter(null, null, null, null, null, null, null, null);

    public static final String WHERE = """
            i.district IN $districts AND i.status IS NOT NULL
              AND ($f_status IS NULL OR i.status = $f_status)
              AND ($f_open IS NULL OR $f_open = (i.status IN $openStatuses))
              AND ($f_overdue IS NULL OR $f_overdue = coalesce(i.status IN $openStatuses AND i.deadline < $f_today, false))
              AND ($f_from IS NULL OR i.foundOn >= $f_from) AND ($f_to IS NULL OR i.foundOn <= $f_to)
              AND ($f_township IS NULL OR EXISTS { (i)-[:AT]->(:Mine)-[:LOCATED_IN]->(:Township {name: $f_township}) })
              AND ($f_unit IS NULL OR EXISTS { (i)-[:ASSIGNED_TO]->(u:Unit) WHERE u.id = $f_unit OR u.name = $f_unit OR $f_unit IN u.aliases })
              AND ($f_text IS NULL OR i.title CONTAINS $f_text
                   OR (i.description CONTAINS $f_text AND %s))""".formatted(ReadPolicy.PROBLEM_DETAILS_READABLE);

    public static IssueFilter orNone(IssueFilter filter) {
        return filter == null ? NONE : filter;
    }

    /**
     * The parameters {@link #WHERE} reads: the scope's districts, and today for {@code overdue}. Text matches a
     * description only where the reader may read it ({@link ReadPolicy#readerUnit}), so a count or a list never tells
     * what a hidden description says.
     */
    public Map<String, Object> parameters(String readerUnit, Scope scope, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        params.put("districts", scope.districts());
        params.put("f_overdue", overdue);
        params.put("f_today", today);
        params.put("f_status", status == null ? null : status.name());
        params.put("f_open", open);
        params.put("f_township", township);
        params.put("f_unit", unit);
        params.put("f_from", foundFrom);
        params.put("f_to", foundTo);
        params.put("f_text", text == null || text.isBlank() ? null : text.strip());
        params.put("readerUnit", readerUnit);
        return params;
    }
}
