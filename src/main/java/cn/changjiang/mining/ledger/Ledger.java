package cn.changjiang.mining.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import cn.changjiang.mining.api.ConflictException;
import cn.changjiang.mining.api.ForbiddenException;
import cn.changjiang.mining.api.InvalidInputException;
import cn.changjiang.mining.api.NotFoundException;
import cn.changjiang.mining.api.Actor;
import cn.changjiang.mining.api.IdempotencyKeys;
import cn.changjiang.mining.ledger.LedgerInputs.AssignIssueInput;
import cn.changjiang.mining.security.Access;
import cn.changjiang.mining.security.Role;
import cn.changjiang.mining.ledger.LedgerInputs.RecordOutcomeInput;
import cn.changjiang.mining.ledger.LedgerInputs.ReportIssueInput;
import cn.changjiang.mining.ledger.LedgerInputs.TransitionIssueInput;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static cn.changjiang.mining.ledger.IssueWorkflow.ACCEPTANCE_REQUESTED;
import static cn.changjiang.mining.ledger.IssueWorkflow.CARRIED_OVER;
import static cn.changjiang.mining.ledger.IssueWorkflow.CLOSED;
import static cn.changjiang.mining.ledger.IssueWorkflow.PENDING_ASSIGNMENT;
import static cn.changjiang.mining.ledger.IssueWorkflow.RECTIFYING;
import static cn.changjiang.mining.ledger.IssueWorkflow.SHUT_DOWN;

/**
 * The problem ledger's changes. Each method is one transaction: it checks everything first, writes, and appends
 * its change record; any refusal rolls the whole of it back.
 */
@Service
public class Ledger {

    static final int MAX_TEXT = 10_000;

    private final LedgerWrites writes;
    private final AuditTrail audit;
    private final Access access;
    private final IdempotencyKeys keys;
    private final Clock clock;

    Ledger(LedgerWrites writes, AuditTrail audit, Access access, IdempotencyKeys keys, Clock clock) {
        this.writes = writes;
        this.audit = audit;
        this.access = access;
        this.keys = keys;
        this.clock = clock;
    }

