package cn.changjiang.mining.ledger;

import cn.changjiang.mining.audit.AuditTrail;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.function.Consumer;

import cn.changjiang.mining.common.ConflictException;
import cn.changjiang.mining.common.ForbiddenException;
import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.common.IssueStatus;
import cn.changjiang.mining.common.NotFoundException;
import cn.changjiang.mining.common.Actor;
import cn.changjiang.mining.audit.IdempotencyKeys;
import cn.changjiang.mining.common.Patch;
import cn.changjiang.mining.ledger.LedgerInputs.AssignIssueInput;
import cn.changjiang.mining.security.Access;
import cn.changjiang.mining.common.Role;
import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.ledger.LedgerInputs.RecordOutcomeInput;
import cn.changjiang.mining.ledger.LedgerInputs.ReportIssueInput;
import cn.changjiang.mining.ledger.LedgerInputs.TransitionIssueInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The problem ledger's changes. Each method is one transaction: it checks everything first, writes, and appends
 * its change record; any refusal rolls the whole of it back.
 */
@Service
public class Ledger {

    static final int MAX_TEXT = 10_000;
    private static final Set<String> OFFICE_ONLY_ASSIGNMENT = Set.of("leadUnit", "supportingUnits", "supervisingUnit",
            "supervised", "supervisor");

    private final LedgerWrites writes;
    private final AuditTrail audit;
    private final Access access;
    private final IssueAccess issueAccess;
    private final IdempotencyKeys keys;
    private final Clock clock;

    Ledger(LedgerWrites writes, AuditTrail audit, Access access, IssueAccess issueAccess, IdempotencyKeys keys, Clock clock) {
        this.writes = writes;
        this.audit = audit;
        this.access = access;
        this.issueAccess = issueAccess;
        this.keys = keys;
        this.clock = clock;
    }

    /** Reports a problem once per idempotency key: a repeated call with the key gets the problem it reported. */
    @Transactional
    public Issue report(ReportIssueInput input, Actor actor, String idempotencyKey) {
        access.require(actor.viewer(), Role.OFFICE, Role.UNIT_OFFICER);
        List<String> codes = input.violationTypeCodes().stream().map(String::strip).distinct().toList();
        // What the checks below need of the graph, and the key's claim, read at once; they still answer in their order.
        IdempotencyKeys.Claiming claiming = keys.claiming(actor, "reportIssue", idempotencyKey, input);
        LedgerWrites.ReportFacts facts = writes.reportFacts(input.mineId(), codes, claiming);
        issueAccess.requireInScope(actor.viewer(), "Mine", input.mineId(), Optional.ofNullable(facts.district()));
        if (!facts.mineExists()) {
            throw new NotFoundException("input.mineId", "No mine with id " + input.mineId());
        }
        if (codes.isEmpty()) {
            throw new InvalidInputException("input.violationTypeCodes", "Name at least one violation type");
        }
        List<String> unknown = new ArrayList<>(codes);
        unknown.removeAll(facts.knownCodes());
        if (!unknown.isEmpty()) {
            throw new NotFoundException("input.violationTypeCodes", "No violation type " + String.join(", ", unknown));
        }
        String description = text("input.description", input.description(), true);
        // A title is read by every unit, a description only by the units on the problem: never derive one from the other.
        String title = input.title() == null || input.title().isBlank()
                ? facts.defaultTitle() : text("input.title", input.title(), true);
        if (input.evidence() != null) {
            input.evidence().forEach(e -> text("input.evidence", e, false));
        }
        if (input.foundOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("input.foundOn", "A problem cannot be found in the future: " + input.foundOn());
        }
        Severity severity = input.severity() == null ? Severity.GENERAL : input.severity();
        Optional<String> reported = claiming.answer(facts.claim());
        if (reported.isPresent()) {
            return writes.issue(reported.get()).orElseThrow();
        }
        Issue issue = writes.create(UUID.randomUUID().toString(),
                new ReportIssueInput(input.mineId(), codes, input.source(), input.foundOn(), description, title,
                        severity, input.evidence()), title, severity);
        audit.append(actor, "reportIssue", "Issue", issue.id(), AuditTrail.diff(Map.of(), snapshot(issue, Map.of(
                "mine", input.mineId(), "violationTypes", codes, "source", input.source()))));
        keys.complete(actor, idempotencyKey, issue.id());
        return issue;
    }

