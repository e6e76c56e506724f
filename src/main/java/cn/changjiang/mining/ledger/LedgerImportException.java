package cn.changjiang.mining.ledger;

import java.util.List;

/**
 * A ledger import refused or stopped. The code says why (and its HTTP status); each row error names the row, the
 * column and its own code, so a unit can fix its spreadsheet without reading prose. A refusal while checking wrote
 * nothing; a stop while writing (a refused row, the engine's memory, an outage) left the batches before it committed,
 * and the job it names says where to resume.
 */
class LedgerImportException extends RuntimeException {

    /** Why a whole file was refused, with the HTTP status it is answered with. */
    enum Code {
        /** Some rows or columns are at fault: see the row errors. */
        IMPORT_REJECTED(422),
        /** Neither a CSV nor an XLSX workbook that can be read. */
        UNREADABLE_FILE(422),
        /** More data rows than {@link LedgerSheet#MAX_ROWS}. */
        TOO_MANY_ROWS(422),
        /** More filled cells than {@link LedgerSheet#MAX_CELLS}. */
        TOO_MANY_CELLS(422),
        /** An XLSX part that expands too far (a zip bomb) or beyond {@link LedgerSheet#MAX_ENTRY_BYTES}. */
        XLSX_TOO_EXPANDED(422),
        /** A request body or file larger than {@link LedgerFiles#MAX_FILE_BYTES}. */
        REQUEST_TOO_LARGE(413),
        /** {@code resume} names no job of the caller's, one not FAILED, or was posted with another file. */
        JOB_NOT_RESUMABLE(409),
        /** The engine ran short of transaction memory for a batch: resume the job (shortly, or with less load). */
        TRANSACTION_MEMORY_EXCEEDED(503),
        /** The engine ended a batch's transaction at its time limit (a very busy moment): resume the job shortly. */
        TRANSACTION_TIMED_OUT(503),
        /** The database could not be reached, or failed transiently: resume the job shortly. */
        UNAVAILABLE(503),
        /** Any other failure while importing: the job says where it stopped. */
        INTERNAL_ERROR(500);

        final int status;

        Code(int status) {
            this.status = status;
        }
    }

    /** What is wrong with one cell, or with one row or the header as a whole. */
    enum Fault {
        MISSING_VALUE, UNKNOWN_VALUE, TOO_LONG, WRONG_TYPE, INCONSISTENT, DUPLICATE_ROW,
        UNKNOWN_COLUMN, DUPLICATE_COLUMN, MISSING_COLUMN, UNDECODABLE_TEXT
    }

    /**
     * One bad row: its number in the file (header = 1; for undecodable text, the line), the column at fault (null
     * when the whole row is), a code (a {@link Fault}, or a ledger rule's code such as CONFLICT or
     * ILLEGAL_TRANSITION for a refused change) and why.
     */
    record RowError(Integer row, String column, String code, String reason) {
        RowError(int row, String column, Fault fault, String reason) {
            this(row, column, fault.name(), reason);
        }
    }

    private final Code code;
    private final List<RowError> rowErrors;
    private final LedgerImport.ImportReport report;
    private String job;

    LedgerImportException(Code code, String message) {
        this(code, message, List.of(), null);
    }

    LedgerImportException(String message, List<RowError> rowErrors) {
        this(Code.IMPORT_REJECTED, message, rowErrors, null);
    }

    LedgerImportException(Code code, String message, List<RowError> rowErrors, LedgerImport.ImportReport report) {
        this(code, message, rowErrors, report, null);
    }

    LedgerImportException(Code code, String message, List<RowError> rowErrors, LedgerImport.ImportReport report,
                          Throwable cause) {
        super(message, cause);
        this.code = code;
        this.rowErrors = rowErrors;
        this.report = report;
    }

    /** The import job this refusal or stop belongs to, when one was started. */
    String job() {
        return job;
    }

    LedgerImportException forJob(String jobId) {
        this.job = jobId;
        return this;
    }

    Code code() {
        return code;
    }

    List<RowError> rowErrors() {
        return rowErrors;
    }

    /** The classification of every row, when the file was refused because some of its changes were. */
    LedgerImport.ImportReport report() {
        return report;
    }
}
