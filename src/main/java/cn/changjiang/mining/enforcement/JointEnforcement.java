package cn.changjiang.mining.enforcement;

import cn.changjiang.mining.graph.Where;
import java.time.Clock;

import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.plan.JurisdictionTree;
import cn.changjiang.mining.plan.Scope;
import cn.changjiang.mining.plan.Scopes;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.changjiang.mining.common.Actor;
import cn.changjiang.mining.common.ConflictException;
import cn.changjiang.mining.common.Connection;
import cn.changjiang.mining.audit.IdempotencyKeys;
import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.common.NotFoundException;
import cn.changjiang.mining.common.Patch;
import cn.changjiang.mining.enforcement.JointEnforcementCandidate.DepartmentShare;
import cn.changjiang.mining.audit.AuditTrail;
import cn.changjiang.mining.ledger.Issue;
import cn.changjiang.mining.mine.Mine;
import cn.changjiang.mining.plan.Unit;
import cn.changjiang.mining.security.Access;
import cn.changjiang.mining.common.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds the mines that need 联合执法 and keeps the actions organised for them, each change in one transaction. */
@Service
class JointEnforcement {

    private final EnforcementQueries queries;
    private final AuditTrail audit;
    private final Access access;
    private final IdempotencyKeys keys;
    private final Clock clock;

    private final Scopes scopes;

    JointEnforcement(EnforcementQueries queries, AuditTrail audit, Access access, IdempotencyKeys keys, Clock clock,
                     Scopes scopes) {
        this.scopes = scopes;
        this.queries = queries;
        this.audit = audit;
        this.access = access;
        this.keys = keys;
        this.clock = clock;
    }

    Connection<JointEnforcementCandidate> candidates(int minDepartments, String township, String mineral, int first,
                                                     String after, Scope scope) {
        if (minDepartments < 1) {
            throw new InvalidInputException("minDepartments", "minDepartments must be at least 1, got " + minDepartments);
        }
        int offset = after == null ? 0 : Connection.offsetAfter("candidate", after);
        CandidatePage page = queries.findMinesNeedingJointEnforcement(minDepartments, township, mineral, null, scope,
                LocalDate.now(clock), offset, first + 1);
        return Connection.ofOffsets("candidate", candidates(page), first, offset, page.total());
    }

    /** The mine's entry when its open problems need at least {@code minDepartments} departments and it is in the scope. */
    Optional<JointEnforcementCandidate> candidateAt(String mineId, int minDepartments, Scope scope) {
        CandidatePage page = queries.findMinesNeedingJointEnforcement(minDepartments, null, null, mineId, scope,
                LocalDate.now(clock), 0, 1);
        return candidates(page).stream().findFirst();
    }

    static List<JointEnforcementCandidate> candidates(CandidatePage page) {
        return page.rows().stream().map(row -> candidate(row, page.mustJoin())).toList();
    }

    /**
     * A ranked mine as a candidate: its departments ordered by how many of its open problems each must act on (ties:
     * the campaign's lead unit first, then the document's order, then the unit's id), the first of them suggested as lead with the reason,
     * and, for a criminal matter, the units that must join.
     */
    static JointEnforcementCandidate candidate(CandidatePage.Row row, List<Unit> mustJoin) {
        List<DepartmentShare> departments = row.departments().stream()
                .map(d -> new DepartmentShare(d.unit(),
                        d.issues().stream().sorted(Comparator.comparing(Issue::id)).toList()))
                .sorted(Comparator.comparingInt((DepartmentShare d) -> -d.issues().size())
                        .thenComparing(d -> !d.unit().campaignLead())
                        .thenComparingInt(d -> d.unit().order())
                        .thenComparing(d -> d.unit().id()))
                .toList();
        int open = row.open();
        DepartmentShare lead = departments.getFirst();
        long tied = departments.stream().filter(d -> d.issues().size() == lead.issues().size()).count();
        String reason = tied == 1
                ? "覆盖 %d 个未结问题中的 %d 个,最多 / covers %d of %d open problems, the most"
                        .formatted(open, lead.issues().size(), lead.issues().size(), open)
                : lead.unit().campaignLead()
                        ? "与其他部门并列覆盖最多问题(%d 个),由专项行动牵头单位牵头 / tied at %d problems; the campaign's lead unit leads"
                                .formatted(lead.issues().size(), lead.issues().size())
                        : "与其他部门并列覆盖最多问题(%d 个),按单位顺序 / tied at %d problems; first in the document's order"
                                .formatted(lead.issues().size(), lead.issues().size());
        boolean criminal = row.criminal();
        return new JointEnforcementCandidate(row.mine(), departments.size(), departments, open, row.overdue(),
                row.serious(), lead.unit(), reason, criminal, criminal ? mustJoin : List.of(), row.openAction());
    }

