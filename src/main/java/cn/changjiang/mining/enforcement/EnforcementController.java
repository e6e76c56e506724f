package cn.changjiang.mining.enforcement;

import cn.changjiang.mining.graph.Where;
import cn.changjiang.mining.security.ReadPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.Actor;
import cn.changjiang.mining.common.Connection;
import cn.changjiang.mining.audit.IdempotencyKeys;
import cn.changjiang.mining.graph.WriteRetries;
import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.web.RequestContext;
import cn.changjiang.mining.ledger.Issue;
import cn.changjiang.mining.mine.Mine;
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
import cn.changjiang.mining.plan.Scope;
import cn.changjiang.mining.plan.Scopes;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

@Controller
class EnforcementController {

    private final JointEnforcement enforcement;
    private final EnforcementQueries queries;
    private final CandidateWatch watch;
    private final Access access;
    private final WriteRetries retries;
    private final Scopes scopes;

    private final CrossBorder crossBorder;
    private final ReadPolicy readPolicy;

    EnforcementController(JointEnforcement enforcement, EnforcementQueries queries, CandidateWatch watch, Access access,
                          WriteRetries retries, Scopes scopes, CrossBorder crossBorder, ReadPolicy readPolicy) {
        this.readPolicy = readPolicy;
        this.scopes = scopes;
        this.crossBorder = crossBorder;
        this.enforcement = enforcement;
        this.queries = queries;
        this.watch = watch;
        this.access = access;
        this.retries = retries;
    }

    @SubscriptionMapping
    Flux<JointEnforcementCandidate> jointEnforcementCandidateAppeared(@Argument Integer minDepartments,
                                                                      @Argument String jurisdiction,
                                                                      @ContextValue(RequestContext.VIEWER) Viewer viewer,
                                                                      @ContextValue(name = RequestContext.SIGNED_IN_UNTIL, required = false)
                                                                      Instant signedInUntil) {
        access.requireSignedIn(viewer);
        int min = minDepartments == null ? 2 : minDepartments;
        if (min < 1) {
            throw new InvalidInputException("minDepartments", "minDepartments must be at least 1, got " + min);
        }
        Scope scope = scopes.of(viewer, jurisdiction);
        return RequestContext.untilTokenExpires(watch.spanChanges(), signedInUntil)
                .filter(change -> change.reached(min))
                .publishOn(Schedulers.boundedElastic())
                .concatMapIterable(change -> enforcement.candidateAt(change.mineId(), min, scope).stream().toList());
    }

    @QueryMapping
    Connection<JointEnforcementCandidate> jointEnforcementCandidates(@Argument Integer minDepartments,
                                                                     @Argument String township, @Argument String mineral,
                                                                     @Argument Integer first, @Argument String after,
                                                                     @Argument String jurisdiction,
                                                                     @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        return enforcement.candidates(minDepartments == null ? 2 : minDepartments, township, mineral,
                Connection.pageSize(first), after, scopes.of(viewer, jurisdiction));
    }

    /** An action at a mine outside the viewer's jurisdiction answers as an unknown id does: null. */
    @QueryMapping
    JointEnforcementAction jointEnforcementAction(@Argument String id, @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        return enforcement.action(id, scopes.of(viewer, null)).orElse(null);
    }

    @QueryMapping
    List<CrossBorderCandidate> crossBorderCandidates(@Argument String jurisdiction, @Argument Double withinKm,
                                                     @Argument Integer first,
                                                     @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        return crossBorder.candidates(viewer, jurisdiction, withinKm == null ? 5 : withinKm, first == null ? 20 : first);
    }

    @QueryMapping
    List<JointEnforcementAction> jointEnforcementActions(@Argument JointEnforcementStatus status,
                                                         @Argument Map<String, Object> where, @Argument String jurisdiction,
                                                         @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        Where.Compiled compiled = Where.compile(ActionWhere.ACTION, where, "a", readPolicy.whereGuard(viewer));
        return enforcement.actions(status, compiled, scopes.of(viewer, jurisdiction));
    }

    @MutationMapping
    JointEnforcementAction.Payload openJointEnforcementAction(@Argument JointEnforcementAction.OpenInput input,
                                                                  @Argument String idempotencyKey,
                                                                  @ContextValue(RequestContext.ACTOR) Actor actor) {
        String key = IdempotencyKeys.orInternal(idempotencyKey, actor.requestId());
        return new JointEnforcementAction.Payload(
                retries.runKeyed("openJointEnforcementAction", () -> enforcement.open(input, actor, key)));
    }

    @MutationMapping
    JointEnforcementAction.Payload recordJointEnforcementResult(@Argument JointEnforcementAction.ResultInput input,
                                                                    @ContextValue(RequestContext.ACTOR) Actor actor) {
        return new JointEnforcementAction.Payload(
                retries.run("recordJointEnforcementResult", () -> enforcement.recordResult(input, actor)));
    }

    @MutationMapping
    JointEnforcementAction.Payload closeJointEnforcementAction(@Argument JointEnforcementAction.CloseInput input,
                                                                   @ContextValue(RequestContext.ACTOR) Actor actor) {
        return new JointEnforcementAction.Payload(
                retries.run("closeJointEnforcementAction", () -> enforcement.close(input, actor)));
    }

    @BatchMapping(typeName = "JointEnforcementAction")
    Map<JointEnforcementAction, Mine> mine(List<JointEnforcementAction> actions) {
        return queries.minesOfActions(actions);
    }

    @BatchMapping(typeName = "JointEnforcementAction")
    Map<JointEnforcementAction, Unit> leadUnit(List<JointEnforcementAction> actions) {
        return queries.leadUnitsOfActions(actions);
    }

    @BatchMapping(typeName = "JointEnforcementAction")
    Map<JointEnforcementAction, List<Unit>> participatingUnits(List<JointEnforcementAction> actions) {
        return queries.participantsOfActions(actions);
    }

    @BatchMapping(typeName = "JointEnforcementAction")
    Map<JointEnforcementAction, List<Issue>> issues(List<JointEnforcementAction> actions) {
        return queries.issuesOfActions(actions);
    }
}