    /**
     * Changes exactly the assignment fields the input names. The checks run in the order that leaks nothing: who
     * the caller is and whether the role may assign at all, then (under the problem's lock) whether this caller may
     * change this problem, then existence and version, and last whether the caller may change each field that
     * actually changes.
     */
    @Transactional
    public Issue assign(AssignIssueInput input, Actor actor) {
        Viewer viewer = access.require(actor.viewer(), Role.OFFICE, Role.UNIT_OFFICER);
        Map<String, List<String>> named = namedUnits(input);
        // The units the input names are resolved with the lock, in the same round trip; refused in their turn below.
        LedgerWrites.Locked locked = writes.lockAndRead(input.issueId(),
                named.values().stream().flatMap(List::stream).distinct().toList());
        IssueState current = permitAndCheck(locked.state(), input.issueId(), input.version(),
                state -> issueAccess.requireIssueWrite(viewer, input.issueId(), state));
        if (!current.open()) {
            throw new IllegalTransitionException("Problem " + input.issueId() + " is finished and cannot be reassigned");
        }
        Map<String, String> units = requireNamedUnits(named, locked.units());
        if (input.leadUnit() != null && input.leadUnit().isEmpty()) {
            throw new InvalidInputException("input.leadUnit", "A problem keeps a lead unit: name another unit to reassign it");
        }
        if (input.supervised() != null && input.supervised().isEmpty()) {
            throw new InvalidInputException("input.supervised", "Say true or false, or leave supervised out to keep it");
        }
        Patch patch = Patch.of(current.assignment())
                .set("leadUnit", input.leadUnit(), units::get)
                .set("supportingUnits", input.supportingUnits(), list -> list.stream().map(units::get).distinct().sorted().toList())
                .set("supervisingUnit", input.supervisingUnit(), units::get)
                .set("responsiblePerson", input.responsiblePersonId())
                .set("measures", input.measures(), m -> text("input.measures", m, false))
                .set("deadline", input.deadline())
                .set("supervised", input.supervised())
                .set("supervisor", input.supervisor(), v -> text("input.supervisor", v, false));
        String lead = (String) patch.get("leadUnit");
        if (lead == null) {
            throw new InvalidInputException("input.leadUnit", "Problem " + input.issueId() + " has no lead unit yet: name one");
        }
        @SuppressWarnings("unchecked")
        List<String> supporting = ((List<String>) patch.get("supportingUnits")).stream().filter(id -> !id.equals(lead)).toList();
        patch.derive("supportingUnits", supporting);
        LocalDate foundOn = current.foundOn();
        if (patch.changed("deadline") && patch.get("deadline") instanceof LocalDate deadline && deadline.isBefore(foundOn)) {
            throw new InvalidInputException("input.deadline", "The deadline " + deadline + " is before the date found " + foundOn);
        }
        patch.derive("status", IssueWorkflow.afterAssignment(IssueStatus.valueOf((String) patch.get("status"))).name());
        if (viewer.is(Role.UNIT_OFFICER)) {
            requireOnlyOwnDetailsChanged(patch);
        }
        requireResponsiblePersonOfAssignedUnit(patch, lead, supporting);
        if (patch.changed().isEmpty()) {
            return writes.issue(input.issueId()).orElseThrow();
        }
        Issue issue = writes.assign(input.issueId(), AssignmentChange.of(patch));
        audit.append(actor, "assignIssue", "Issue", issue.id(), AuditTrail.diff(patch.changedBefore(), patch.changedAfter()));
        return issue;
    }

