package cn.changjiang.mining.ledger;

import cn.changjiang.mining.audit.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.changjiang.mining.common.Actor;
import cn.changjiang.mining.common.ApiException;
import cn.changjiang.mining.common.ConflictException;
import cn.changjiang.mining.common.ErrorCodes;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.plan.Scopes;
import cn.changjiang.mining.ledger.LedgerImportException.Code;
import cn.changjiang.mining.ledger.LedgerImportException.Fault;
import cn.changjiang.mining.ledger.LedgerInputs.AssignIssueInput;
import cn.changjiang.mining.common.IssueStatus;
import cn.changjiang.mining.ledger.LedgerInputs.TransitionIssueInput;
import cn.changjiang.mining.ledger.LedgerImportException.RowError;
import cn.changjiang.mining.ledger.LedgerSheet.Column;
import cn.changjiang.mining.ledger.LedgerSheet.Kind;
import cn.changjiang.mining.ledger.LedgerSheet.SheetRow;
import cn.changjiang.mining.security.Access;
import cn.changjiang.mining.common.Role;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Imports a ledger from a spreadsheet: every row is checked first and a file with any bad row is refused whole,
 * naming each bad row; then each row is NEW, UNCHANGED, CHANGED or REFUSED against the ledger, changes are applied
 * through {@link Ledger}'s own rules, and new rows are written in batches, all inside one transaction. A row's
 * problem id comes from its 台账编号, or else from its content, so importing the same file twice adds nothing.
 */
@Service
class LedgerImport {

    private static final Logger log = LoggerFactory.getLogger(LedgerImport.class);
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[、,,;;/\\s]+");
    static final int BATCH_SIZE = 1_000;
    private static final int MAX_REPORTED_ERRORS = 1_000;

    private static final Map<String, String> SOURCES = Map.of("排查", "SCREENING", "扫黑除恶", "ANTI_GANG",
            "媒体披露", "MEDIA", "媒体", "MEDIA", "群众举报", "PUBLIC_REPORT", "举报", "PUBLIC_REPORT");
    private static final Map<String, String> SEVERITIES = Map.of("一般", "GENERAL", "较重", "SERIOUS", "严重", "MAJOR",
            "重大", "MAJOR");
    private static final Map<String, String> STATUSES = Map.of("待交办", "PENDING_ASSIGNMENT", "整改中", "RECTIFYING",
            "申请验收", "ACCEPTANCE_REQUESTED", "继续挂账", "CARRIED_OVER", "已销号", "CLOSED", "销号", "CLOSED",
            "依法关闭", "SHUT_DOWN", "已关闭", "SHUT_DOWN");

    /** A status as a code, from its code or its Chinese label; null for null; refused when unknown. */
    static String statusCode(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        String code = STATUSES.containsKey(status) ? STATUSES.get(status) : STATUSES.containsValue(status) ? status : null;
        if (code == null) {
            throw new cn.changjiang.mining.common.InvalidInputException("status", "Unknown status " + status
                    + "; use one of " + STATUSES.keySet() + " or their codes");
        }
        return code;
    }

    /**
     * What became of one row: a NEW problem, a problem UNCHANGED by it, CHANGED (the field differences, by column
     * header, from the ledger's value to the file's), or REFUSED (with the code, column and reason of the rule or
     * the conflict that refused it, and the differences it asked for).
     */
    record RowOutcome(int row, String ledgerNumber, String issueId, LedgerRowDiff.Outcome outcome,
                      List<AuditTrail.FieldChange> changes, String code, String column, String reason) {
    }

    /**
     * The outcome of an import, row by row, with the counts: {@code newRows} found new, {@code imported} of them
     * written, {@code changed}, {@code alreadyPresent} (unchanged) and {@code refused}. A dry run classifies every row
     * exactly as the import would, applying the changes through the same rules, and then rolls back.
     */
    record ImportReport(int rows, int newRows, int imported, int changed, int alreadyPresent, int refused, int batches,
                        boolean dryRun, List<RowOutcome> outcomes) {
    }

    private final CypherRunner graph;
    private final AuditTrail audit;
    private final Access access;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Ledger ledger;
    private final Scopes scopes;

