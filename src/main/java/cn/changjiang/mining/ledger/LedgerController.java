package cn.changjiang.mining.ledger;

import cn.changjiang.mining.audit.ChangeFeed;
import cn.changjiang.mining.audit.AuditTrail;
import cn.changjiang.mining.common.ForbiddenException;
import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.security.ReadPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.web.RequestContext;
import cn.changjiang.mining.common.Actor;
import cn.changjiang.mining.audit.IdempotencyKeys;
import cn.changjiang.mining.graph.WriteRetries;
import cn.changjiang.mining.ledger.LedgerInputs.AssignIssueInput;
import cn.changjiang.mining.ledger.LedgerInputs.IssuePayload;
import cn.changjiang.mining.ledger.LedgerInputs.RecordOutcomeInput;
import cn.changjiang.mining.ledger.LedgerInputs.ReportIssueInput;
import cn.changjiang.mining.ledger.LedgerInputs.TransitionIssueInput;
import cn.changjiang.mining.plan.Scope;
import cn.changjiang.mining.plan.Scopes;
import cn.changjiang.mining.plan.Unit;
import cn.changjiang.mining.security.Access;
import cn.changjiang.mining.common.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** The ledger's mutations, its change history and its watch lists (overdue, 挂牌督办). */
@Controller
class LedgerController {

    private final Ledger ledger;
    private final AuditTrail audit;
    private final IssueQueries queries;
    private final ChangeFeed events;
    private final Access access;
    private final IssueAccess issueAccess;
    private final WriteRetries retries;
    private final Clock clock;
    private final Scopes scopes;
    private final LedgerImport importer;

    LedgerController(Ledger ledger, AuditTrail audit, IssueQueries queries, ChangeFeed events, Access access, IssueAccess issueAccess,
                     WriteRetries retries, Clock clock, Scopes scopes, LedgerImport importer) {
        this.scopes = scopes;
        this.importer = importer;
        this.ledger = ledger;
        this.audit = audit;
        this.queries = queries;
        this.events = events;
        this.access = access;
        this.issueAccess = issueAccess;
        this.retries = retries;
        this.clock = clock;
    }

    @MutationMapping
    IssuePayload reportIssue(@Argument ReportIssueInput input, @Argument String idempotencyKey,
                             @ContextValue(RequestContext.ACTOR) Actor actor) {
        String key = IdempotencyKeys.orInternal(idempotencyKey, actor.requestId());
        return new IssuePayload(retries.runKeyed("reportIssue", () -> ledger.report(input, actor, key)));
    }

    @MutationMapping
    IssuePayload assignIssue(@Argument AssignIssueInput input, @ContextValue(RequestContext.ACTOR) Actor actor) {
        return new IssuePayload(retries.run("assignIssue", () -> ledger.assign(input, actor)));
    }

    @MutationMapping
    IssuePayload superviseIssue(@Argument LedgerInputs.SuperviseIssueInput input, @ContextValue(RequestContext.ACTOR) Actor actor) {
        return new IssuePayload(retries.run("superviseIssue", () -> ledger.supervise(input, actor)));
    }

    @MutationMapping
    IssuePayload transitionIssue(@Argument TransitionIssueInput input, @ContextValue(RequestContext.ACTOR) Actor actor) {
        return new IssuePayload(retries.run("transitionIssue", () -> ledger.transition(input, actor)));
    }

    @MutationMapping
    IssuePayload recordOutcome(@Argument RecordOutcomeInput input, @Argument String idempotencyKey,
                               @ContextValue(RequestContext.ACTOR) Actor actor) {
        String key = IdempotencyKeys.orInternal(idempotencyKey, actor.requestId());
        return new IssuePayload(retries.runKeyed("recordOutcome", () -> ledger.recordOutcome(input, actor, key)));
    }

    @SubscriptionMapping
    Flux<AuditTrail.Change> ledgerChanged(@Argument String entityId, @Argument String entityType, @Argument String jurisdiction,
                                          @Argument String after, @ContextValue(RequestContext.VIEWER) Viewer viewer,
                                          @ContextValue(name = RequestContext.SIGNED_IN_UNTIL, required = false) Instant signedInUntil) {
        access.requireSignedIn(viewer);
        Scope scope = scopes.of(viewer, jurisdiction);
        return RequestContext.untilTokenExpires(events.changesAfter(sequence(after)), signedInUntil)
                .filter(change -> (entityId == null || entityId.equals(change.entityId()))
                        && (entityType == null || entityType.equals(change.entityType())))
                .publishOn(Schedulers.boundedElastic())
                .filter(change -> issueAccess.inScope(scope, change.entityType(), change.entityId())
                        && issueAccess.mayReadChange(viewer, change.entityType(), change.entityId()));
    }

    /** A sequence a client sends back (Change.sequence); null for none. */
    private static Long sequence(String after) {
        if (after == null) {
            return null;
        }
        try {
            long sequence = Long.parseLong(after.trim());
            if (sequence >= 0) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidInputException("after", "after is a sequence this API gave out (Change.sequence): a whole number, 0 or more");
    }

    @QueryMapping
    List<AuditTrail.Change> history(@Argument String id, @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        List<AuditTrail.Change> changes = audit.history(id);
        String entityType = changes.isEmpty() ? (queries.issue(id).isPresent() ? "Issue" : null) : changes.getFirst().entityType();
        if (entityType != null && !issueAccess.inScope(scopes.of(viewer, null), entityType, id)) {
            // A problem, mine or action outside the viewer's jurisdiction has no history to show, as an unknown id has none.
            return List.of();
        }
        if (entityType != null && !issueAccess.mayReadChange(viewer, entityType, id)) {
            throw new ForbiddenException("The history of another unit's problem is not yours to read");
        }
        return changes;
    }

    /** An import job, for whoever may read it ({@link LedgerImport#mayRead}); null as for an unknown id otherwise. */
    @QueryMapping
    LedgerImportJob ledgerImportJob(@Argument String id, @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        access.requireSignedIn(viewer);
        return importer.job(id, viewer).orElse(null);
    }

    @QueryMapping
    List<Issue> overdueIssues(@Argument String unit, @Argument String personId, @Argument String jurisdiction,
                              @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        return queries.overdue(unit, personId, LocalDate.now(clock), ReadPolicy.readerUnit(viewer),
                scopes.of(viewer, jurisdiction));
    }

    @QueryMapping
    List<Issue> supervisedIssues(@Argument String jurisdiction, @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        return queries.supervised(scopes.of(viewer, jurisdiction));
    }

    @BatchMapping(typeName = "Issue")
    Map<Issue, Unit> supervisingUnit(List<Issue> issues) {
        return queries.supervisingUnitsOfIssues(issues);
    }

    @BatchMapping(typeName = "Issue")
    Map<Issue, List<IssueQueries.OutcomeRecord>> outcomeRecords(List<Issue> issues) {
        return queries.outcomeRecordsOfIssues(issues);
    }
}