    @Transactional
    public Issue supervise(LedgerInputs.SuperviseIssueInput input, Actor actor) {
        access.require(actor.viewer(), Role.LEADER, Role.OFFICE);
        IssueState current = lockPermitAndCheck(input.issueId(), input.version(),
                state -> issueAccess.requireInScope(actor.viewer(), "Issue", input.issueId(), state.map(IssueState::district)));
        if (!current.open()) {
            throw new IllegalTransitionException("Problem " + input.issueId() + " is finished: nothing left to supervise");
        }
        Patch patch = Patch.of(current.assignment())
                .derive("supervised", input.supervised())
                .set("supervisor", input.supervisor(), v -> text("input.supervisor", v, false));
        if (patch.changed().isEmpty()) {
            return writes.issue(input.issueId()).orElseThrow();
        }
        Issue issue = writes.assign(input.issueId(), AssignmentChange.of(patch));
        audit.append(actor, "superviseIssue", "Issue", issue.id(), AuditTrail.diff(patch.changedBefore(), patch.changedAfter()));
        return issue;
    }

    @Transactional
    public Issue transition(TransitionIssueInput input, Actor actor) {
        IssueStatus to = input.to();
        Viewer viewer = IssueWorkflow.officeOnly(to) ? access.require(actor.viewer(), Role.OFFICE)
                : access.require(actor.viewer(), Role.OFFICE, Role.UNIT_OFFICER);
        Optional<IssueState> locked = writes.lockAndRead(input.issueId());
        IssueStatus status = locked.map(IssueState::status).orElse(null);
        issueAccess.requireInScope(viewer, "Issue", input.issueId(), locked.map(IssueState::district));
        if (IssueWorkflow.acceptorDecides(status, to)) {
            // 销号 and 验收不通过 are the acceptor's decisions, never the rectifying unit's.
            issueAccess.requireAcceptance(viewer, input.issueId(), locked);
        } else if (!IssueWorkflow.officeOnly(to)) {
            issueAccess.requireIssueWrite(viewer, input.issueId(), locked);
        }
        IssueState current = checkVersion(locked.orElseThrow(() -> notFound(input.issueId())), input.issueId(), input.version());
        IssueStatus from = current.status();
        LocalDate today = LocalDate.now(clock);
        IssueWorkflow.check(from, to, current.leadUnit() != null, current.deadline(), today);
        boolean accepted = IssueWorkflow.needsAcceptance(to);
        if (accepted) {
            IssueWorkflow.requireAcceptance(input.acceptance(), current.foundOn(), today);
        }
        boolean ends = IssueWorkflow.ends(to);
        Issue issue = writes.transition(input.issueId(), to, ends ? today : null, accepted ? input.acceptance() : null,
                input.note() == null ? null : text("input.note", input.note(), false));
        audit.append(actor, IssueWorkflow.action(from, to), "Issue", issue.id(),
                transitionChanges(current, to, today, input.acceptance(), input.note()));
        return issue;
    }

