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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.changjiang.mining.common.Actor;
import cn.changjiang.mining.common.ApiException;
import cn.changjiang.mining.common.ConflictException;
import cn.changjiang.mining.common.ErrorCodes;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.graph.DatabaseFailures;
import cn.changjiang.mining.common.Viewer;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a ledger from a spreadsheet, streamed: the file is read twice, row by row, never held whole. The first
 * pass checks every row (a file with any bad row is refused whole, naming each bad row, before anything is written);
 * the second classifies each row as NEW, UNCHANGED, CHANGED or REFUSED against the ledger, applies changes through
 * {@link Ledger}'s own rules and writes new rows, in batches of {@link #BATCH_ROWS} rows, each batch one transaction
 * and all or nothing. Every import is a job ({@link LedgerImportJobs}) whose progress is committed with each batch, so
 * a failure leaves the batches before it and a job that resumes from its first uncommitted row. A row's problem id
 * comes from its 台账编号, or else from its content, so importing the same file twice adds nothing.
 */
@Service
class LedgerImport {

    private static final Logger log = LoggerFactory.getLogger(LedgerImport.class);
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[、,,;;/\\s]+");
    /**
     * Rows of the file per transaction by default ({@code accountability.ledger-import.batch-rows}): large enough that
     * a batch's few round trips cost little per row, small enough that a batch stays far below the engine's
     * transaction memory and its 30-second time limit while other work runs on a busy machine (5,000 rows took over
     * 30 s on the shared benchmark machine).
     */
    static final int BATCH_ROWS = 2_000;
    private static final int MAX_REPORTED_ERRORS = 1_000;
    /** A file of up to this many rows lists every row's outcome; a larger one only its CHANGED and REFUSED rows, up to this many. */
    static final int MAX_LISTED_OUTCOMES = 10_000;

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
     * The outcome of an import (of this run of its job), with the counts: {@code newRows} found new, {@code imported}
     * of them written, {@code changed}, {@code alreadyPresent} (unchanged) and {@code refused}; {@code batches}
     * committed. A dry run classifies every row exactly as the import would, applying the changes through the same
     * rules, and then rolls back each batch. {@code outcomes} lists every row of a file of up to
     * {@link #MAX_LISTED_OUTCOMES} rows, and only the CHANGED and REFUSED rows of a larger one.
     */
    record ImportReport(String job, int rows, int newRows, int imported, int changed, int alreadyPresent, int refused,
                        int batches, boolean dryRun, List<RowOutcome> outcomes) {
    }

    /** A file's rows, read again for each pass (check, then write), never held whole. */
    interface SheetSource {
        /** The file's name as uploaded, or null. */
        String name();

        /** The SHA-256 of the file's bytes: a job resumes only with the very file it started with. */
        String digest();

        /** Every data row, in the file's order, each handed over as it is read. */
        void rows(Consumer<SheetRow> each);

        /** Rows already read (a test's, or a small file's). */
        static SheetSource of(List<SheetRow> rows, String name) {
            String digest = LedgerImport.digest(String.join("\n", rows.stream().map(r -> r.number() + "|" + r.cells()).toList()));
            return new SheetSource() {
                public String name() {
                    return name;
                }

                public String digest() {
                    return digest;
                }

                public void rows(Consumer<SheetRow> each) {
                    rows.forEach(each);
                }
            };
        }
    }

    /**
     * Called inside each batch's transaction just before its progress is recorded and it commits: a test's way to
     * watch a job's committed progress mid-file and to make a batch fail as the engine would. None in service.
     */
    interface BatchHook {
        void beforeCommit(String job, int batch);
    }

    private final CypherRunner graph;
    private final AuditTrail audit;
    private final Access access;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Ledger ledger;
    private final Scopes scopes;
    private final LedgerImportJobs jobs;
    private final TransactionTemplate transactions;
    private volatile BatchHook hook;
    private final int batchRows;

    LedgerImport(CypherRunner graph, AuditTrail audit, Access access, Clock clock, ApplicationEventPublisher events,
                 Ledger ledger, Scopes scopes, LedgerImportJobs jobs, PlatformTransactionManager transactions,
                 @org.springframework.beans.factory.annotation.Value("${accountability.ledger-import.batch-rows:" + BATCH_ROWS + "}") int batchRows) {
        if (batchRows < 1) {
            throw new IllegalArgumentException("accountability.ledger-import.batch-rows must be at least 1");
        }
        this.batchRows = batchRows;
        this.scopes = scopes;
        this.graph = graph;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
        this.events = events;
        this.ledger = ledger;
        this.jobs = jobs;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Calls {@code hook} before each batch commits (null: none). For tests only. */
    void beforeEachCommit(BatchHook hook) {
        this.hook = hook;
    }

    /** Rows already read, imported as a file of them: see {@link #importFile}. */
    public ImportReport importRows(List<SheetRow> rows, Actor actor, boolean dryRun) {
        return importFile(SheetSource.of(rows, null), actor, dryRun, null, batchRows);
    }

    /** Rows per batch, as configured. */
    int batchRows() {
        return batchRows;
    }

    /** {@link #begin} and {@link #run} in one go. */
    ImportReport importFile(SheetSource source, Actor actor, boolean dryRun, String resume, int batchRows) {
        return run(begin(source, actor, dryRun, resume, batchRows), source, actor);
    }

    /**
     * A new job for a file, or (with {@code resume}) the caller's FAILED job for the very same file, set to check
     * again. Only the office imports; a job is resumed by whoever may read it ({@link #mayRead}).
     */
    LedgerImportJob begin(SheetSource source, Actor actor, boolean dryRun, String resume, int batchRows) {
        access.require(actor.viewer(), Role.OFFICE);
        if (resume == null) {
            return jobs.start(UUID.randomUUID().toString(), actor.name(), scopes.of(actor.viewer(), null).jurisdiction(),
                    source.name(), source.digest(), dryRun, batchRows);
        }
        LedgerImportJob job = jobs.find(resume).filter(j -> mayRead(actor.viewer(), j)).orElse(null);
        if (job == null || job.status() != LedgerImportJobStatus.FAILED || job.dryRun() || dryRun) {
            throw new LedgerImportException(Code.JOB_NOT_RESUMABLE, "No failed import job " + resume
                    + " of yours to resume (a dry run is not resumed: run it again)").forJob(resume);
        }
        if (!job.fileDigest().equals(source.digest())) {
            throw new LedgerImportException(Code.JOB_NOT_RESUMABLE, "Job " + resume + " imported another file; post the"
                    + " same file to resume it, or post the new file without resume (rows already written are"
                    + " recognised and not written twice)").forJob(resume);
        }
        return jobs.resumed(resume);
    }

    /** Whoever started a job reads it, and an office whose jurisdiction holds the starter's. */
    boolean mayRead(Viewer viewer, LedgerImportJob job) {
        if (viewer.anonymous()) {
            return false;
        }
        if (viewer.username().equals(job.startedBy())) {
            return true;
        }
        if (!viewer.is(Role.OFFICE)) {
            return false;
        }
        try {
            scopes.of(viewer, job.jurisdiction());
            return true;
        } catch (ApiException outside) {
            return false;
        }
    }

    Optional<LedgerImportJob> job(String id, Viewer viewer) {
        return jobs.find(id).filter(job -> mayRead(viewer, job));
    }

    /**
     * Checks the whole file, then writes it in batches, each committed with the job's progress. What "all or
     * nothing" means here: a file with any bad cell (or bad header, or that cannot be read) writes nothing (the job
     * is REJECTED, 422); each batch is all or nothing (a REFUSED row rolls its batch back); a failure while writing
     * leaves the batches before it committed, the job FAILED with the failure's code and {@code nextRow} at the first
     * row not written, to be resumed with the same file.
     */
    ImportReport run(LedgerImportJob job, SheetSource source, Actor actor) {
        Run run = new Run(job, actor, LocalDate.now(clock));
        try {
            long started = System.nanoTime();
            check(run, source);
            log.info("Ledger import {}: {} rows checked in {} ms", job.id(), run.rows, (System.nanoTime() - started) / 1_000_000);
            jobs.writing(job.id(), run.rows);
            run.writing = true;
            write(run, source);
            if (job.dryRun()) {
                jobs.classified(job.id(), run.changed, run.unchanged, run.batches);
            } else {
                jobs.done(job.id());
            }
            log.info("Ledger import {}: {} rows, {} new written, {} changed, {} unchanged, in {} batches", job.id(),
                    run.rows, run.imported, run.changed, run.unchanged, run.batches);
            return run.report(job.dryRun());
        } catch (LedgerImportException e) {
            stopped(job, run, e.code().name(), e.getMessage(), e.rowErrors().isEmpty() ? null : e.rowErrors().getFirst().row());
            throw e.forJob(job.id());
        } catch (RuntimeException e) {
            String code = DatabaseFailures.code(e);
            Code answer = code == null ? Code.INTERNAL_ERROR : Code.valueOf(code);
            String message = switch (answer) {
                case TRANSACTION_MEMORY_EXCEEDED -> "The database ran short of transaction memory";
                case TRANSACTION_TIMED_OUT -> "The database ended a batch at its transaction time limit";
                case UNAVAILABLE -> "The database is not reachable just now";
                default -> "The import failed";
            } + (run.writing ? " at row " + run.batchStart + "; the rows before it are written. Resume job " + job.id()
                    + " with the same file (resume=" + job.id() + ")" : " while checking the file; nothing was written."
                    + " Resume job " + job.id() + " with the same file (resume=" + job.id() + ")");
            log.error("Ledger import {} failed ({})", job.id(), answer, e);
            stopped(job, run, answer.name(), message, run.writing ? run.batchStart : null);
            throw new LedgerImportException(answer, message, List.of(), run.report(job.dryRun()), e).forJob(job.id());
        }
    }

    /** Records why a job stopped; a database that cannot record it leaves the job as its last batch left it. */
    private void stopped(LedgerImportJob job, Run run, String code, String message, Integer row) {
        LedgerImportJobStatus status = run.writing ? LedgerImportJobStatus.FAILED
                : Code.IMPORT_REJECTED.name().equals(code) || !isFailure(code) ? LedgerImportJobStatus.REJECTED
                : LedgerImportJobStatus.FAILED;
        try {
            jobs.stopped(job.id(), status, code, message, row);
        } catch (RuntimeException e) {
            log.warn("Ledger import {}: could not record that it stopped ({}): {}", job.id(), code, e.getMessage());
        }
    }

    private static boolean isFailure(String code) {
        return code.equals(Code.TRANSACTION_MEMORY_EXCEEDED.name()) || code.equals(Code.TRANSACTION_TIMED_OUT.name())
                || code.equals(Code.UNAVAILABLE.name())
                || code.equals(Code.INTERNAL_ERROR.name());
    }

    /** One run of a job: the references looked up, the rows' keys seen, and the counts so far. */
    private final class Run {
        final LedgerImportJob job;
        final Actor actor;
        final LocalDate today;
        final References refs;
        final String importId;
        final List<RowOutcome> outcomes = new ArrayList<>();
        int rows;
        int newRows;
        int imported;
        int changed;
        int unchanged;
        int refused;
        int batches;
        int batchStart;
        boolean writing;

        Run(LedgerImportJob job, Actor actor, LocalDate today) {
            this.job = job;
            this.actor = actor;
            this.today = today;
            this.refs = references(scopes.of(actor.viewer(), null).districts());
            this.importId = job.id() + "/" + job.resumes();
        }

        void add(List<RowOutcome> batch) {
            boolean all = rows <= MAX_LISTED_OUTCOMES;
            for (RowOutcome o : batch) {
                switch (o.outcome()) {
                    case NEW -> newRows++;
                    case CHANGED -> changed++;
                    case UNCHANGED -> unchanged++;
                    case REFUSED -> refused++;
                }
                if ((all || o.outcome() == LedgerRowDiff.Outcome.CHANGED || o.outcome() == LedgerRowDiff.Outcome.REFUSED)
                        && outcomes.size() < MAX_LISTED_OUTCOMES) {
                    outcomes.add(o);
                }
            }
        }

        ImportReport report(boolean dryRun) {
            return new ImportReport(job.id(), rows, newRows, imported, changed, unchanged, refused, batches, dryRun,
                    List.copyOf(outcomes));
        }
    }

    /**
     * The first pass: every row read and checked, the references it names looked up a chunk at a time (only what
     * no earlier chunk asked for), duplicates found by the rows' keys. Memory holds one chunk, the references and a
     * key per row. Any bad row refuses the file, nothing written.
     */
    private void check(Run run, SheetSource source) {
        int chunkRows = run.job.batchRows();
        List<SheetRow> chunk = new ArrayList<>(chunkRows);
        List<RowError> errors = new ArrayList<>();
        RowKeys keys = new RowKeys();
        int[] bad = {0};
        Consumer<List<SheetRow>> checkChunk = rows -> {
            run.refs.lookUp(rows);
            for (SheetRow row : rows) {
                int before = errors.size();
                List<RowError> found = new ArrayList<>();
                Map<String, Object> parsed = check(row, run.refs, run.today, found);
                int earlier = keys.putIfAbsent((String) parsed.get("id"), row.number());
                if (earlier > 0) {
                    found.add(new RowError(row.number(), Column.LEDGER_NUMBER.header, Fault.DUPLICATE_ROW,
                            "与第 " + earlier + " 行重复 / the same problem as row " + earlier));
                }
                bad[0] += found.isEmpty() ? 0 : 1;
                errors.addAll(found.subList(0, Math.min(found.size(), Math.max(0, MAX_REPORTED_ERRORS - before))));
            }
            run.rows += rows.size();
        };
        source.rows(row -> {
            chunk.add(row);
            if (chunk.size() == chunkRows) {
                checkChunk.accept(chunk);
                chunk.clear();
                jobs.checking(run.job.id(), run.rows);
            }
        });
        checkChunk.accept(chunk);
        if (bad[0] > 0) {
            throw new LedgerImportException(bad[0] + " bad row(s); nothing was imported", List.copyOf(errors));
        }
        if (run.rows == 0) {
            throw new LedgerImportException("The file has no data rows", List.of());
        }
    }

    /** The second pass: batches from the job's first uncommitted row on, each in a transaction of its own. */
    private void write(Run run, SheetSource source) {
        int batchRows = run.job.batchRows();
        List<SheetRow> batch = new ArrayList<>(batchRows);
        source.rows(row -> {
            if (row.number() < run.job.nextRow()) {
                return;
            }
            batch.add(row);
            if (batch.size() == batchRows) {
                commit(run, batch);
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            commit(run, batch);
        }
    }

    /**
     * One batch, all or nothing, in one transaction that the ledger's own methods join: each row naming a problem
     * already in the ledger is compared with it, and its changes applied through {@link Ledger#assign} and
     * {@link Ledger#transition}, so the same permission, workflow, version and change-record rules run as for the
     * GraphQL mutations; new rows are written in one statement, announced once ({@link IssuesWritten#created}) and
     * recorded; the job's progress is written last. A REFUSED row rolls the batch back and stops the import.
     */
    private void commit(Run run, List<SheetRow> rows) {
        run.batchStart = rows.getFirst().number();
        int nextRow = rows.getLast().number() + 1;
        long[] at = new long[6];
        at[0] = System.nanoTime();
        List<RowOutcome> outcomes = transactions.execute(status -> {
            List<RowError> unexpected = new ArrayList<>();
            List<Map<String, Object>> checked = new ArrayList<>(rows.size());
            for (SheetRow row : rows) {
                checked.add(check(row, run.refs, run.today, unexpected));
            }
            Map<String, StoredIssue> existing = existing(checked);
            at[1] = System.nanoTime();
            List<RowOutcome> classified = new ArrayList<>(rows.size());
            List<Map<String, Object>> created = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = checked.get(i);
                StoredIssue current = existing.get((String) row.get("id"));
                if (current == null && row.get("ledgerNumber") != null) {
                    current = existing.get((String) row.get("ledgerNumber"));
                }
                if (current == null) {
                    created.add(row);
                    classified.add(new RowOutcome(rows.get(i).number(), (String) row.get("ledgerNumber"),
                            (String) row.get("id"), LedgerRowDiff.Outcome.NEW, List.of(), null, null, null));
                } else {
                    classified.add(reimport(rows.get(i), row, current, run.actor, run.today));
                }
            }
            boolean refused = classified.stream().anyMatch(o -> o.outcome() == LedgerRowDiff.Outcome.REFUSED);
            if (refused || run.job.dryRun()) {
                // Changes applied to classify rows are undone; with nothing refused and no dry run they stay.
                status.setRollbackOnly();
                return classified;
            }
            at[2] = System.nanoTime();
            List<String> written = created.isEmpty() ? List.of() : writeBatch(created, run.importId);
            at[3] = System.nanoTime();
            if (!written.isEmpty()) {
                events.publishEvent(IssuesWritten.created(written));
                at[4] = System.nanoTime();
                Map<String, Map<String, Object>> byId = new HashMap<>();
                created.forEach(row -> byId.put((String) row.get("id"), row));
                audit.appendAll(run.actor, "importLedger", "Issue", written.stream()
                        .map(id -> Map.entry(id, AuditTrail.diff(Map.of(), withoutId(byId.get(id))))).toList());
            }
            BatchHook watching = hook;
            if (watching != null) {
                watching.beforeCommit(run.job.id(), run.batches + 1);
            }
            long changedRows = classified.stream().filter(o -> o.outcome() == LedgerRowDiff.Outcome.CHANGED).count();
            long unchangedRows = classified.stream().filter(o -> o.outcome() == LedgerRowDiff.Outcome.UNCHANGED).count();
            at[5] = System.nanoTime();
            jobs.committed(run.job.id(), new LedgerImportJobs.Progress(nextRow, rows.size(), written.size(),
                    (int) changedRows, (int) unchangedRows));
            run.imported += written.size();
            return classified;
        });
        if (at[5] > 0) {
            log.info("Ledger import {}: batch {} of {} rows committed in {} ms (parse and look up {}, classify {},"
                            + " write {}, figures kept on write {}, change records {}, progress and commit {})",
                    run.job.id(), run.batches + 1, rows.size(), ms(at[0], System.nanoTime()), ms(at[0], at[1]),
                    ms(at[1], at[2]), ms(at[2], at[3]), at[4] == 0 ? 0 : ms(at[3], at[4]),
                    at[4] == 0 ? 0 : ms(at[4], at[5]), ms(at[5], System.nanoTime()));
        }
        run.add(outcomes);
        List<RowOutcome> refused = outcomes.stream().filter(o -> o.outcome() == LedgerRowDiff.Outcome.REFUSED).toList();
        if (!refused.isEmpty() && !run.job.dryRun()) {
            throw new LedgerImportException(Code.IMPORT_REJECTED, refused.size() + " row(s) refused; nothing of rows "
                    + run.batchStart + " to " + (nextRow - 1) + (run.batches == 0 ? " (nor of the file)" : " nor after")
                    + " was imported",
                    refused.stream().map(o -> new RowError(o.row(), o.column(), o.code(), o.reason())).toList(),
                    run.report(false));
        }
        run.batches++;
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /**
     * The keys of the rows seen, to find a row that repeats an earlier one without keeping the rows: the first 64
     * bits of each row's problem id (a SHA-256), with the row's number, in an open-addressing table of primitives
     * (about 24 bytes a row). Two different rows share 64 bits with odds of about 1 in 10^7 for a million rows.
     */
    static final class RowKeys {
        private long[] keys = new long[1 << 12];
        private int[] rows = new int[1 << 12];
        private int size;

        /** The number of the earlier row with this id, or 0 after recording {@code row} as its first. */
        int putIfAbsent(String id, int row) {
            long key = Long.parseUnsignedLong(id.substring(id.length() - 32, id.length() - 16), 16) | 1L;
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            for (int i = (int) (mix(key) & mask); ; i = (i + 1) & mask) {
                if (keys[i] == 0) {
                    keys[i] = key;
                    rows[i] = row;
                    size++;
                    return 0;
                }
                if (keys[i] == key) {
                    return rows[i];
                }
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldRows = rows;
            keys = new long[oldKeys.length * 2];
            rows = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != 0) {
                    int i = (int) (mix(oldKeys[j]) & mask);
                    while (keys[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    rows[i] = oldRows[j];
                }
            }
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 32);
        }
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
        return graph.write("""
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

    /**
     * What the rows name, looked up as chunks of rows arrive: units and violation types at once (they are few), the
     * mines and people a chunk names that no earlier chunk asked about in one query each. A mine outside the
     * importer's jurisdiction is not there for it (rows naming it are refused).
     */
    private References references(List<String> districts) {
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
        return new References(districts, units, types, typeNames);
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

    /** What rows name, as far as the chunks read so far needed it. */
    private final class References {
        final List<String> districts;
        final Map<String, String> units;
        final Map<String, String> violationTypes;
        final Map<String, String> typeNames;
        final Map<String, String> minesByLicence = new HashMap<>();
        final Map<String, List<String>> minesByName = new HashMap<>();
        final Map<String, String> mineNames = new HashMap<>();
        /** Person refs (id or name) that name exactly one person, with that person's id. */
        final Map<String, String> people = new HashMap<>();
        final Map<String, List<String>> unitsOfPeople = new HashMap<>();
        private final Set<String> askedLicences = new HashSet<>();
        private final Set<String> askedNames = new HashSet<>();
        private final Set<String> askedPeople = new HashSet<>();

        References(List<String> districts, Map<String, String> units, Map<String, String> violationTypes,
                   Map<String, String> typeNames) {
            this.districts = districts;
            this.units = units;
            this.violationTypes = violationTypes;
            this.typeNames = typeNames;
        }

        /** The mines and people {@code rows} name that were not asked about before: two queries at most. */
        void lookUp(List<SheetRow> rows) {
            List<String> licences = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> personRefs = new ArrayList<>();
            for (SheetRow row : rows) {
                String licence = row.get(Column.LICENCE_NUMBER);
                if (licence != null && askedLicences.add(licence)) {
                    licences.add(licence);
                }
                String name = row.get(Column.MINE);
                if (name != null && askedNames.add(name)) {
                    names.add(name);
                }
                String person = row.get(Column.RESPONSIBLE_PERSON);
                if (person != null && askedPeople.add(person)) {
                    personRefs.add(person);
                }
            }
            if (!licences.isEmpty() || !names.isEmpty()) {
                graph.list("""
                        MATCH (m:Mine) WHERE (m.licenceNumber IN $licences OR m.name IN $names) AND m.district IN $districts
                        RETURN m {.id, .licenceNumber, .name} AS item""",
                        Map.of("licences", licences, "names", names, "districts", districts), MineName::from)
                        .forEach(m -> {
                            if (m.licenceNumber() != null) {
                                minesByLicence.put(m.licenceNumber(), m.id());
                            }
                            if (!mineNames.containsKey(m.id())) {
                                minesByName.computeIfAbsent(m.name(), n -> new ArrayList<>()).add(m.id());
                            }
                            mineNames.put(m.id(), m.name());
                        });
            }
            if (!personRefs.isEmpty()) {
                Map<String, List<String>> found = new HashMap<>();
                graph.list("""
                        MATCH (p:Person) WHERE p.id IN $refs OR p.name IN $refs
                        RETURN p {.id, .name, units: [(p)-[:SERVES_IN]->(u:Unit) | u.id]} AS item""",
                        Map.of("refs", personRefs), PersonUnits::from).forEach(p -> {
                            found.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p.id());
                            found.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p.id());
                            unitsOfPeople.put(p.id(), p.units());
                        });
                for (String ref : personRefs) {
                    List<String> ids = found.getOrDefault(ref, List.of());
                    if (ids.stream().distinct().count() == 1) {
                        people.put(ref, ids.getFirst());
                    }
                }
            }
        }
    }
}
