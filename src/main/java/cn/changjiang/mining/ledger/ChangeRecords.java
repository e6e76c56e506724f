package cn.changjiang.mining.ledger;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.audit.AuditTrail.Change;
import cn.changjiang.mining.common.Connection;
import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.graph.Where;
import cn.changjiang.mining.plan.Scope;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The change records as a list an analyst filters and sorts: only the records the reader may read (the same two rules
 * as one record's history and the live feed: {@link IssueAccess#changeInScope} and
 * {@link IssueAccess#changeOpenToReader}), then the analyst's {@code where}, paged by the database's top-k.
 */
@Component
class ChangeRecords {

    /**
     * The records a reader may read, bound to {@code n} for the page: from the index on the district each record keeps
     * ({@code AuditTrail.districtOfRecord}: the viewer's districts, and {@code '*'} for things of none; with its sequence,
     * as the index is composite, and every record has one), then the two rules on the thing itself.
     */
    static final String READABLE = "MATCH (n:Change) WHERE n.district IN $recordDistricts AND n.seq IS NOT NULL\n  AND "
            + IssueAccess.changeInScope("n") + "\n  AND " + IssueAccess.changeOpenToReader("n");

    private final CypherRunner reads;

    ChangeRecords(CypherRunner reads) {
        this.reads = reads;
    }

    /** The district a record of a thing of no district keeps (see {@code AuditTrail.districtOfRecord}). */
    static final String NO_DISTRICT = "*";

    /** Cursors of a list in sequence order: the sequence of the record before, not its position. */
    static final String BY_SEQUENCE = "changes-by-sequence";

    Connection<Change> page(Where.Compiled where, String orderBy, Scope scope, String readerUnit, LocalDate today,
                            int first, int offset) {
        return reads.orderedPage("changes", READABLE + "\n  AND " + where.condition(), orderBy, "n",
                parameters(where, scope, readerUnit, today), first, offset, Change::from);
    }

    /**
     * A page in sequence order (the default, newest first): the cursor is the last record's sequence, so a record
     * written between two pages does not shift the next one, and the page is read from the sequence index.
     */
    Connection<Change> pageBySequence(Where.Compiled where, boolean descending, Scope scope, String readerUnit,
                                      LocalDate today, int first, String after) {
        Map<String, Object> params = parameters(where, scope, readerUnit, today);
        params.put("after", after == null ? null : afterSequence(after));
        params.put("limit", first + 1);
        String matchWhere = READABLE + "\n  AND " + where.condition();
        SequencePage page = reads.single("""
                CALL () {
                  %1$s
                  RETURN count(n) AS total
                }
                CALL () {
                  %1$s
                    AND ($after IS NULL OR n.seq %2$s $after)
                  WITH n %3$s LIMIT $limit
                  RETURN collect(n) AS rows
                }
                RETURN {total: total, rows: rows} AS item""".formatted(matchWhere, descending ? "<" : ">",
                descending ? "ORDER BY n.seq DESC" : "ORDER BY n.seq ASC"), params, SequencePage::from).orElseThrow();
        return Connection.of(BY_SEQUENCE, page.rows(), first, after != null, page.total(),
                change -> String.valueOf(change.sequence()));
    }

    /** The total of the records and the page's records, as the statement returns them. */
    record SequencePage(long total, List<Change> rows) {
        static SequencePage from(Value value) {
            return new SequencePage(value.get("total").asLong(), value.get("rows").asList(Change::from));
        }
    }

    private static long afterSequence(String cursor) {
        try {
            return Long.parseLong(Connection.decode(BY_SEQUENCE, cursor));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("after", "after is not a cursor of change records in sequence order");
        }
    }

    private static Map<String, Object> parameters(Where.Compiled where, Scope scope, String readerUnit, LocalDate today) {
        Map<String, Object> params = new HashMap<>(where.parameters());
        params.put("f_today", today); // a problem's `overdue` in the where
        params.put("districts", scope.districts());
        List<String> recordDistricts = new java.util.ArrayList<>(scope.districts());
        recordDistricts.add(NO_DISTRICT);
        params.put("recordDistricts", recordDistricts);
        params.put("readerUnit", readerUnit);
        return params;
    }
}
