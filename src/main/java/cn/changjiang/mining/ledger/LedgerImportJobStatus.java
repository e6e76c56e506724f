package cn.changjiang.mining.ledger;

/** Where a ledger import job stands. */
enum LedgerImportJobStatus {
    /** Reading the file and checking every row; nothing written yet. */
    CHECKING,
    /** Every row passed; batches are being written, each committed on its own. */
    WRITING,
    /** Every row written (or, in a dry run, classified). */
    DONE,
    /** The file was refused before anything was written: a bad row, a bad header, an unreadable file. */
    REJECTED,
    /** Stopped while writing: the batches before {@code nextRow} are committed, the rest not; resumable. */
    FAILED
}