    /** Reports a problem once per idempotency key: a repeated call with the key gets the problem it reported. */
    @Transactional
    public Issue report(ReportIssueInput input, Actor actor, String idempotencyKey) {
        access.require(actor.viewer(), Role.OFFICE, Role.UNIT_OFFICER);
        writes.mineExists(input.mineId())
                .orElseThrow(() -> new NotFoundException("input.mineId", "No mine with id " + input.mineId()));
        List<String> codes = input.violationTypeCodes().stream().map(String::strip).distinct().toList();
        if (codes.isEmpty()) {
            throw new InvalidInputException("input.violationTypeCodes", "Name at least one violation type");
        }
        List<String> unknown = new ArrayList<>(codes);
        unknown.removeAll(writes.knownViolationTypes(codes));
        if (!unknown.isEmpty()) {
            throw new NotFoundException("input.violationTypeCodes", "No violation type " + String.join(", ", unknown));
        }
        String description = text("input.description", input.description(), true);
        String title = input.title() == null || input.title().isBlank() ? abbreviate(description) : text("input.title", input.title(), true);
        if (input.evidence() != null) {
            input.evidence().forEach(e -> text("input.evidence", e, false));
        }
        if (input.foundOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("input.foundOn", "A problem cannot be found in the future: " + input.foundOn());
        }
        String severity = input.severity() == null ? "GENERAL" : input.severity();
        Optional<String> reported = keys.claim(actor, "reportIssue", idempotencyKey, input);
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

    @Transactional
    public Issue assign(AssignIssueInput input, Actor actor) {
        access.requireIssueWrite(actor.viewer(), input.issueId());
        Value current = lockAndCheck(input.issueId(), input.version());
        if (actor.viewer().is(Role.UNIT_OFFICER)) {
            requireOnlyOwnDetailsChanged(input, current);
        }
        if (!isOpen(current)) {
            throw new IllegalTransitionException("Problem " + input.issueId() + " is finished and cannot be reassigned");
        }
        List<String> references = new ArrayList<>();
        references.add(input.leadUnit());
        if (input.supportingUnits() != null) {
            references.addAll(input.supportingUnits());
        }
        if (input.supervisingUnit() != null) {
            references.add(input.supervisingUnit());
        }
        Map<String, String> units = writes.resolveUnits(references);
        List<String> unknown = references.stream().filter(r -> !units.containsKey(r)).toList();
        if (!unknown.isEmpty()) {
            throw new NotFoundException("input.leadUnit", "No unit named " + String.join(", ", unknown));
        }
        if (input.responsiblePersonId() != null) {
            writes.personExists(input.responsiblePersonId()).orElseThrow(() ->
                    new NotFoundException("input.responsiblePersonId", "No person with id " + input.responsiblePersonId()));
        }
        LocalDate foundOn = current.get("foundOn").asLocalDate();
        if (input.deadline() != null && input.deadline().isBefore(foundOn)) {
            throw new InvalidInputException("input.deadline", "The deadline " + input.deadline() + " is before the date found " + foundOn);
        }
        String lead = units.get(input.leadUnit());
        List<String> supporting = input.supportingUnits() == null ? List.of()
                : input.supportingUnits().stream().map(units::get).filter(id -> !id.equals(lead)).distinct().toList();
        String status = PENDING_ASSIGNMENT.equals(current.get("status").asString()) ? RECTIFYING : current.get("status").asString();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("measures", input.measures() == null ? current.get("measures").asString(null) : text("input.measures", input.measures(), false));
        fields.put("deadline", input.deadline() == null ? (current.get("deadline").isNull() ? null : current.get("deadline").asLocalDate()) : input.deadline());
        fields.put("supervised", input.supervised() == null ? current.get("supervised").asBoolean(false) : input.supervised());
        fields.put("supervisor", input.supervisor() == null ? current.get("supervisor").asString(null) : input.supervisor());
        fields.put("responsiblePerson", input.responsiblePersonId());
        fields.put("supervisingUnit", input.supervisingUnit() == null ? null : units.get(input.supervisingUnit()));
        fields.put("status", status);
        Issue issue = writes.assign(input.issueId(), lead, supporting, fields);
        Map<String, Object> after = new LinkedHashMap<>(fields);
        after.put("leadUnit", lead);
        after.put("supportingUnits", supporting);
        audit.append(actor, "assignIssue", "Issue", issue.id(), AuditTrail.diff(before(current), after));
        return issue;
    }

    @Transactional
    public Issue supervise(LedgerInputs.SuperviseIssueInput input, Actor actor) {
        access.require(actor.viewer(), Role.LEADER, Role.OFFICE);
        Value current = lockAndCheck(input.issueId(), input.version());
        if (!isOpen(current)) {
            throw new IllegalTransitionException("Problem " + input.issueId() + " is finished: nothing left to supervise");
        }
        String supervisor = text("input.supervisor", input.supervisor(), false);
        Issue issue = writes.supervise(input.issueId(), input.supervised(), supervisor);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("supervised", input.supervised());
        after.put("supervisor", supervisor);
        audit.append(actor, "superviseIssue", "Issue", issue.id(), AuditTrail.diff(before(current), after));
        return issue;
    }

    @Transactional
    public Issue transition(TransitionIssueInput input, Actor actor) {
        Value current = lockAndCheck(input.issueId(), input.version());
        String from = current.get("status").asString();
        String to = input.to();
        if (SHUT_DOWN.equals(to)) {
            access.require(actor.viewer(), Role.OFFICE);
        } else if (CLOSED.equals(to) || (ACCEPTANCE_REQUESTED.equals(from) && RECTIFYING.equals(to))) {
            // 销号 and 验收不通过 are the acceptor's decisions, never the rectifying unit's.
            access.requireAcceptance(actor.viewer(), input.issueId());
        } else {
            access.requireIssueWrite(actor.viewer(), input.issueId());
        }
        if (!IssueWorkflow.allows(from, to)) {
            throw new IllegalTransitionException("A problem cannot go from " + from + " to " + to
                    + "; from " + from + " it can go to " + IssueWorkflow.next(from));
        }
        if (RECTIFYING.equals(to) && PENDING_ASSIGNMENT.equals(from) && current.get("leadUnit").isNull()) {
            throw new IllegalTransitionException("Assign the problem to a lead unit before rectification starts");
        }
        LocalDate today = LocalDate.now(clock);
        if (CARRIED_OVER.equals(to) && (current.get("deadline").isNull() || !current.get("deadline").asLocalDate().isBefore(today))) {
            throw new IllegalTransitionException("Only an overdue problem is carried over (继续挂账)");
        }
        if (CLOSED.equals(to)) {
            requireAcceptance(input.acceptance(), current.get("foundOn").asLocalDate(), today);
        }
        boolean ends = CLOSED.equals(to) || SHUT_DOWN.equals(to);
        Issue issue = writes.transition(input.issueId(), to, ends ? today : null, CLOSED.equals(to) ? input.acceptance() : null,
                input.note() == null ? null : text("input.note", input.note(), false));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to);
        if (ends) {
            after.put("closedOn", today);
        }
        if (CLOSED.equals(to)) {
            after.put("acceptedBy", input.acceptance().acceptedBy());
            after.put("acceptedOn", input.acceptance().acceptedOn());
            after.put("acceptanceEvidence", input.acceptance().evidence());
        }
        if (input.note() != null) {
            after.put("note", input.note());
        }
        String action = ACCEPTANCE_REQUESTED.equals(from) && RECTIFYING.equals(to) ? "rejectAcceptance" : "transitionIssue";
        audit.append(actor, action, "Issue", issue.id(), AuditTrail.diff(before(current), after));
        return issue;
    }

