package cn.changjiang.mining.ledger;

import java.time.ZonedDateTime;

import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.bool;
import static cn.changjiang.mining.graph.Read.constant;
import static cn.changjiang.mining.graph.Read.integer;
import static cn.changjiang.mining.graph.Read.string;

/**
 * One import of a ledger file, as stored on its {@code (:LedgerImportJob)} node and updated in the transaction of each
 * batch it commits: so {@code nextRow} is always the first row whose batch has not committed, and a resumed import
 * starts there.
 *
 * @param rows          the file's data rows, once they have all been read (null before)
 * @param rowsChecked   rows read and checked so far
 * @param rowsCommitted rows of committed batches, over every run of the job
 * @param nextRow       the first row (as a person counts them, header = 1) not yet committed
 * @param imported      new problems written, over every run
 * @param resumes       how many times the job was resumed
 */
record LedgerImportJob(String id, LedgerImportJobStatus status, boolean dryRun, String fileName, String fileDigest,
                       String startedBy, String jurisdiction, ZonedDateTime startedAt, ZonedDateTime updatedAt,
                       ZonedDateTime finishedAt, Integer rows, int rowsChecked, int rowsCommitted, int nextRow,
                       int imported, int changed, int alreadyPresent, int batches, int batchRows, int resumes,
                       LedgerImportError error) {

    /** Why a job stopped: a code ({@code IMPORT_REJECTED}, {@code TRANSACTION_MEMORY_EXCEEDED}, …) and a message. */
    record LedgerImportError(String code, String message, Integer row) {
    }

    static LedgerImportJob from(Value v) {
        return new LedgerImportJob(string(v, "id"), constant(v, "status", LedgerImportJobStatus.class), bool(v, "dryRun"),
                string(v, "fileName"), string(v, "fileDigest"), string(v, "startedBy"), string(v, "jurisdiction"),
                time(v, "startedAt"), time(v, "updatedAt"), time(v, "finishedAt"),
                v.get("rows").isNull() ? null : v.get("rows").asInt(), integer(v, "rowsChecked"),
                integer(v, "rowsCommitted"), integer(v, "nextRow"), integer(v, "imported"), integer(v, "changed"),
                integer(v, "alreadyPresent"), integer(v, "batches"), integer(v, "batchRows"), integer(v, "resumes"),
                v.get("errorCode").isNull() ? null : new LedgerImportError(string(v, "errorCode"),
                        string(v, "errorMessage"), v.get("errorRow").isNull() ? null : v.get("errorRow").asInt()));
    }

    private static ZonedDateTime time(Value v, String key) {
        return v.get(key).isNull() ? null : v.get(key).asZonedDateTime();
    }
}
