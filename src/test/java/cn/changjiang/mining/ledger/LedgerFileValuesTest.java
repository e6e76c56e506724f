package cn.changjiang.mining.ledger;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.TestFixtures;
import cn.changjiang.mining.ledger.LedgerSheet.Column;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every column of the ledger file fed every kind of bad value (unknown, empty, overlong, of the wrong type), as far as
 * the column's kind makes it bad: each file answers 422 naming that row, that column and a code, never 500, and
 * writes nothing, not even the good row before it.
 */
class LedgerFileValuesTest extends IntegrationTest {

    private static final String PREFIX = "BADVAL-";
    private static Driver fixtureDriver;

    /** The kinds of bad value, and the code each is answered with. */
    enum Bad {
        UNKNOWN("UNKNOWN_VALUE"), EMPTY("MISSING_VALUE"), OVERLONG("TOO_LONG"), MISTYPED("WRONG_TYPE");

        final String code;

        Bad(String code) {
            this.code = code;
        }
    }

    record Case(Column column, Bad bad, String value) {
    }

    @BeforeAll
    static void keepDriver(@Autowired Driver driver) {
        fixtureDriver = driver;
        removeImported();
    }

    @AfterAll
    static void removeImported() {
        TestFixtures.removeImportedIssues(fixtureDriver, PREFIX);
    }

    /** A bad value of this kind for the column, when the column's kind has one (any text is a description). */
    static Optional<String> badValue(Column column, Bad bad) {
        return switch (bad) {
            case EMPTY -> column.required ? Optional.of("") : Optional.empty();
            case OVERLONG -> Optional.of("长".repeat(column.kind.maxLength + 1));
            case UNKNOWN -> switch (column.kind) {
                case TERM, REFERENCE, REFERENCES -> Optional.of("不存在的" + column.header);
                default -> Optional.empty();
            };
            case MISTYPED -> Optional.of(switch (column.kind) {
                case DATE -> "2023-13-45";
                case NUMBER -> "1.5";
                default -> "值\u0007值";
            });
        };
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Column column : Column.values()) {
            for (Bad bad : Bad.values()) {
                badValue(column, bad).ifPresent(value -> cases.add(new Case(column, bad, value)));
            }
        }
        // The value of the review: 待验收 is how people say it, but not a status.
        cases.add(new Case(Column.STATUS, Bad.UNKNOWN, "待验收"));
        return cases;
    }

    /** A row every check accepts, with every column filled where it may be. */
    static Map<Column, String> goodRow(String ledgerNumber) {
        Map<Column, String> row = new EnumMap<>(Column.class);
        row.put(Column.LEDGER_NUMBER, ledgerNumber);
        row.put(Column.MINE, "鲇鱼山钨矿(虚构)");
        row.put(Column.LICENCE_NUMBER, "C3602002009127130012001");
        row.put(Column.VIOLATION_TYPES, "T2.09、T2.11");
        row.put(Column.SOURCE, "群众举报");
        row.put(Column.FOUND_ON, "2023-05-10");
        row.put(Column.DESCRIPTION, "选矿废水外溢(测试)");
        row.put(Column.SEVERITY, "较重");
        row.put(Column.MEASURES, "建设沉淀池");
        row.put(Column.DEADLINE, "2023-07-31");
        row.put(Column.LEAD_UNIT, "昌江生态环境局");
        row.put(Column.SUPPORTING_UNITS, "区农水局");
        row.put(Column.RESPONSIBLE_PERSON, "demo-person-ecology-officer");
        row.put(Column.STATUS, "整改中");
        row.put(Column.CLOSED_ON, "");
        row.put(Column.VERSION, "");
        return row;
    }

    static String csv(List<Map<Column, String>> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(LedgerSheet.headers());
            for (Map<Column, String> row : rows) {
                printer.printRecord(List.of(Column.values()).stream().map(row::get).toList());
            }
        }
        return out.toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldAnswerEveryBadValueInEveryColumnWith422NamingRowAndColumnAndWriteNothing() throws IOException {
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + token("office")).build();
        List<Case> cases = cases();
        assertThat(cases).extracting(Case::column).containsAll(List.of(Column.values()));
        assertThat(cases).extracting(Case::bad).containsAll(List.of(Bad.values()));
        int n = 0;
        for (Case c : cases) {
            n++;
            Map<Column, String> bad = goodRow(PREFIX + "BAD-" + n);
            bad.put(c.column(), c.value());
            String body = csv(List.of(goodRow(PREFIX + "GOOD-" + n), bad));
            for (boolean dryRun : List.of(true, false)) {
                Map<String, Object> answer = http.post().uri("/ledger/import?dryRun=" + dryRun)
                        .contentType(MediaType.parseMediaType("text/csv")).body(body.getBytes(StandardCharsets.UTF_8))
                        .exchange((request, response) -> {
                            Map<String, Object> json = response.bodyTo(Map.class);
                            json.put("status", response.getStatusCode().value());
                            return json;
                        });
                assertThat(answer).as("%s %s %s", c.column(), c.bad(), dryRun ? "dry run" : "import")
                        .containsEntry("status", 422).containsEntry("code", "IMPORT_REJECTED");
                assertThat((List<Map<String, Object>>) answer.get("errors")).as("%s %s", c.column(), c.bad())
                        .extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
                        .containsExactly("3:" + c.column().header + ":" + c.bad().code);
            }
        }
        try (var session = fixtureDriver.session()) {
            assertThat(session.run("""
                    MATCH (i:Issue) WHERE i.ledgerNumber STARTS WITH $prefix RETURN count(i) AS n""",
                    Map.of("prefix", PREFIX)).single().get("n").asLong()).isZero();
        }
    }

    @Test
    void shouldAcceptTheGoodRowsTheCasesAreBuiltOn() throws IOException {
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + token("office")).build();
        String body = csv(List.of(goodRow(PREFIX + "GOOD-A"), goodRow(PREFIX + "GOOD-B")));
        int status = http.post().uri("/ledger/import?dryRun=true").contentType(MediaType.parseMediaType("text/csv"))
                .body(body.getBytes(StandardCharsets.UTF_8)).exchange((request, response) -> response.getStatusCode().value());
        assertThat(status).isEqualTo(200);
    }
}