    /** Records an outcome once per idempotency key: a repeated call with the key records nothing more. */
    @Transactional
    public Issue recordOutcome(RecordOutcomeInput input, Actor actor, String idempotencyKey) {
        if ("EXPOSURE".equals(input.outcome())) {
            access.requireIssueWrite(actor.viewer(), input.issueId(), Role.PUBLICITY);
        } else if ("CLOSURE".equals(input.outcome())) {
            access.require(actor.viewer(), Role.OFFICE);
        } else {
            access.requireIssueWrite(actor.viewer(), input.issueId());
        }
        Value current = lock(input.issueId());
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
        String from = current.get("status").asString();
        boolean closure = "CLOSURE".equals(input.outcome());
        if (closure && !isOpen(current)) {
            throw new IllegalTransitionException("Problem " + input.issueId() + " is already finished (" + from + ")");
        }
        String status = closure ? SHUT_DOWN : from;
        Issue issue = writes.recordOutcome(input, status, closure ? input.on() : null);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status);
        after.put("outcome." + input.outcome(), describe(input));
        audit.append(actor, "recordOutcome", "Issue", issue.id(), AuditTrail.diff(before(current), after));
        keys.complete(actor, idempotencyKey, issue.id());
        return issue;
    }

    /**
     * A unit officer may set measures, deadline and person on its unit's problem, but who rectifies, who
     * supervises and 挂牌督办 are for the office: otherwise a unit could make itself the acceptor of its own work.
     */
    private void requireOnlyOwnDetailsChanged(AssignIssueInput input, Value current) {
        Map<String, String> units = writes.resolveUnits(Stream.concat(Stream.of(input.leadUnit()),
                input.supportingUnits() == null ? Stream.empty() : input.supportingUnits().stream()).toList());
        boolean sameLead = current.get("leadUnit").asString("").equals(units.get(input.leadUnit()));
        List<String> supporting = input.supportingUnits() == null ? null
                : input.supportingUnits().stream().map(units::get).sorted().toList();
        List<String> currentSupporting = current.get("supportingUnits").asList(Value::asString).stream().sorted().toList();
        if (!sameLead || (supporting != null && !supporting.equals(currentSupporting)) || input.supervisingUnit() != null
                || input.supervised() != null || input.supervisor() != null) {
            throw new ForbiddenException("Only the working-group office changes which units rectify or supervise a problem, "
                    + "and 挂牌督办; a unit officer may set measures, deadline and the responsible person");
        }
    }

    private Value lockAndCheck(String issueId, Integer expectedVersion) {
        return checkVersion(lock(issueId), issueId, expectedVersion);
    }

    private Value lock(String issueId) {
        return writes.lockAndRead(issueId)
                .orElseThrow(() -> new NotFoundException("input.issueId", "No problem with id " + issueId));
    }

    private static Value checkVersion(Value current, String issueId, Integer expectedVersion) {
        int version = current.get("version").asInt();
        if (expectedVersion != null && expectedVersion != version) {
            throw new ConflictException("Problem " + issueId + " is at version " + version + ", not " + expectedVersion
                    + ": someone changed it meanwhile; read it again");
        }
        return current;
    }

    private static void requireAcceptance(LedgerInputs.AcceptanceInput acceptance, LocalDate foundOn, LocalDate today) {
        if (acceptance == null || acceptance.acceptedBy() == null || acceptance.acceptedBy().isBlank()
                || acceptance.evidence() == null || acceptance.evidence().stream().allMatch(String::isBlank)) {
            throw new AcceptanceRequiredException();
        }
        text("input.acceptance.acceptedBy", acceptance.acceptedBy(), true);
        acceptance.evidence().forEach(e -> text("input.acceptance.evidence", e, false));
        if (acceptance.acceptedOn().isBefore(foundOn) || acceptance.acceptedOn().isAfter(today)) {
            throw new InvalidInputException("input.acceptance.acceptedOn",
                    "Acceptance must be dated between the date found and today");
        }
    }

    private static boolean isOpen(Value issue) {
        return !Issue.FINISHED_STATUSES.contains(issue.get("status").asString());
    }

    private static Map<String, Object> before(Value current) {
        Map<String, Object> before = new LinkedHashMap<>();
        current.keys().forEach(key -> {
            Value value = current.get(key);
            before.put(key, value.isNull() ? null : value.asObject());
        });
        return before;
    }

    private static Map<String, Object> snapshot(Issue issue, Map<String, Object> relations) {
        Map<String, Object> fields = new LinkedHashMap<>(relations);
        fields.put("title", issue.title());
        fields.put("description", issue.description());
        fields.put("status", issue.status());
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

    private static String abbreviate(String description) {
        return description.length() <= 60 ? description : description.substring(0, 60) + "…";
    }
}