    Optional<JointEnforcementAction> action(String id, Scope scope) {
        return queries.action(id, scope);
    }

    List<JointEnforcementAction> actions(JointEnforcementStatus status, Where.Compiled where, Scope scope) {
        return queries.actions(status, where, scope, LocalDate.now(clock));
    }

    /** Opens an action once per idempotency key: a repeated call with the key gets the action it opened. */
    @Transactional
    public JointEnforcementAction open(JointEnforcementAction.OpenInput input, Actor actor, String idempotencyKey) {
        access.require(actor.viewer(), Role.OFFICE);
        requireInScope(actor.viewer(), queries.districtOf(input.mineId(), null),
                () -> new NotFoundException("input.mineId", "No mine with id " + input.mineId()));
        if (input.issueIds().isEmpty()) {
            throw new InvalidInputException("input.issueIds", "An action must cover at least one problem of the mine");
        }
        Set<String> units = new HashSet<>(input.participatingUnitIds());
        units.add(input.leadUnitId());
        // A problem outside the viewer's jurisdiction is not found, as an unknown id is: the answer tells nothing of it.
        OpeningFacts facts = queries.lockMineAndReadForOpening(input.mineId(), input.issueIds(), List.copyOf(units),
                scopes.of(actor.viewer(), null).districts())
                .orElseThrow(() -> new NotFoundException("input.mineId", "No mine with id " + input.mineId()));
        Optional<String> opened = keys.claim(actor, "openJointEnforcementAction", idempotencyKey, input);
        if (opened.isPresent()) {
            return queries.action(opened.get()).orElseThrow();
        }
        List<String> unknownUnits = facts.unknownUnits(units);
        if (!unknownUnits.isEmpty()) {
            throw new NotFoundException("input.participatingUnitIds", "No unit with id " + String.join(", ", unknownUnits));
        }
        List<String> missing = facts.missingIssues(input.issueIds());
        if (!missing.isEmpty()) {
            throw new NotFoundException("input.issueIds", "No problem with id " + String.join(", ", missing));
        }
        Optional<OpeningFacts.IssueFacts> notOpenHere = facts.firstNotOpenAtMine();
        if (notOpenHere.isPresent()) {
            throw new InvalidInputException("input.issueIds",
                    "Problem " + notOpenHere.get().id() + " is not an open problem of mine " + input.mineId());
        }
        List<String> notResponsible = facts.notResponsible(units);
        if (!notResponsible.isEmpty()) {
            throw new InvalidInputException("input.participatingUnitIds",
                    "Not responsible for any of the problems: " + String.join(", ", notResponsible));
        }
        if (facts.openAction() != null) {
            throw new ConflictException("Mine " + input.mineId() + " already has an open joint enforcement action: "
                    + facts.openAction());
        }
        List<String> participants = input.participatingUnitIds().stream()
                .filter(u -> !u.equals(input.leadUnitId())).distinct().toList();
        JointEnforcementAction action = queries.create(UUID.randomUUID().toString(), new JointEnforcementAction.OpenInput(
                input.mineId(), input.leadUnitId(), participants, input.issueIds().stream().distinct().toList(),
                input.plannedOn()));
        audit.append(actor, "openJointEnforcementAction", "JointEnforcementAction", action.id(), AuditTrail.diff(Map.of(),
                Map.of("status", action.status(), "mine", input.mineId(), "leadUnit", input.leadUnitId(),
                        "participatingUnits", participants, "issues", input.issueIds(), "plannedOn", input.plannedOn())));
        keys.complete(actor, idempotencyKey, action.id());
        return action;
    }