    /** Records an outcome once per idempotency key: a repeated call with the key records nothing more. */
    @Transactional
    public Issue recordOutcome(RecordOutcomeInput input, Actor actor, String idempotencyKey) {
        boolean exposure = input.outcome() == OutcomeCode.EXPOSURE;
        Viewer viewer = input.outcome() == OutcomeCode.CLOSURE ? access.require(actor.viewer(), Role.OFFICE)
                : exposure ? access.require(actor.viewer(), Role.OFFICE, Role.UNIT_OFFICER, Role.PUBLICITY)
                : access.require(actor.viewer(), Role.OFFICE, Role.UNIT_OFFICER);
        IssueState current = lockPermitAndCheck(input.issueId(), null, exposure
                ? state -> issueAccess.requireIssueWrite(viewer, input.issueId(), state, Role.PUBLICITY)
                : state -> issueAccess.requireIssueWrite(viewer, input.issueId(), state));
        // A repeat of a recorded outcome gets its answer before the checks its own first success made fail (version, state).
        if (keys.claim(actor, "recordOutcome", idempotencyKey, input).isPresent()) {
            return writes.issue(input.issueId()).orElseThrow();
        }
        checkVersion(current, input.issueId(), input.version());
        text("input.where", input.where(), false);
        text("input.decisionNumber", input.decisionNumber(), false);
        text("input.note", input.note(), false);
        if (input.amount() != null && (input.amount() < 0 || input.amount().isNaN() || input.amount().isInfinite())) {
            throw new InvalidInputException("input.amount", "A penalty must be a non-negative amount");
        }
        if (input.on().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("input.on", "An outcome cannot be dated in the future: " + input.on());
        }
        IssueStatus from = current.status();
        boolean closure = input.outcome() == OutcomeCode.CLOSURE;
        if (closure && from.finished()) {
            throw new IllegalTransitionException("Problem " + input.issueId() + " is already finished (" + from + ")");
        }
        IssueStatus status = closure ? IssueStatus.SHUT_DOWN : from;
        Issue issue = writes.recordOutcome(input, status, closure ? input.on() : null);
        audit.append(actor, "recordOutcome", "Issue", issue.id(), outcomeChanges(current, status, input));
        keys.complete(actor, idempotencyKey, issue.id());
        return issue;
    }

    /**
     * A unit officer may set measures, deadline and person on its unit's problem, but who rectifies, who
     * supervises and 挂牌督办 are for the office: otherwise a unit could make itself the acceptor of its own work.
     * Only fields that actually change count, so a form sent back with the same units is no offence.
     */
    private static void requireOnlyOwnDetailsChanged(Patch patch) {
        List<String> officeOnly = patch.changed().stream().filter(OFFICE_ONLY_ASSIGNMENT::contains).toList();
        if (!officeOnly.isEmpty()) {
            throw new ForbiddenException("Only the working-group office changes which units rectify or supervise a problem, "
                    + "and 挂牌督办 (asked to change: " + String.join(", ", officeOnly)
                    + "); a unit officer may set measures, deadline and the responsible person");
        }
    }

    /** The responsible person answers for the problem inside one of the units assigned to it. */
    private void requireResponsiblePersonOfAssignedUnit(Patch patch, String lead, List<String> supporting) {
        String person = (String) patch.get("responsiblePerson");
        if (person == null || !(patch.changed("responsiblePerson") || patch.changed("leadUnit") || patch.changed("supportingUnits"))) {
            return;
        }
        List<String> assigned = new ArrayList<>(supporting);
        assigned.add(lead);
        List<String> servesIn = writes.unitsOfPerson(person)
                .orElseThrow(() -> new NotFoundException("input.responsiblePersonId", "No person with id " + person));
        if (servesIn.stream().noneMatch(assigned::contains)) {
            throw new InvalidInputException("input.responsiblePersonId", "The responsible person must serve in a unit "
                    + "assigned to the problem (" + String.join(", ", assigned) + "); " + person + " serves in "
                    + (servesIn.isEmpty() ? "none" : String.join(", ", servesIn)));
        }
    }

    /** The units the input names, by argument. */
    private static Map<String, List<String>> namedUnits(AssignIssueInput input) {
        Map<String, List<String>> named = new LinkedHashMap<>();
        if (input.leadUnit() != null && input.leadUnit().isPresent()) {
            named.put("input.leadUnit", List.of(input.leadUnit().value()));
        }
        if (input.supportingUnits() != null && input.supportingUnits().isPresent()) {
            named.put("input.supportingUnits", input.supportingUnits().value());
        }
        if (input.supervisingUnit() != null && input.supervisingUnit().isPresent()) {
            named.put("input.supervisingUnit", List.of(input.supervisingUnit().value()));
        }
        return named;
    }

