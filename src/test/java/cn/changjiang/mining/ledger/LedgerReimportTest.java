package cn.changjiang.mining.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.TestFixtures;
import cn.changjiang.mining.ledger.LedgerSheet.Column;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger imported again with changes: each row is NEW, UNCHANGED, CHANGED or REFUSED; changes go through the
 * ledger's own rules (workflow, permission, version) with change records; a dry run says the same and writes nothing;
 * one refused row writes nothing at all.
 */
class LedgerReimportTest extends IntegrationTest {

    private static final String PREFIX = "REIMP-";
    private static Driver fixtureDriver;
    private RestClient http;

    @BeforeAll
    static void keepDriver(@Autowired Driver driver) {
        fixtureDriver = driver;
        removeImported();
    }

    @AfterAll
    static void removeImported() {
        TestFixtures.removeImportedIssues(fixtureDriver, PREFIX);
    }

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + token("office")).build();
    }

    /** A problem of the police at 丽阳金矿, as first imported. */
    private static Map<Column, String> row(String number) {
        Map<Column, String> row = LedgerFileValuesTest.goodRow(PREFIX + number);
        row.put(Column.MINE, "丽阳金矿(虚构)");
        row.put(Column.LICENCE_NUMBER, "");
        row.put(Column.VIOLATION_TYPES, "T3.01");
        row.put(Column.SOURCE, "扫黑除恶");
        row.put(Column.FOUND_ON, "2023-05-22");
        row.put(Column.DESCRIPTION, "民爆物品违规储存(重导测试)");
        row.put(Column.SEVERITY, "重大");
        row.put(Column.MEASURES, "收缴民爆物品");
        row.put(Column.DEADLINE, "2027-01-31");
        row.put(Column.LEAD_UNIT, "昌江公安分局");
        row.put(Column.SUPPORTING_UNITS, "");
        row.put(Column.RESPONSIBLE_PERSON, "");
        row.put(Column.STATUS, "整改中");
        return row;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String csv, boolean dryRun) {
        return http.post().uri("/ledger/import?dryRun=" + dryRun).contentType(MediaType.parseMediaType("text/csv"))
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .exchange((request, response) -> {
                    Map<String, Object> json = response.bodyTo(Map.class);
                    json.put("status", response.getStatusCode().value());
                    return json;
                });
    }

    private Map<String, Object> post(List<Map<Column, String>> rows, boolean dryRun) throws IOException {
        return post(LedgerFileValuesTest.csv(rows), dryRun);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> outcomes(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("outcomes");
    }

    private static Record stored(String number) {
        try (var session = fixtureDriver.session()) {
            return session.run("""
                    MATCH (i:Issue {ledgerNumber: $number})
                    RETURN i.id AS id, i.measures AS measures, toString(i.deadline) AS deadline, i.status AS status,
                           i.version AS version, [(i)-[:ASSIGNED_TO {role: 'LEAD'}]->(u) | u.id][0] AS lead,
                           COLLECT { MATCH (c:Change {entityId: i.id}) RETURN c.action } AS actions,
                           COLLECT { MATCH (c:Change {entityId: i.id, action: 'assignIssue'}) RETURN c.changes }[0] AS assignment""",
                    Map.of("number", PREFIX + number)).list().stream().findFirst().orElse(null);
        }
    }

    @Test
    void shouldApplyAReimportedRowsChangesThroughTheLedgersRulesWithChangeRecords() throws IOException {
        assertThat(post(List.of(row("1")), false)).containsEntry("status", 200).containsEntry("imported", 1);
        Record before = stored("1");
        Map<Column, String> changed = row("1");
        changed.put(Column.MEASURES, "收缴民爆物品,移送公安立案侦查");
        changed.put(Column.DEADLINE, "2027-03-31");
        changed.put(Column.LEAD_UNIT, "昌江生态环境局");
        changed.put(Column.STATUS, "申请验收");

        Map<String, Object> dryRun = post(List.of(changed), true);
        assertThat(dryRun).containsEntry("status", 200).containsEntry("changed", 1).containsEntry("dryRun", true);
        assertThat(outcomes(dryRun)).singleElement().satisfies(o -> {
            assertThat(o).containsEntry("row", 2).containsEntry("outcome", "CHANGED");
            assertThat((List<Map<String, Object>>) o.get("changes"))
                    .extracting(c -> c.get("field") + ":" + c.get("from") + "→" + c.get("to"))
                    .containsExactlyInAnyOrder("责任单位:POLICE→ECOLOGY", "整改措施:收缴民爆物品→收缴民爆物品,移送公安立案侦查",
                            "整改期限:2027-01-31→2027-03-31", "状态:RECTIFYING→ACCEPTANCE_REQUESTED");
        });
        Record afterDryRun = stored("1");
        assertThat(afterDryRun.get("version").asInt()).isEqualTo(before.get("version").asInt());
        assertThat(afterDryRun.get("lead").asString()).isEqualTo("POLICE");
        assertThat(afterDryRun.get("actions").asList()).containsExactly("importLedger");

        Map<String, Object> applied = post(List.of(changed), false);
        assertThat(applied).containsEntry("status", 200).containsEntry("changed", 1).containsEntry("imported", 0);
        assertThat(outcomes(applied)).extracting(o -> o.get("outcome")).containsExactly("CHANGED");
        Record after = stored("1");
        assertThat(after.get("lead").asString()).isEqualTo("ECOLOGY");
        assertThat(after.get("measures").asString()).isEqualTo("收缴民爆物品,移送公安立案侦查");
        assertThat(after.get("deadline").asString()).isEqualTo("2027-03-31");
        assertThat(after.get("status").asString()).isEqualTo("ACCEPTANCE_REQUESTED");
        assertThat(after.get("actions").asList()).containsExactlyInAnyOrder("importLedger", "assignIssue", "transitionIssue");
        assertThat(after.get("assignment").asString()).contains("\"field\":\"leadUnit\"").contains("\"field\":\"measures\"")
                .contains("\"field\":\"deadline\"");

        assertThat(post(List.of(changed), false)).containsEntry("status", 200).containsEntry("alreadyPresent", 1)
                .containsEntry("changed", 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldClassifyEveryRowAndWriteNothingWhenOneIsRefused() throws IOException {
        assertThat(post(List.of(row("2"), row("3"), row("4")), false)).containsEntry("imported", 3);
        Map<Column, String> measures = row("3");
        measures.put(Column.MEASURES, "新的整改措施");
        Map<Column, String> backwards = row("4");
        backwards.put(Column.STATUS, "待交办");
        Map<Column, String> described = row("2");
        described.put(Column.DESCRIPTION, "另一个问题(重导测试)");
        List<Map<Column, String>> file = List.of(row("NEW"), row("2"), measures, backwards);

        Map<String, Object> dryRun = post(file, true);
        assertThat(dryRun).containsEntry("status", 200).containsEntry("newRows", 1).containsEntry("alreadyPresent", 1)
                .containsEntry("changed", 1).containsEntry("refused", 1);
        assertThat(outcomes(dryRun)).extracting(o -> o.get("row") + ":" + o.get("outcome"))
                .containsExactly("2:NEW", "3:UNCHANGED", "4:CHANGED", "5:REFUSED");
        assertThat(outcomes(dryRun).get(3)).containsEntry("code", "ILLEGAL_TRANSITION").containsEntry("column", "状态");

        Map<String, Object> refused = post(file, false);
        assertThat(refused).containsEntry("status", 422).containsEntry("code", "IMPORT_REJECTED");
        assertThat((List<Map<String, Object>>) refused.get("errors"))
                .extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
                .containsExactly("5:状态:ILLEGAL_TRANSITION");
        assertThat(outcomes((Map<String, Object>) refused.get("report"))).extracting(o -> o.get("outcome"))
                .containsExactly("NEW", "UNCHANGED", "CHANGED", "REFUSED");
        assertThat(stored("NEW")).isNull();
        assertThat(stored("3").get("measures").asString()).isEqualTo("收缴民爆物品");
        assertThat(stored("3").get("actions").asList()).containsExactly("importLedger");

        Map<String, Object> fixed = post(List.of(described), false);
        assertThat(fixed).containsEntry("status", 422);
        assertThat((List<Map<String, Object>>) fixed.get("errors"))
                .extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
                .containsExactly("2:问题描述:NOT_CHANGEABLE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRefuseARowOfAnExportTheLedgerHasMovedOnFrom() throws IOException {
        assertThat(post(List.of(row("5")), false)).containsEntry("imported", 1);
        String export = http.get().uri("/ledger/export.csv?unit=昌江公安分局").retrieve().body(String.class);
        List<String> lines = export.lines().toList();
        assertThat(lines.getFirst()).endsWith(",版本");
        String line = lines.stream().filter(l -> l.startsWith(PREFIX + "5,")).findFirst().orElseThrow();
        assertThat(line).endsWith("," + stored("5").get("version").asInt());
        String exported = lines.getFirst() + "\n" + line + "\n";
        assertThat(post(exported, true)).containsEntry("status", 200).containsEntry("alreadyPresent", 1);

        Map<Column, String> meanwhile = row("5");
        meanwhile.put(Column.MEASURES, "其间由别人修改的措施");
        assertThat(post(List.of(meanwhile), false)).containsEntry("status", 200).containsEntry("changed", 1);

        Map<String, Object> stale = post(exported.replace("收缴民爆物品", "导出后修改的措施"), false);
        assertThat(stale).containsEntry("status", 422);
        assertThat((List<Map<String, Object>>) stale.get("errors"))
                .extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
                .containsExactly("2:版本:CONFLICT");
        assertThat(stored("5").get("measures").asString()).isEqualTo("其间由别人修改的措施");
    }
}
