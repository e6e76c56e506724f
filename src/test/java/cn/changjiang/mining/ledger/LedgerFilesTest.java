package cn.changjiang.mining.ledger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.TestFixtures;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Importing and exporting the ledger as CSV and XLSX over HTTP: all or nothing, idempotent, rows named. */
class LedgerFilesTest extends IntegrationTest {

    private static final String HEADER = "台账编号,矿山名称,采矿许可证号,问题类型,问题来源,发现日期,问题描述,严重程度,整改措施,整改期限,责任单位,配合单位,状态,销号日期\n";
    private static final String GOOD = HEADER
            + "TEST-LEDGER-1,,C3602002009127130012001,T2.09、T2.11,群众举报,2023-05-10,选矿废水外溢(测试),较重,建设沉淀池,2023-07-31,昌江生态环境局,区农水局,整改中,\n"
            + "TEST-LEDGER-2,南山瓷石矿(虚构),,无证勘查开采,排查,2023/4/28,越界开采(测试),重大,停产整顿,2023-06-30,市自然资源和规划局昌江分局,,已销号,2023-06-20\n"
            + "TEST-LEDGER-3,丽阳金矿(虚构),,T3.01,扫黑除恶,2023-05-22,民爆物品违规储存(测试),,,,区公安局,区应急局,,\n";

    private static Driver fixtureDriver;
    private RestClient http;

    @BeforeAll
    static void keepDriver(@Autowired Driver driver) {
        fixtureDriver = driver;
        removeImported();
    }

    @AfterAll
    static void removeImported() {
        TestFixtures.removeImportedIssues(fixtureDriver, "TEST-LEDGER");
    }

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + token("office")).build();
    }

    private long importedCount() {
        try (var session = fixtureDriver.session()) {
            return session.run("MATCH (i:Issue) WHERE i.ledgerNumber STARTS WITH 'TEST-LEDGER' RETURN count(i) AS n")
                    .single().get("n").asLong();
        }
    }

    private Map<String, Object> post(byte[] body, String contentType) {
        return http.post().uri("/ledger/import").contentType(MediaType.parseMediaType(contentType)).body(body)
                .exchange((request, response) -> {
                    Map<String, Object> json = response.bodyTo(Map.class);
                    json.put("status", response.getStatusCode().value());
                    return json;
                });
    }

    @Test
    void shouldImportACsvWithChineseHeadersAndAliasesOnceOnly() {
        removeImported();
        Map<String, Object> first = post(GOOD.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(first).containsEntry("status", 200).containsEntry("imported", 3).containsEntry("batches", 1);
        Map<String, Object> again = post(GOOD.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(again).containsEntry("imported", 0).containsEntry("alreadyPresent", 3);
        assertThat(importedCount()).isEqualTo(3);

        try (var session = fixtureDriver.session()) {
            var row = session.run("""
                    MATCH (i:Issue {ledgerNumber: 'TEST-LEDGER-3'})-[:AT]->(m:Mine)
                    RETURN i.id AS id, i.status AS status, m.id AS mine,
                           [(i)-[a:ASSIGNED_TO]->(u) | u.id + ':' + a.role] AS units,
                           [(i)-[:IN_PHASE]->(p) | p.number][0] AS phase""").single();
            assertThat(row.get("mine").asString()).isEqualTo("demo-mine-04");
            assertThat(row.get("status").asString()).isEqualTo("RECTIFYING");
            assertThat(row.get("units").asList()).containsExactlyInAnyOrder("POLICE:LEAD", "EMERGENCY:SUPPORTING");
            assertThat(row.get("phase").asInt()).isEqualTo(2);
            graphQl.document("query($id: ID!) { history(id: $id) { action } }").variable("id", row.get("id").asString())
                    .execute().path("history[*].action").entityList(String.class).containsExactly("importLedger");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRefuseAFileWithABadRowNamingItAndWriteNothing() {
        removeImported();
        String bad = GOOD.replace("区公安局,区应急局", "区不存在局,区应急局").replace("2023/4/28", "四月");
        Map<String, Object> response = post(bad.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(response).containsEntry("status", 422).containsEntry("code", "IMPORT_REJECTED");
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.get("errors");
        assertThat(errors).extracting(e -> e.get("row") + ":" + e.get("column"))
                .containsExactlyInAnyOrder("3:发现日期", "4:责任单位");
        assertThat(importedCount()).isZero();
        String twice = GOOD + GOOD.lines().skip(1).findFirst().orElseThrow() + "\n";
        List<Map<String, Object>> duplicate = (List<Map<String, Object>>) post(twice.getBytes(StandardCharsets.UTF_8), "text/csv").get("errors");
        assertThat(duplicate).extracting(e -> e.get("row")).containsExactly(5);
        assertThat(importedCount()).isZero();
        assertThat(post("矿山,颜色\nx,y\n".getBytes(StandardCharsets.UTF_8), "text/csv"))
                .containsEntry("status", 422).containsEntry("code", "IMPORT_REJECTED");
    }

    @Test
    void shouldLetOnlyTheOfficeImportAndScopeAUnitOfficersExportToItsUnit() {
        removeImported();
        int status = RestClient.create("http://localhost:" + port).post().uri("/ledger/import")
                .header("Authorization", "Bearer " + token("ecology")).contentType(MediaType.parseMediaType("text/csv"))
                .body(GOOD.getBytes(StandardCharsets.UTF_8)).exchange((request, response) -> response.getStatusCode().value());
        assertThat(status).isEqualTo(403);
        assertThat(importedCount()).isZero();
        post(GOOD.getBytes(StandardCharsets.UTF_8), "text/csv");
        String police = RestClient.create("http://localhost:" + port).get().uri("/ledger/export.csv?unit=昌江生态环境局")
                .header("Authorization", "Bearer " + token("police")).retrieve().body(String.class);
        assertThat(police).contains("TEST-LEDGER-3").doesNotContain("TEST-LEDGER-1");
        int anonymousExport = RestClient.create("http://localhost:" + port).get().uri("/ledger/export.csv")
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(anonymousExport).isEqualTo(401);
    }

    @Test
    void shouldImportAnXlsxAndExportTheLedgerAgain() throws Exception {
        removeImported();
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet();
            String[] lines = GOOD.split("\n");
            for (int r = 0; r < lines.length; r++) {
                Row row = sheet.createRow(r);
                String[] cells = lines[r].split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            book.write(out);
            workbook = out.toByteArray();
        }
        assertThat(post(workbook, LedgerFiles.XLSX)).containsEntry("imported", 3);

        String csv = http.get().uri("/ledger/export.csv?unit=区公安局").retrieve().body(String.class);
        assertThat(csv).contains("台账编号").contains("TEST-LEDGER-3").doesNotContain("TEST-LEDGER-1");
        byte[] xlsx = http.get().uri("/ledger/export.xlsx?open=true").retrieve().body(byte[].class);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("台账编号");
            boolean closedExported = false;
            boolean openExported = false;
            for (Row row : sheet) {
                String number = row.getCell(0).getStringCellValue();
                closedExported |= number.equals("TEST-LEDGER-2");
                openExported |= number.equals("TEST-LEDGER-1");
            }
            assertThat(openExported).isTrue();
            assertThat(closedExported).isFalse();
        }
        String template = http.get().uri("/ledger/import-template.csv").retrieve().body(String.class);
        assertThat(template).contains("矿山名称").contains("问题类型").contains("责任单位");
    }
}
