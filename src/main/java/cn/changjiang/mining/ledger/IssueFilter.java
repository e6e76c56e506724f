package cn.changjiang.mining.ledger;

import cn.changjiang.mining.common.IssueStatus;
import cn.changjiang.mining.plan.Scope;
import cn.changjiang.mining.security.ReadPolicy;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Which problems a list, a count or a series covers; every field optional. {@link #condition()} is its one Cypher
 * condition over a problem {@code i}, shared by every query that filters problems; it starts with the scope
 * ({@code i.district IN $districts}), so a scoped list starts from the (district, status) index.
 */
public record IssueFilter(IssueStatus status, Boolean open, Boolean overdue, String township, String unit,
                          LocalDate foundFrom, LocalDate foundTo, String text) {

    public static final IssueFilter NONE = new IssueFilter(null, null, null, null, null, null, null, null);

    /**
     * The one Cypher condition over a problem {@code i} of this filter: the scope, then only the conditions given (a
     * condition not asked for is not in the statement at all, so the planner sees exactly the question). Text matches
     * a description only where the reader may read it ({@link ReadPolicy#PROBLEM_DETAILS_READABLE}).
     */
    public String condition() {
        StringBuilder where = new StringBuilder("i.district IN $districts AND i.status IS NOT NULL");
        if (status != null) {
            where.append("\n  AND i.status = $f_status");
        }
        if (open != null) {
            where.append("\n  AND $f_open = (i.status IN $openStatuses)");
        }
        if (overdue != null) {
            where.append("\n  AND $f_overdue = coalesce(i.status IN $openStatuses AND i.deadline < $f_today, false)");
        }
        if (foundFrom != null) {
            where.append("\n  AND i.foundOn >= $f_from");
        }
        if (foundTo != null) {
            where.append("\n  AND i.foundOn <= $f_to");
        }
        if (township != null) {
            where.append("\n  AND EXISTS { (i)-[:AT]->(:Mine)-[:LOCATED_IN]->(:Township {name: $f_township}) }");
        }
        if (unit != null) {
            where.append("\n  AND EXISTS { (i)-[:ASSIGNED_TO]->(u:Unit) WHERE u.id = $f_unit OR u.name = $f_unit OR $f_unit IN u.aliases }");
        }
        if (text != null && !text.isBlank()) {
            where.append("\n  AND (i.title CONTAINS $f_text OR (i.description CONTAINS $f_text AND ")
                    .append(ReadPolicy.PROBLEM_DETAILS_READABLE).append("))");
        }
        return where.toString();
    }

    public static IssueFilter orNone(IssueFilter filter) {
        return filter == null ? NONE : filter;
    }

    /**
     * The parameters {@link #condition()} reads: the scope's districts, and today for {@code overdue}. Text matches a
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
