package cn.changjiang.mining.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.audit.AuditTrail.Change;
import cn.changjiang.mining.common.Connection;
import cn.changjiang.mining.common.SortOrder;
import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.graph.Where;
import cn.changjiang.mining.mine.Mine;
import cn.changjiang.mining.plan.Scopes;
import cn.changjiang.mining.security.Access;
import cn.changjiang.mining.security.ReadPolicy;
import cn.changjiang.mining.web.RequestContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The change records as an analyst's list (any {@code where}, several sort keys, pages), and what each changed. */
@Controller
class ChangeListController {

    private final ChangeRecords records;
    private final Access access;
    private final ReadPolicy readPolicy;
    private final Scopes scopes;

    private final IssueQueries queries;
    private final Clock clock;

    ChangeListController(ChangeRecords records, Access access, ReadPolicy readPolicy, Scopes scopes, IssueQueries queries,
                         Clock clock) {
        this.records = records;
        this.clock = clock;
        this.queries = queries;
        this.access = access;
        this.readPolicy = readPolicy;
        this.scopes = scopes;
    }

    @QueryMapping
    Connection<Change> changes(@Argument Integer first, @Argument String after, @Argument Map<String, Object> where,
                               @Argument List<ChangeOrder> sort, @Argument String jurisdiction,
                               @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        access.requireSignedIn(viewer);
        Where.Compiled compiled = Where.compile(ChangeWhere.CHANGE, where, "n", readPolicy.whereGuard(viewer));
        String orderBy = SortOrder.cypher(sort, ChangeOrder.DEFAULT);
        ChangeOrder only = sort == null || sort.isEmpty() ? ChangeOrder.DEFAULT : sort.size() == 1 ? sort.getFirst() : null;
        if (only != null && only.sortKey().equals(ChangeOrderField.SEQUENCE.sortKey)) {
            return records.pageBySequence(compiled, only.descending(), scopes.of(viewer, jurisdiction),
                    ReadPolicy.readerUnit(viewer), LocalDate.now(clock), Connection.pageSize(first), after);
        }
        return records.page(compiled, orderBy, scopes.of(viewer, jurisdiction), ReadPolicy.readerUnit(viewer),
                LocalDate.now(clock), Connection.pageSize(first), SortOrder.offset("changes", after));
    }

    @BatchMapping(typeName = "Change")
    Map<Change, Issue> issue(List<Change> changes) {
        return queries.issuesOfChanges(changes);
    }

    @BatchMapping(typeName = "Change")
    Map<Change, Mine> mine(List<Change> changes) {
        return queries.minesOfChanges(changes);
    }
}
