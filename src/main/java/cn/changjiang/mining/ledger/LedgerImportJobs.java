package cn.changjiang.mining.ledger;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import cn.changjiang.mining.graph.CypherRunner;
import org.springframework.stereotype.Component;

/**
 * The {@code (:LedgerImportJob)} nodes: created when an import starts, moved on as it checks and writes, and read by
 * {@code ledgerImportJob(id)}. Progress of a committed batch is written in that batch's transaction
 * ({@link #committed}), so the job never says a batch committed that did not, nor the reverse; the other updates
 * run in transactions of their own.
 */
@Component
class LedgerImportJobs {

    private static final String JOB = """
            j {.id, .status, .dryRun, .fileName, .fileDigest, .startedBy, .jurisdiction, .startedAt, .updatedAt,
               .finishedAt, .rows, .rowsChecked, .rowsCommitted, .nextRow, .imported, .changed, .alreadyPresent,
               .batches, .batchRows, .resumes, .errorCode, .errorMessage, .errorRow}""";

    private final CypherRunner graph;

    LedgerImportJobs(CypherRunner graph) {
        this.graph = graph;
    }

    LedgerImportJob start(String id, String startedBy, String jurisdiction, String fileName, String fileDigest,
                          boolean dryRun, int batchRows) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("startedBy", startedBy);
        params.put("jurisdiction", jurisdiction);
        params.put("fileName", fileName);
        params.put("fileDigest", fileDigest);
        params.put("dryRun", dryRun);
        params.put("batchRows", batchRows);
        return graph.writeSingle("""
                CREATE (j:LedgerImportJob {id: $id, status: 'CHECKING', dryRun: $dryRun, fileName: $fileName,
                  fileDigest: $fileDigest, startedBy: $startedBy, jurisdiction: $jurisdiction, startedAt: datetime(),
                  updatedAt: datetime(), rowsChecked: 0, rowsCommitted: 0, nextRow: 2, imported: 0, changed: 0,
                  alreadyPresent: 0, batches: 0, batchRows: $batchRows, resumes: 0})
                RETURN %s AS item""".formatted(JOB), params, LedgerImportJob::from).orElseThrow();
    }

    Optional<LedgerImportJob> find(String id) {
        return graph.single("MATCH (j:LedgerImportJob {id: $id}) RETURN %s AS item".formatted(JOB), Map.of("id", id),
                LedgerImportJob::from);
    }

    /** A failed job starts again from its first uncommitted row: checking the whole file again first. */
    LedgerImportJob resumed(String id) {
        return graph.writeSingle("""
                MATCH (j:LedgerImportJob {id: $id})
                SET j.status = 'CHECKING', j.resumes = j.resumes + 1, j.rowsChecked = 0, j.updatedAt = datetime(),
                    j.errorCode = null, j.errorMessage = null, j.errorRow = null, j.finishedAt = null
                RETURN %s AS item""".formatted(JOB), Map.of("id", id), LedgerImportJob::from).orElseThrow();
    }

    void checking(String id, int rowsChecked) {
        graph.write("""
                MATCH (j:LedgerImportJob {id: $id})
                SET j.rowsChecked = $rowsChecked, j.updatedAt = datetime()
                RETURN j.id AS item""", Map.of("id", id, "rowsChecked", rowsChecked), v -> v);
    }

    void writing(String id, int rows) {
        graph.write("""
                MATCH (j:LedgerImportJob {id: $id})
                SET j.status = 'WRITING', j.rows = $rows, j.rowsChecked = $rows, j.updatedAt = datetime()
                RETURN j.id AS item""", Map.of("id", id, "rows", rows), v -> v);
    }

    /** One batch's progress, in the batch's own transaction. */
    void committed(String id, Progress batch) {
        graph.write("""
                MATCH (j:LedgerImportJob {id: $id})
                SET j.nextRow = $nextRow, j.rowsCommitted = j.rowsCommitted + $rows, j.imported = j.imported + $imported,
                    j.changed = j.changed + $changed, j.alreadyPresent = j.alreadyPresent + $alreadyPresent,
                    j.batches = j.batches + 1, j.updatedAt = datetime()
                RETURN j.id AS item""", Map.of("id", id, "nextRow", batch.nextRow(), "rows", batch.rows(),
                "imported", batch.imported(), "changed", batch.changed(), "alreadyPresent", batch.alreadyPresent()), v -> v);
    }

    /** Every batch written. */
    void done(String id) {
        graph.write("""
                MATCH (j:LedgerImportJob {id: $id})
                SET j.status = 'DONE', j.finishedAt = datetime(), j.updatedAt = datetime()
                RETURN j.id AS item""", Map.of("id", id), v -> v);
    }

    /** A dry run classified every row, with these totals; everything it did was rolled back. */
    void classified(String id, int changed, int alreadyPresent, int batches) {
        graph.write("""
                MATCH (j:LedgerImportJob {id: $id})
                SET j.status = 'DONE', j.finishedAt = datetime(), j.updatedAt = datetime(), j.changed = $changed,
                    j.alreadyPresent = $alreadyPresent, j.batches = $batches
                RETURN j.id AS item""", Map.of("id", id, "changed", changed, "alreadyPresent", alreadyPresent,
                "batches", batches), v -> v);
    }

    void stopped(String id, LedgerImportJobStatus status, String code, String message, Integer row) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("status", status.name());
        params.put("code", code);
        params.put("message", message);
        params.put("row", row);
        graph.write("""
                MATCH (j:LedgerImportJob {id: $id})
                SET j.status = $status, j.errorCode = $code, j.errorMessage = $message, j.errorRow = $row,
                    j.updatedAt = datetime(), j.finishedAt = CASE $status WHEN 'REJECTED' THEN datetime() END
                RETURN j.id AS item""", params, v -> v);
    }

    /** What one committed batch adds to a job: {@code nextRow} is the row after its last. */
    record Progress(int nextRow, int rows, int imported, int changed, int alreadyPresent) {
    }
}
