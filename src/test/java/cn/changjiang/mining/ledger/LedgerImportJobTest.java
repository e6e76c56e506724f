package cn.changjiang.mining.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.TestFixtures;
import cn.changjiang.mining.common.Actor;
import cn.changjiang.mining.common.Role;
import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.ledger.LedgerImportException.Code;
import cn.changjiang.mining.ledger.LedgerSheet.SheetRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A ledger file as an import job: checked whole first, then written in batches each committed with the job's
 * progress; a failure mid-file leaves a job that resumes from its first uncommitted row and writes no row twice.
 * Batches of three rows here, so that a file of a few rows spans several.
 */
class LedgerImportJobTest extends IntegrationTest {

    private static final String PREFIX = "TEST-JOB-";
    private static final String HEADER = "台账编号,矿山名称,采矿许可证号,问题类型,问题来源,发现日期,问题描述,严重程度,整改措施,整改期限,责任单位,配合单位,状态,销号日期\n";
    private static final Actor OFFICE = new Actor("office", "test-import", null, new Viewer("office", Role.OFFICE, null));
    /** The engine's answer when the transactions' memory pool is exhausted, as the driver raises it. */
    private static final String MEMORY_POOL = "Neo.TransientError.General.MemoryPoolOutOfMemoryError";

    private static Driver fixtureDriver;

    @Autowired
    LedgerImport importer;

    private RestClient http;

    @BeforeAll
    static void keepDriver(@Autowired Driver driver) {
        fixtureDriver = driver;
        removeImported();
    }

    @AfterAll
    static void removeImported() {
        TestFixtures.removeImportedIssues(fixtureDriver, PREFIX);
        TestFixtures.write(fixtureDriver, "MATCH (j:LedgerImportJob) WHERE j.fileName STARTS WITH $prefix DETACH DELETE j",
                Map.of("prefix", PREFIX));
    }

