package cn.changjiang.mining.ledger;

import java.util.List;

/** A ledger file refused as a whole; nothing of it was written. */
class LedgerImportException extends RuntimeException {

    /** One bad row: its number in the file, the column at fault and why. */
    record RowError(int row, String column, String reason) {
    }

    private final List<RowError> rowErrors;

    LedgerImportException(String message) {
        this(message, List.of());
    }

    LedgerImportException(String message, List<RowError> rowErrors) {
        super(message);
        this.rowErrors = rowErrors;
    }

    List<RowError> rowErrors() {
        return rowErrors;
    }
}
