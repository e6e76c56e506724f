package cn.changjiang.mining.ledger;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import cn.changjiang.mining.audit.AuditTrail.Change;
import cn.changjiang.mining.common.Connection;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.graph.Where;
import cn.changjiang.mining.plan.Scope;
import org.springframework.stereotype.Component;

/**
 * The change records as a list an analyst filters and sorts: only the records the reader may read (the same two rules
 * as one record's history and the live feed: {@link IssueAccess#changeInScope} and
 * {@link IssueAccess#changeOpenToReader}), then the analyst's {@code where}, paged by the database's top-k.
 */
@Component
class ChangeRecords {

    /** The records a reader may read, bound to {@code n} for the page. */
    static final String READABLE = "MATCH (n:Change) WHERE " + IssueAccess.changeInScope("n") + "\n  AND "
            + IssueAccess.changeOpenToReader("n");

    private final CypherRunner reads;

    ChangeRecords(CypherRunner reads) {
        this.reads = reads;
    }

    Connection<Change> page(Where.Compiled where, String orderBy, Scope scope, String readerUnit, LocalDate today,
                            int first, int offset) {
        Map<String, Object> params = new HashMap<>(where.parameters());
        params.put("f_today", today); // a problem's `overdue` in the where
        params.put("districts", scope.districts());
        params.put("readerUnit", readerUnit);
        return reads.orderedPage("changes", READABLE + "\n  AND " + where.condition(), orderBy, "n", params, first,
                offset, Change::from);
    }
}