    @BeforeEach
    void client() {
        removeImported();
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + token("office")).build();
    }

    @AfterEach
    void noHook() {
        importer.beforeEachCommit(null);
    }

    /** A file of {@code count} good rows, numbered from {@code from}. */
    private static String csv(int count) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int n = 1; n <= count; n++) {
            csv.append(PREFIX).append(n).append(",,C3602002009127130012001,T2.09,群众举报,2023-05-10,选矿废水外溢(任务测试 ")
                    .append(n).append("),较重,建设沉淀池,2023-07-31,昌江生态环境局,,整改中,\n");
        }
        return csv.toString();
    }

    private static LedgerImport.SheetSource file(String csv, String name) {
        return LedgerImport.SheetSource.of(LedgerSheet.readCsv(csv.getBytes(StandardCharsets.UTF_8)), PREFIX + name);
    }

    private static long written() {
        return TestFixtures.count(fixtureDriver, "MATCH (i:Issue) WHERE i.ledgerNumber STARTS WITH '" + PREFIX + "' RETURN count(i)");
    }

    private static long changeRecords() {
        return TestFixtures.count(fixtureDriver, "MATCH (i:Issue) WHERE i.ledgerNumber STARTS WITH '" + PREFIX
                + "' MATCH (c:Change {entityId: i.id, action: 'importLedger'}) RETURN count(c)");
    }

    /** The job as committed, read beside the import (another transaction). */
    private static Map<String, Object> committedJob(String id) {
        try (var session = fixtureDriver.session()) {
            return session.run("MATCH (j:LedgerImportJob {id: $id}) RETURN properties(j) AS j", Map.of("id", id))
                    .single().get("j").asMap();
        }
    }

    @Test
    void shouldImportAFileBiggerThanABatchInSeveralCommittedBatchesWithProgressVisible() {
        List<Map<String, Object>> seenBeforeCommit = new ArrayList<>();
        List<Long> writtenBeforeCommit = new ArrayList<>();
        importer.beforeEachCommit((job, batch) -> {
            seenBeforeCommit.add(committedJob(job));
            writtenBeforeCommit.add(written());
        });
        LedgerImport.ImportReport report = importer.importFile(file(csv(7), "seven.csv"), OFFICE, false, null, 3);

        assertThat(report.imported()).isEqualTo(7);
        assertThat(report.batches()).isEqualTo(3);
        assertThat(written()).isEqualTo(7);
        // Before each batch commits, the ones before it are committed and visible, with the job's progress.
        assertThat(writtenBeforeCommit).containsExactly(0L, 3L, 6L);
        assertThat(seenBeforeCommit).extracting(j -> j.get("status")).containsOnly("WRITING");
        assertThat(seenBeforeCommit).extracting(j -> j.get("batches")).containsExactly(0L, 1L, 2L);
        assertThat(seenBeforeCommit).extracting(j -> j.get("nextRow")).containsExactly(2L, 5L, 8L);
        assertThat(seenBeforeCommit).extracting(j -> j.get("rows")).containsOnly(7L);

        graphQl.document("""
                query($id: ID!) { ledgerImportJob(id: $id) {
                  id status dryRun fileName startedBy rows rowsChecked rowsCommitted nextRow imported changed
                  alreadyPresent batches batchRows resumes startedAt updatedAt finishedAt error { code message row } } }""")
                .variable("id", report.job()).execute()
                .path("ledgerImportJob.status").entity(String.class).isEqualTo("DONE")
                .path("ledgerImportJob.rows").entity(Integer.class).isEqualTo(7)
                .path("ledgerImportJob.rowsCommitted").entity(Integer.class).isEqualTo(7)
                .path("ledgerImportJob.nextRow").entity(Integer.class).isEqualTo(9)
                .path("ledgerImportJob.imported").entity(Integer.class).isEqualTo(7)
                .path("ledgerImportJob.batches").entity(Integer.class).isEqualTo(3)
                .path("ledgerImportJob.batchRows").entity(Integer.class).isEqualTo(3)
                .path("ledgerImportJob.startedBy").entity(String.class).isEqualTo("office")
                .path("ledgerImportJob.error").valueIsNull();
        // Only the one who started it and an office over its jurisdiction read a job.
        as("leader").document("query($id: ID!) { ledgerImportJob(id: $id) { id } }").variable("id", report.job())
                .execute().path("ledgerImportJob").valueIsNull();

        // The same file again writes nothing: every row is recognised by its key.
        LedgerImport.ImportReport again = importer.importFile(file(csv(7), "seven-again.csv"), OFFICE, false, null, 3);
        assertThat(again.imported()).isZero();
        assertThat(again.alreadyPresent()).isEqualTo(7);
        assertThat(written()).isEqualTo(7);
        assertThat(changeRecords()).isEqualTo(7);
    }

    @Test
    void shouldWriteNothingWhenTheCheckFindsABadRowInALaterBatch() {
        String bad = csv(7).replace(PREFIX + "6,,C3602002009127130012001,T2.09", PREFIX + "6,,C3602002009127130012001,T9.99");
        LedgerImportException refusal = catchThrowableOfType(LedgerImportException.class,
                () -> importer.importFile(file(bad, "bad.csv"), OFFICE, false, null, 3));

        assertThat(refusal.code()).isEqualTo(Code.IMPORT_REJECTED);
        assertThat(refusal.rowErrors()).extracting(LedgerImportException.RowError::row).containsExactly(7);
        assertThat(written()).isZero();
        Map<String, Object> job = committedJob(refusal.job());
        assertThat(job).containsEntry("status", "REJECTED").containsEntry("errorCode", "IMPORT_REJECTED")
                .containsEntry("batches", 0L).containsEntry("rowsCommitted", 0L);
    }

    @Test
    void shouldLeaveAJobThatResumesAfterAFailureMidFileWritingNoRowTwice() {
        importer.beforeEachCommit((job, batch) -> {
            if (batch == 2) {
                throw new TransientException(MEMORY_POOL, "The allocation of an extra 2.0 MiB would use more than the"
                        + " limit 537.6 MiB. dbms.memory.transaction.total.max threshold reached");
            }
        });
        LedgerImportException failure = catchThrowableOfType(LedgerImportException.class,
                () -> importer.importFile(file(csv(7), "resumed.csv"), OFFICE, false, null, 3));

        assertThat(failure.code()).isEqualTo(Code.TRANSACTION_MEMORY_EXCEEDED);
        assertThat(failure.getMessage()).contains("row 5").contains(failure.job());
        assertThat(written()).as("the first batch stays committed").isEqualTo(3);
        assertThat(committedJob(failure.job())).containsEntry("status", "FAILED")
                .containsEntry("errorCode", "TRANSACTION_MEMORY_EXCEEDED").containsEntry("errorRow", 5L)
                .containsEntry("nextRow", 5L).containsEntry("rowsCommitted", 3L).containsEntry("batches", 1L);

        // Another file does not resume it.
        assertThat(catchThrowableOfType(LedgerImportException.class,
                () -> importer.importFile(file(csv(6), "other.csv"), OFFICE, false, failure.job(), 3)).code())
                .isEqualTo(Code.JOB_NOT_RESUMABLE);

        importer.beforeEachCommit(null);
        LedgerImport.ImportReport resumed = importer.importFile(file(csv(7), "resumed.csv"), OFFICE, false, failure.job(), 3);

        assertThat(resumed.job()).isEqualTo(failure.job());
        assertThat(resumed.imported()).as("rows 5 to 8 only").isEqualTo(4);
        assertThat(written()).isEqualTo(7);
        assertThat(changeRecords()).as("one change record per problem: none written twice").isEqualTo(7);
        assertThat(committedJob(failure.job())).containsEntry("status", "DONE").containsEntry("resumes", 1L)
                .containsEntry("rowsCommitted", 7L).containsEntry("imported", 7L).containsEntry("batches", 3L)
                .containsEntry("nextRow", 9L).doesNotContainKey("errorCode");
        // A finished job is not resumed again.
        assertThat(catchThrowableOfType(LedgerImportException.class,
                () -> importer.importFile(file(csv(7), "resumed.csv"), OFFICE, false, failure.job(), 3)).code())
                .isEqualTo(Code.JOB_NOT_RESUMABLE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldAnswerTheEnginesMemoryErrorOverHttpWithACodeAndResumeWithTheSameFile() {
        importer.beforeEachCommit((job, batch) -> {
            throw new TransientException(MEMORY_POOL, "dbms.memory.transaction.total.max threshold reached");
        });
        byte[] body = csv(3).getBytes(StandardCharsets.UTF_8);
        Map<String, Object> failed = post(body, "");
        assertThat(failed).containsEntry("status", 503).containsEntry("code", "TRANSACTION_MEMORY_EXCEEDED");
        assertThat((String) failed.get("message")).doesNotContain("537").contains("resume=");
        String job = (String) failed.get("job");
        assertThat(job).isNotNull();
        assertThat(written()).isZero();

        importer.beforeEachCommit(null);
        Map<String, Object> resumed = post(body, "?resume=" + job);
        assertThat(resumed).containsEntry("status", 200).containsEntry("job", job).containsEntry("imported", 3);
        assertThat(post(body, "?resume=" + job)).containsEntry("status", 409).containsEntry("code", "JOB_NOT_RESUMABLE");

        // Any other failure of the endpoint answers with a code too, never a bare 500 page.
        importer.beforeEachCommit((j, batch) -> {
            throw new IllegalStateException("something unforeseen");
        });
        Map<String, Object> broken = post(csv(4).getBytes(StandardCharsets.UTF_8), "");
        assertThat(broken).containsEntry("status", 500).containsEntry("code", "INTERNAL_ERROR").containsKey("job");
        assertThat((String) broken.get("message")).doesNotContain("unforeseen");
    }

    @Test
    void shouldRunAnImportInTheBackgroundWithItsProgressToQuery() throws InterruptedException {
        Map<String, Object> accepted = post(csv(4).getBytes(StandardCharsets.UTF_8), "?async=true");
        assertThat(accepted).containsEntry("status", 202);
        String job = (String) accepted.get("job");
        AtomicReference<String> status = new AtomicReference<>();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"DONE".equals(status.get()) && System.nanoTime() < until) {
            Thread.sleep(100);
            status.set(graphQl.document("query($id: ID!) { ledgerImportJob(id: $id) { status } }").variable("id", job)
                    .execute().path("ledgerImportJob.status").entity(String.class).get());
        }
        assertThat(status.get()).isEqualTo("DONE");
        assertThat(written()).isEqualTo(4);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(byte[] body, String query) {
        return http.post().uri("/ledger/import" + query).contentType(MediaType.parseMediaType("text/csv")).body(body)
                .exchange((request, response) -> {
                    Map<String, Object> json = response.bodyTo(Map.class);
                    json.put("status", response.getStatusCode().value());
                    return json;
                });
    }
}