    /** Unit ids for the units the input names ({@code units}: as resolved); a name that matches no unit is refused at its own argument. */
    private static Map<String, String> requireNamedUnits(Map<String, List<String>> named, Map<String, String> units) {
        named.forEach((argument, references) -> {
            List<String> unknown = references.stream().filter(r -> !units.containsKey(r)).toList();
            if (!unknown.isEmpty()) {
                throw new NotFoundException(argument, "No unit named " + String.join(", ", unknown));
            }
        });
        return units;
    }

    /**
     * Locks the problem, then asks whether the caller may change it, and only then says whether it exists and is
     * at the expected version: a caller who may not touch a problem learns nothing of it, existing or not.
     */
    private IssueState lockPermitAndCheck(String issueId, Integer expectedVersion, Consumer<Optional<IssueState>> permission) {
        return permitAndCheck(writes.lockAndRead(issueId), issueId, expectedVersion, permission);
    }

    /** {@link #lockPermitAndCheck} on a problem locked and read already ({@code locked}; empty when it does not exist). */
    private static IssueState permitAndCheck(Optional<IssueState> locked, String issueId, Integer expectedVersion,
                                             Consumer<Optional<IssueState>> permission) {
        permission.accept(locked);
        return checkVersion(locked.orElseThrow(() -> notFound(issueId)), issueId, expectedVersion);
    }

    private static NotFoundException notFound(String issueId) {
        return new NotFoundException("input.issueId", "No problem with id " + issueId);
    }

    private static IssueState checkVersion(IssueState current, String issueId, Integer expectedVersion) {
        int version = current.version();
        if (expectedVersion != null && expectedVersion != version) {
            throw new ConflictException("Problem " + issueId + " is at version " + version + ", not " + expectedVersion
                    + ": someone changed it meanwhile; read it again");
        }
        return current;
    }

    /**
     * What a transition's change record says changed: the status, the day a finishing one closes the problem, who
     * accepted it and on what evidence for 销号, and the note; each against the problem as it was.
     */
    static List<AuditTrail.FieldChange> transitionChanges(IssueState current, IssueStatus to, LocalDate today,
                                                          LedgerInputs.AcceptanceInput acceptance, String note) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to.name());
        if (IssueWorkflow.ends(to)) {
            after.put("closedOn", today);
        }
        if (IssueWorkflow.needsAcceptance(to)) {
            after.put("acceptedBy", acceptance.acceptedBy());
            after.put("acceptedOn", acceptance.acceptedOn());
            after.put("acceptanceEvidence", acceptance.evidence());
        }
        if (note != null) {
            after.put("note", note);
        }
        return AuditTrail.diff(current.workflow(), after);
    }

    /** What an outcome's change record says changed: the status it leaves the problem in, and the outcome itself. */
    static List<AuditTrail.FieldChange> outcomeChanges(IssueState current, IssueStatus status, RecordOutcomeInput input) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status.name());
        after.put("outcome." + input.outcome().name(), describe(input));
        return AuditTrail.diff(current.workflow(), after);
    }

    private static Map<String, Object> snapshot(Issue issue, Map<String, Object> relations) {
        Map<String, Object> fields = new LinkedHashMap<>(relations);
        fields.put("title", issue.title());
        fields.put("description", issue.description());
        fields.put("status", issue.status().name());
        fields.put("severity", issue.severity());
        fields.put("foundOn", issue.foundOn());
        fields.put("evidence", issue.evidence());
        return fields;
    }

    private static String describe(RecordOutcomeInput input) {
        List<String> parts = new ArrayList<>();
        parts.add(input.on().toString());
        if (input.where() != null) {
            parts.add(input.where());
        }
        if (input.amount() != null) {
            parts.add(input.amount() + " 元");
        }
        if (input.decisionNumber() != null) {
            parts.add(input.decisionNumber());
        }
        return String.join(" / ", parts);
    }

    static String text(String argument, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(argument, argument + " must not be blank");
            }
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidInputException(argument, argument + " is longer than " + MAX_TEXT + " characters");
        }
        return value.strip();
    }
}