    @Transactional
    public JointEnforcementAction recordResult(JointEnforcementAction.ResultInput input, Actor actor) {
        access.require(actor.viewer(), Role.OFFICE);
        requireInScope(actor.viewer(), queries.districtOf(null, input.actionId()),
                () -> new NotFoundException("input.actionId", "No joint enforcement action with id " + input.actionId()));
        JointEnforcementAction before = requireNotClosed(input.actionId());
        if (input.inspectedOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("input.inspectedOn", "An inspection cannot be dated in the future");
        }
        if (input.findings() == null || input.findings().isBlank() || input.findings().length() > 10_000) {
            throw new InvalidInputException("input.findings", "Findings must be given, in at most 10,000 characters");
        }
        Patch patch = Patch.of(fields(before))
                .derive("status", JointEnforcementStatus.RESULT_RECORDED)
                .derive("inspectedOn", input.inspectedOn())
                .derive("findings", input.findings())
                .set("penaltyAmount", input.penaltyAmount(), amount -> {
                    if (amount < 0 || !Double.isFinite(amount)) {
                        throw new InvalidInputException("input.penaltyAmount", "A penalty cannot be negative");
                    }
                    return amount;
                })
                .set("penaltyDecisions", input.penaltyDecisions(), decisions -> {
                    if (decisions.stream().anyMatch(d -> d == null || d.length() > 200)) {
                        throw new InvalidInputException("input.penaltyDecisions", "A decision number has at most 200 characters");
                    }
                    return decisions;
                })
                .set("casesTransferred", input.casesTransferred(), cases -> {
                    if (cases < 0) {
                        throw new InvalidInputException("input.casesTransferred", "Cases transferred cannot be negative");
                    }
                    return cases;
                })
                .set("mineClosed", input.mineClosed());
        JointEnforcementAction after = queries.recordResult(input.actionId(), patch.after());
        audit.append(actor, "recordJointEnforcementResult", "JointEnforcementAction", after.id(),
                AuditTrail.diff(patch.changedBefore(), patch.changedAfter()));
        return after;
    }

    @Transactional
    public JointEnforcementAction close(JointEnforcementAction.CloseInput input, Actor actor) {
        access.require(actor.viewer(), Role.OFFICE);
        requireInScope(actor.viewer(), queries.districtOf(null, input.actionId()),
                () -> new NotFoundException("input.actionId", "No joint enforcement action with id " + input.actionId()));
        JointEnforcementAction before = requireNotClosed(input.actionId());
        Patch patch = Patch.of(fields(before))
                .derive("status", JointEnforcementStatus.CLOSED)
                .set("summary", input.summary(), summary -> {
                    if (summary.length() > 10_000) {
                        throw new InvalidInputException("input.summary", "A summary has at most 10,000 characters");
                    }
                    return summary;
                });
        JointEnforcementAction after = queries.close(input.actionId(), (String) patch.get("summary"));
        audit.append(actor, "closeJointEnforcementAction", "JointEnforcementAction", after.id(),
                AuditTrail.diff(patch.changedBefore(), patch.changedAfter()));
        return after;
    }

    /**
     * A write at a mine outside the jurisdiction the role is for is answered as an unknown id is (the same NOT_FOUND),
     * so it cannot tell that the mine or action exists; an unknown id passes, to be NOT_FOUND after this check.
     */
    private void requireInScope(Viewer viewer, Optional<String> district, java.util.function.Supplier<NotFoundException> asUnknown) {
        JurisdictionTree tree = scopes.tree();
        String own = tree.jurisdictionOf(viewer);
        if (district.isPresent() && !tree.within(district.get(), own)) {
            throw asUnknown.get();
        }
    }

    private JointEnforcementAction requireNotClosed(String actionId) {
        JointEnforcementAction action = queries.lockAction(actionId)
                .orElseThrow(() -> new NotFoundException("input.actionId", "No joint enforcement action with id " + actionId));
        if (action.status() == JointEnforcementStatus.CLOSED) {
            throw new ConflictException("Joint enforcement action " + actionId + " is already closed");
        }
        return action;
    }

    private static Map<String, Object> fields(JointEnforcementAction action) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("status", action.status());
        fields.put("inspectedOn", action.inspectedOn());
        fields.put("findings", action.findings());
        fields.put("penaltyAmount", action.penaltyAmount());
        fields.put("penaltyDecisions", action.penaltyDecisions());
        fields.put("casesTransferred", action.casesTransferred());
        fields.put("mineClosed", action.mineClosed());
        fields.put("summary", action.summary());
        return fields;
    }
}