    LedgerImport(CypherRunner graph, AuditTrail audit, Access access, Clock clock, ApplicationEventPublisher events,
                 Ledger ledger, Scopes scopes) {
        this.scopes = scopes;
        this.graph = graph;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
        this.events = events;
        this.ledger = ledger;
    }

    /**
     * All or nothing, in one transaction that the ledger's own methods join: every row is checked first (a bad value
     * refuses the file, 422, before anything is looked up); each row naming a problem already in the ledger is then
     * compared with it, and its changes applied through {@link Ledger#assign} and {@link Ledger#transition}, so the
     * same permission, workflow, version and change-record rules run as for the GraphQL mutations. If any row is
     * refused, the whole transaction rolls back and the answer lists every row. New rows are written in batches.
     */
    @Transactional
    public ImportReport importRows(List<SheetRow> rows, Actor actor, boolean dryRun) {
        access.require(actor.viewer(), Role.OFFICE);
        if (rows.isEmpty()) {
            throw new LedgerImportException("The file has no data rows", List.of());
        }
        References refs = references(rows, scopes.of(actor.viewer(), null).districts());
        List<Map<String, Object>> checked = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        Map<Object, Integer> firstRowOfId = new HashMap<>();
        for (SheetRow row : rows) {
            int before = errors.size();
            Map<String, Object> parsed = check(row, refs, today, errors);
            Integer earlier = firstRowOfId.putIfAbsent(parsed.get("id"), row.number());
            if (earlier != null) {
                errors.add(new RowError(row.number(), Column.LEDGER_NUMBER.header, Fault.DUPLICATE_ROW,
                        "与第 " + earlier + " 行重复 / the same problem as row " + earlier));
            }
            if (errors.size() == before) {
                checked.add(parsed);
            }
        }
        if (!errors.isEmpty()) {
            throw new LedgerImportException(errors.size() + " bad row(s); nothing was imported",
                    errors.subList(0, Math.min(errors.size(), MAX_REPORTED_ERRORS)));
        }
        Map<String, StoredIssue> existing = existing(checked);
        List<RowOutcome> outcomes = new ArrayList<>();
        List<Map<String, Object>> created = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = checked.get(i);
            StoredIssue current = existing.get((String) row.get("id"));
            if (current == null && row.get("ledgerNumber") != null) {
                current = existing.get((String) row.get("ledgerNumber"));
            }
            if (current == null) {
                created.add(row);
                outcomes.add(new RowOutcome(rows.get(i).number(), (String) row.get("ledgerNumber"), (String) row.get("id"),
                        LedgerRowDiff.Outcome.NEW, List.of(), null, null, null));
            } else {
                outcomes.add(reimport(rows.get(i), row, current, actor, today));
            }
        }
        List<RowOutcome> refused = outcomes.stream().filter(o -> o.outcome() == LedgerRowDiff.Outcome.REFUSED).toList();
        if (dryRun || !refused.isEmpty()) {
            // Changes applied to classify rows are undone; with nothing refused and no dry run they stay.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        if (!refused.isEmpty() && !dryRun) {
            throw new LedgerImportException(Code.IMPORT_REJECTED, refused.size() + " row(s) refused; nothing was imported",
                    refused.stream().map(o -> new RowError(o.row(), o.column(), o.code(), o.reason())).toList(),
                    report(rows.size(), outcomes, 0, 0, false));
        }
        if (dryRun) {
            return report(rows.size(), outcomes, 0, 0, true);
        }
        String importId = UUID.randomUUID().toString();
        int imported = 0;
        int batches = 0;
        for (int from = 0; from < created.size(); from += BATCH_SIZE) {
            List<Map<String, Object>> batch = created.subList(from, Math.min(from + BATCH_SIZE, created.size()));
            List<String> written = writeBatch(batch, importId);
            events.publishEvent(IssuesWritten.created(written));
            Map<String, Map<String, Object>> byId = new HashMap<>();
            batch.forEach(row -> byId.put((String) row.get("id"), row));
            audit.appendAll(actor, "importLedger", "Issue", written.stream()
                    .map(id -> Map.entry(id, AuditTrail.diff(Map.of(), withoutId(byId.get(id))))).toList());
            imported += written.size();
            batches++;
            log.info("Ledger import {}: batch {} written, {} of {} new rows done", importId, batches,
                    Math.min(from + BATCH_SIZE, created.size()), created.size());
        }
        return report(rows.size(), outcomes, imported, batches, false);
    }

    private static ImportReport report(int rows, List<RowOutcome> outcomes, int imported, int batches, boolean dryRun) {
        Map<LedgerRowDiff.Outcome, Integer> counts = new EnumMap<>(LedgerRowDiff.Outcome.class);
        outcomes.forEach(o -> counts.merge(o.outcome(), 1, Integer::sum));
        return new ImportReport(rows, counts.getOrDefault(LedgerRowDiff.Outcome.NEW, 0), imported,
                counts.getOrDefault(LedgerRowDiff.Outcome.CHANGED, 0), counts.getOrDefault(LedgerRowDiff.Outcome.UNCHANGED, 0),
                counts.getOrDefault(LedgerRowDiff.Outcome.REFUSED, 0), batches, dryRun, outcomes);
    }

    /**
     * A row naming a problem already in the ledger: compared with it, and its changes applied through the ledger's
     * own methods (assignment first, as it may start rectification, then the status), with the row's version checked
     * by the first of them under the problem's lock. A refusal by any rule refuses the row.
     */
    private RowOutcome reimport(SheetRow sheetRow, Map<String, Object> row, StoredIssue current, Actor actor, LocalDate today) {
        String id = current.id();
        Integer version = (Integer) row.get("version");
        LedgerRowDiff.Diff diff = LedgerRowDiff.diff(given(sheetRow, row), current.columns(), version,
                current.version(), today);
        RowOutcome outcome = new RowOutcome(sheetRow.number(), (String) row.get("ledgerNumber"), id, diff.outcome(),
                diff.changes(), null, null, null);
        if (diff.outcome() == LedgerRowDiff.Outcome.UNCHANGED) {
            return outcome;
        }
        if (diff.stale()) {
            return refused(outcome, ErrorCodes.CONFLICT, Column.VERSION, "第 " + sheetRow.number() + " 行导出后台账已变动 / problem "
                    + id + " is at version " + current.version() + ", the file's row at " + version
                    + ": someone changed it since the file was exported; export it again");
        }
        if (diff.fixed() != null) {
            return refused(outcome, "NOT_CHANGEABLE", diff.fixed(), diff.fixed().header
                    + "登记后不能修改 / no change to a problem alters " + diff.fixed().header + " once reported; report a new problem instead");
        }
        Column applying = null;
        try {
            if (LedgerRowDiff.ASSIGNED.stream().anyMatch(diff::changes)) {
                Issue assigned = ledger.assign(assignment(id, row, diff, version), actor);
                version = null;
                if (assigned.status().name().equals(row.get("status")) || sheetRow.get(Column.STATUS) == null) {
                    return outcome;
                }
            }
            if (diff.changes(Column.STATUS)) {
                applying = Column.STATUS;
                ledger.transition(new TransitionIssueInput(id, IssueStatus.valueOf((String) row.get("status")), version, null, null), actor);
            }
            return outcome;
        } catch (ApiException e) {
            Column column = e.argument() == null ? applying : ARGUMENT_COLUMNS.getOrDefault(e.argument(), applying);
            return refused(outcome, e.code(), e instanceof ConflictException && e.argument() == null ? Column.VERSION : column,
                    e.getMessage());
        }
    }

    /** Where a ledger method's refusal points, as the file's column. */
    private static final Map<String, Column> ARGUMENT_COLUMNS = Map.of("input.leadUnit", Column.LEAD_UNIT,
            "input.supportingUnits", Column.SUPPORTING_UNITS, "input.responsiblePersonId", Column.RESPONSIBLE_PERSON,
            "input.measures", Column.MEASURES, "input.deadline", Column.DEADLINE, "input.to", Column.STATUS,
            "input.acceptance", Column.STATUS, "input.issueId", Column.LEDGER_NUMBER);

    private static RowOutcome refused(RowOutcome outcome, String code, Column column, String reason) {
        return new RowOutcome(outcome.row(), outcome.ledgerNumber(), outcome.issueId(), LedgerRowDiff.Outcome.REFUSED,
                outcome.changes(), code, column == null ? null : column.header, reason);
    }

    /** The assignment fields that differ, and only those: omitted fields stay as they are, an emptied cell clears. */
    @SuppressWarnings("unchecked")
    private static AssignIssueInput assignment(String id, Map<String, Object> row, LedgerRowDiff.Diff diff, Integer version) {
        List<String> supporting = (List<String>) row.get("supportingUnits");
        return new AssignIssueInput(id,
                changed(diff, Column.LEAD_UNIT, (String) row.get("leadUnit")),
                changed(diff, Column.SUPPORTING_UNITS, supporting),
                changed(diff, Column.RESPONSIBLE_PERSON, (String) row.get("responsiblePerson")),
                ArgumentValue.omitted(),
                changed(diff, Column.MEASURES, (String) row.get("measures")),
                changed(diff, Column.DEADLINE, (LocalDate) row.get("deadline")),
                ArgumentValue.omitted(), ArgumentValue.omitted(), version);
    }

    private static <T> ArgumentValue<T> changed(LedgerRowDiff.Diff diff, Column column, T value) {
        return diff.changes(column) ? ArgumentValue.ofNullable(value) : ArgumentValue.omitted();
    }

    /** The file's values in the stored form the comparison needs; a column the file lacks is left out. */
    @SuppressWarnings("unchecked")
    private static Map<Column, String> given(SheetRow sheetRow, Map<String, Object> row) {
        Map<Column, String> given = new EnumMap<>(Column.class);
        given.put(Column.MINE, (String) row.get("mine"));
        putIfPresent(given, sheetRow, Column.VIOLATION_TYPES, joined((List<String>) row.get("violationTypes")));
        putIfPresent(given, sheetRow, Column.SOURCE, (String) row.get("source"));
        putIfPresent(given, sheetRow, Column.FOUND_ON, Objects.toString(row.get("foundOn"), null));
        putIfPresent(given, sheetRow, Column.DESCRIPTION, (String) row.get("description"));
        putIfPresent(given, sheetRow, Column.SEVERITY, sheetRow.get(Column.SEVERITY) == null ? null : (String) row.get("severity"));
        putIfPresent(given, sheetRow, Column.MEASURES, (String) row.get("measures"));
        putIfPresent(given, sheetRow, Column.DEADLINE, Objects.toString(row.get("deadline"), null));
        putIfPresent(given, sheetRow, Column.LEAD_UNIT, (String) row.get("leadUnit"));
        putIfPresent(given, sheetRow, Column.SUPPORTING_UNITS, joined((List<String>) row.get("supportingUnits")));
        putIfPresent(given, sheetRow, Column.RESPONSIBLE_PERSON, (String) row.get("responsiblePerson"));
        putIfPresent(given, sheetRow, Column.STATUS, sheetRow.get(Column.STATUS) == null ? null : (String) row.get("status"));
        putIfPresent(given, sheetRow, Column.CLOSED_ON, Objects.toString(row.get("closedOn"), null));
        return given;
    }

    private static void putIfPresent(Map<Column, String> given, SheetRow sheetRow, Column column, String value) {
        if (sheetRow.has(column)) {
            given.put(column, value);
        }
    }

    private static String joined(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join("、", values.stream().sorted().toList());
    }

    /**
     * The problems rows name, by the id derived from their 台账编号 and by the 台账编号 itself (an exported problem
     * that was reported, not imported, has its id there), in one query.
     */
    private Map<String, StoredIssue> existing(List<Map<String, Object>> rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(row -> {
            ids.add((String) row.get("id"));
            if (row.get("ledgerNumber") != null) {
                ids.add((String) row.get("ledgerNumber"));
            }
        });
        Map<String, StoredIssue> existing = new HashMap<>();
        graph.list("""
                UNWIND $ids AS id
                MATCH (i:Issue {id: id})
                RETURN i {.id, .foundOn, .description, .severity, .measures, .deadline, .status, .closedOn,
                  version: coalesce(i.version, 0),
                  mine: [(i)-[:AT]->(m:Mine) | m.id][0],
                  violationTypes: [(i)-[:OF_TYPE]->(v:ViolationType) | v.code],
                  source: [(i)-[:FOUND_BY]->(s:ProblemSource) | s.code][0],
                  leadUnit: [(i)-[:ASSIGNED_TO {role: 'LEAD'}]->(u:Unit) | u.id][0],
                  supportingUnits: [(i)-[:ASSIGNED_TO {role: 'SUPPORTING'}]->(u:Unit) | u.id],
                  responsiblePerson: [(i)-[:RESPONSIBLE_PERSON]->(p:Person) | p.id][0]} AS item""",
                Map.of("ids", ids), StoredIssue::from).forEach(issue -> existing.put(issue.id(), issue));
        return existing;
    }

    private static Map<String, Object> withoutId(Map<String, Object> row) {
        Map<String, Object> fields = new LinkedHashMap<>(row);
        fields.remove("id");
        fields.remove("version");
        return fields;
    }

    private List<String> writeBatch(List<Map<String, Object>> batch, String importId) {
        return graph.list("""
                UNWIND $rows AS row
                MERGE (i:Issue {id: row.id})
                ON CREATE SET i.title = row.title, i.description = row.description, i.status = row.status,
                    i.severity = row.severity, i.foundOn = row.foundOn, i.deadline = row.deadline, i.measures = row.measures,
                    i.closedOn = row.closedOn, i.ledgerNumber = row.ledgerNumber, i.evidence = [], i.supervised = false,
                    i.synthetic = false, i.version = 1, i.createdAt = datetime(), i.importedBy = $importId
                WITH i, row WHERE i.importedBy = $importId
                MATCH (m:Mine {id: row.mine}), (s:ProblemSource {code: row.source})
                CREATE (i)-[:AT]->(m), (i)-[:FOUND_BY]->(s)
                SET i.district = m.district
                WITH i, row
                CALL (i, row) {
                  UNWIND range(0, size(row.violationTypes) - 1) AS n
                  MATCH (v:ViolationType {code: row.violationTypes[n]})
                  CREATE (i)-[:OF_TYPE {order: n + 1}]->(v)
                }
                CALL (i, row) {
                  MATCH (u:Unit {id: row.leadUnit})
                  CREATE (i)-[:ASSIGNED_TO {role: 'LEAD'}]->(u)
                }
                CALL (i, row) {
                  UNWIND row.supportingUnits AS unitId
                  MATCH (u:Unit {id: unitId})
                  CREATE (i)-[:ASSIGNED_TO {role: 'SUPPORTING'}]->(u)
                }
                CALL (i, row) {
                  MATCH (p:Person {id: row.responsiblePerson})
                  CREATE (i)-[:RESPONSIBLE_PERSON]->(p)
                }
                CALL (i) {
                  MATCH (p:Phase) WHERE i.foundOn >= p.startsOn AND (i.foundOn <= p.endsOn OR p.longTerm)
                  WITH p ORDER BY p.number LIMIT 1
                  CREATE (i)-[:IN_PHASE]->(p)
                }
                RETURN i.id AS item""", Map.of("rows", batch, "importId", importId), Value::asString);
    }

    /**
     * A row as the values to write, every fault recorded against its row and column. Each cell is first checked for
     * what any cell of its column must be (filled when required, not too long, of its type), then for what it
     * names; a cell that failed the first check is not looked at again, so each bad cell is named once.
     */
    private Map<String, Object> check(SheetRow row, References refs, LocalDate today, List<RowError> errors) {
        Cells cells = new Cells(row, errors);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mine", mine(cells, refs));
        List<String> types = new ArrayList<>();
        for (String ref : split(cells.get(Column.VIOLATION_TYPES))) {
            String code = refs.violationTypes.get(ref);
            if (code == null) {
                cells.fault(Column.VIOLATION_TYPES, Fault.UNKNOWN_VALUE, "未知问题类型 / unknown violation type " + ref);
            } else if (!types.contains(code)) {
                types.add(code);
            }
        }
        if (types.isEmpty() && !cells.isBad(Column.VIOLATION_TYPES)) {
            cells.fault(Column.VIOLATION_TYPES, Fault.MISSING_VALUE, "缺少问题类型 / no violation type");
        }
        out.put("violationTypes", types);
        out.put("source", cells.term(Column.SOURCE, SOURCES, null));
        LocalDate foundOn = cells.date(Column.FOUND_ON);
        if (foundOn != null && foundOn.isAfter(today)) {
            cells.fault(Column.FOUND_ON, Fault.INCONSISTENT, "发现日期晚于今天 / found in the future");
        }
        out.put("foundOn", foundOn);
        String description = cells.get(Column.DESCRIPTION);
        out.put("description", description);
        // As for a reported problem: the title names the mine and the types, never a part of the description.
        out.put("title", out.get("mine") == null || types.isEmpty() ? null : refs.mineNames.get((String) out.get("mine")) + ":"
                + String.join("、", types.stream().map(refs.typeNames::get).toList()));
        out.put("severity", cells.term(Column.SEVERITY, SEVERITIES, "GENERAL"));
        out.put("measures", cells.get(Column.MEASURES));
        LocalDate deadline = cells.date(Column.DEADLINE);
        if (deadline != null && foundOn != null && deadline.isBefore(foundOn)) {
            cells.fault(Column.DEADLINE, Fault.INCONSISTENT, "整改期限早于发现日期 / deadline before the date found");
        }
        out.put("deadline", deadline);
        String lead = unit(cells, Column.LEAD_UNIT, cells.get(Column.LEAD_UNIT), refs);
        out.put("leadUnit", lead);
        List<String> supporting = new ArrayList<>();
        for (String ref : split(cells.get(Column.SUPPORTING_UNITS))) {
            String id = unit(cells, Column.SUPPORTING_UNITS, ref, refs);
            if (id != null && !id.equals(lead) && !supporting.contains(id)) {
                supporting.add(id);
            }
        }
        out.put("supportingUnits", supporting);
        String person = cells.get(Column.RESPONSIBLE_PERSON);
        String personId = person == null ? null : refs.people.get(person);
        if (person != null && personId == null) {
            cells.fault(Column.RESPONSIBLE_PERSON, Fault.UNKNOWN_VALUE, "找不到唯一的责任人 / no single person with id or name " + person);
        } else if (personId != null && !cells.isBad(Column.LEAD_UNIT) && !cells.isBad(Column.SUPPORTING_UNITS)
                && (lead == null || !refs.unitsOfPeople.get(personId).contains(lead))
                && supporting.stream().noneMatch(refs.unitsOfPeople.get(personId)::contains)) {
            // As when a problem is assigned: whoever answers for it works in a unit that rectifies it.
            cells.fault(Column.RESPONSIBLE_PERSON, Fault.INCONSISTENT, "责任人不在责任单位或配合单位 / " + person
                    + " works in none of the row's units");
        }
        out.put("responsiblePerson", personId);
        // As the workflow: a problem starts awaiting assignment, and starts rectification once assigned.
        IssueStatus initial = lead == null ? IssueWorkflow.INITIAL : IssueWorkflow.afterAssignment(IssueWorkflow.INITIAL);
        String status = cells.term(Column.STATUS, STATUSES, initial.name());
        out.put("status", status);
        LocalDate closedOn = cells.date(Column.CLOSED_ON);
        if (IssueStatus.finished(status) && closedOn == null && !cells.isBad(Column.CLOSED_ON)) {
            cells.fault(Column.CLOSED_ON, Fault.MISSING_VALUE, "已销号或已关闭的问题须填销号日期 / a finished problem needs its closing date");
        }
        out.put("closedOn", closedOn);
        out.put("version", cells.number(Column.VERSION));
        String ledgerNumber = cells.get(Column.LEDGER_NUMBER);
        out.put("ledgerNumber", ledgerNumber);
        out.put("id", idOf(ledgerNumber, out));
        return out;
    }

    /** A row's problem id: from its 台账编号, or else from what it says (mine, date found, types, description). */
    @SuppressWarnings("unchecked")
    private static String idOf(String ledgerNumber, Map<String, Object> row) {
        return "ledger-" + digest(ledgerNumber != null ? "no:" + ledgerNumber
                : String.join("|", Objects.toString(row.get("mine")), String.valueOf(row.get("foundOn")),
                String.join(",", ((List<String>) row.get("violationTypes")).stream().sorted().toList()),
                Objects.toString(row.get("description"))));
    }

    /**
     * The mine a row names: by licence number when it gives one (then a name it also gives must be that mine's), else
     * by a name exactly one mine has.
     */
    private static String mine(Cells cells, References refs) {
        String licence = cells.get(Column.LICENCE_NUMBER);
        String name = cells.get(Column.MINE);
        if (cells.isBad(Column.LICENCE_NUMBER) || cells.isBad(Column.MINE)) {
            return null;
        }
        if (licence == null && name == null) {
            cells.fault(Column.MINE, Fault.MISSING_VALUE, "缺少矿山名称或采矿许可证号 / name the mine or its licence number");
            return null;
        }
        List<String> named = name == null ? List.of() : refs.minesByName.getOrDefault(name, List.of());
        if (name != null && named.isEmpty()) {
            cells.fault(Column.MINE, Fault.UNKNOWN_VALUE, "找不到矿山 / no registered mine named " + name);
            return null;
        }
        if (licence != null) {
            String mine = refs.minesByLicence.get(licence);
            if (mine == null) {
                cells.fault(Column.LICENCE_NUMBER, Fault.UNKNOWN_VALUE, "找不到采矿许可证号 / no registered mine with licence number " + licence);
            } else if (name != null && !named.contains(mine)) {
                cells.fault(Column.MINE, Fault.INCONSISTENT, "矿山名称与采矿许可证号不符 / the licence number " + licence + " is not " + name + "'s");
                return null;
            }
            return mine;
        }
        if (named.size() > 1) {
            cells.fault(Column.MINE, Fault.UNKNOWN_VALUE, "多座矿山同名,请填采矿许可证号 / several mines are named " + name + "; give the licence number");
            return null;
        }
        return named.getFirst();
    }

    private static String unit(Cells cells, Column column, String ref, References refs) {
        if (ref == null) {
            return null;
        }
        String id = refs.units.get(ref);
        if (id == null) {
            cells.fault(column, Fault.UNKNOWN_VALUE, "未知单位 / unknown unit " + ref);
        }
        return id;
    }

    /** One row's cells, each checked against its column before use, and the faults found in them. */
    private static final class Cells {
        private final SheetRow row;
        private final List<RowError> errors;
        private final EnumSet<Column> bad = EnumSet.noneOf(Column.class);

        Cells(SheetRow row, List<RowError> errors) {
            this.row = row;
            this.errors = errors;
            for (Column column : Column.values()) {
                String value = row.get(column);
                if (value == null) {
                    if (column.required) {
                        fault(column, Fault.MISSING_VALUE, "缺少" + column.header + " / missing");
                    }
                } else if (value.length() > column.kind.maxLength) {
                    fault(column, Fault.TOO_LONG, column.header + "超过 " + column.kind.maxLength + " 字 / longer than "
                            + column.kind.maxLength + " characters");
                } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && (column.kind != Kind.TEXT || (c != '\n' && c != '\t' && c != '\r')))) {
                    fault(column, Fault.WRONG_TYPE, column.header + "含有控制字符 / holds control characters");
                }
            }
        }

        void fault(Column column, Fault fault, String reason) {
            bad.add(column);
            errors.add(new RowError(row.number(), column.header, fault, reason));
        }

        boolean isBad(Column column) {
            return bad.contains(column);
        }

        /** The cell's stripped text; null when empty or already found at fault. */
        String get(Column column) {
            return bad.contains(column) ? null : row.get(column);
        }

        String term(Column column, Map<String, String> terms, String otherwise) {
            String value = get(column);
            if (value == null) {
                return bad.contains(column) ? null : otherwise;
            }
            String code = terms.containsKey(value) ? terms.get(value) : terms.containsValue(value) ? value : null;
            if (code == null) {
                fault(column, Fault.UNKNOWN_VALUE, "无法识别 / not one of " + terms.keySet() + ": " + value);
            }
            return code;
        }

        LocalDate date(Column column) {
            String value = get(column);
            if (value == null) {
                return null;
            }
            LocalDate date = LedgerSheet.date(value);
            if (date == null) {
                fault(column, Fault.WRONG_TYPE, "日期格式应为 2023-05-01 / not a date: " + value);
            }
            return date;
        }

        Integer number(Column column) {
            String value = get(column);
            if (value == null) {
                return null;
            }
            try {
                int number = Integer.parseInt(value);
                if (number >= 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // refused below, as any other text that is not a whole number
            }
            fault(column, Fault.WRONG_TYPE, column.header + "应为非负整数 / not a whole number: " + value);
            return null;
        }
    }

    private static List<String> split(String value) {
        return value == null ? List.of() : List.of(LIST_SEPARATOR.split(value.strip())).stream().filter(s -> !s.isBlank()).toList();
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What rows refer to, looked up in a few queries for the whole file. */
    /** What the rows name; a mine outside the importer's jurisdiction is not there for it (rows naming it are refused). */
    private References references(List<SheetRow> rows, List<String> districts) {
        Map<String, String> units = new HashMap<>();
        graph.list("MATCH (u:Unit) RETURN u {.id, .name, .aliases} AS item", Map.of(), UnitNames::from).forEach(u -> {
            units.put(u.id(), u.id());
            units.put(u.name(), u.id());
            u.aliases().forEach(a -> units.put(a, u.id()));
        });
        Map<String, String> types = new HashMap<>();
        Map<String, String> typeNames = new HashMap<>();
        graph.list("MATCH (v:ViolationType) RETURN v {.code, .name} AS item", Map.of(), TypeName::from).forEach(v -> {
            types.put(v.code(), v.code());
            types.put(v.name(), v.code());
            typeNames.put(v.code(), v.name());
        });
        List<String> licences = rows.stream().map(r -> r.get(Column.LICENCE_NUMBER)).filter(Objects::nonNull).distinct().toList();
        List<String> names = rows.stream().map(r -> r.get(Column.MINE)).filter(Objects::nonNull).distinct().toList();
        Map<String, String> byLicence = new HashMap<>();
        Map<String, List<String>> byName = new HashMap<>();
        Map<String, String> mineNames = new HashMap<>();
        graph.list("""
                MATCH (m:Mine) WHERE (m.licenceNumber IN $licences OR m.name IN $names) AND m.district IN $districts
                RETURN m {.id, .licenceNumber, .name} AS item""",
                Map.of("licences", licences, "names", names, "districts", districts), MineName::from)
                .forEach(m -> {
                    if (m.licenceNumber() != null) {
                        byLicence.put(m.licenceNumber(), m.id());
                    }
                    byName.computeIfAbsent(m.name(), n -> new ArrayList<>()).add(m.id());
                    mineNames.put(m.id(), m.name());
                });
        List<String> personRefs = rows.stream().map(r -> r.get(Column.RESPONSIBLE_PERSON)).filter(Objects::nonNull).distinct().toList();
        Map<String, List<String>> people = new HashMap<>();
        Map<String, List<String>> unitsOfPeople = new HashMap<>();
        graph.list("""
                MATCH (p:Person) WHERE p.id IN $refs OR p.name IN $refs
                RETURN p {.id, .name, units: [(p)-[:SERVES_IN]->(u:Unit) | u.id]} AS item""",
                Map.of("refs", personRefs), PersonUnits::from).forEach(p -> {
                    people.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p.id());
                    people.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p.id());
                    unitsOfPeople.put(p.id(), p.units());
                });
        Map<String, String> uniquePeople = new HashMap<>();
        people.forEach((ref, ids) -> {
            if (ids.stream().distinct().count() == 1) {
                uniquePeople.put(ref, ids.getFirst());
            }
        });
        return new References(units, types, typeNames, byLicence, byName, mineNames, uniquePeople, unitsOfPeople);
    }

    /** A unit with the names a row may give it. */
    private record UnitNames(String id, String name, List<String> aliases) {
        static UnitNames from(Value v) {
            return new UnitNames(v.get("id").asString(), v.get("name").asString(), v.get("aliases").asList(Value::asString));
        }
    }

    private record TypeName(String code, String name) {
        static TypeName from(Value v) {
            return new TypeName(v.get("code").asString(), v.get("name").asString());
        }
    }

    private record MineName(String id, String licenceNumber, String name) {
        static MineName from(Value v) {
            return new MineName(v.get("id").asString(), v.get("licenceNumber").asString(null), v.get("name").asString());
        }
    }

    /** A person a row may name, with the units they serve in. */
    private record PersonUnits(String id, String name, List<String> units) {
        static PersonUnits from(Value v) {
            return new PersonUnits(v.get("id").asString(), v.get("name").asString(), v.get("units").asList(Value::asString));
        }
    }

    private record References(Map<String, String> units, Map<String, String> violationTypes,
                              Map<String, String> typeNames, Map<String, String> minesByLicence,
                              Map<String, List<String>> minesByName, Map<String, String> mineNames,
                              Map<String, String> people, Map<String, List<String>> unitsOfPeople) {
    }
}
