package cn.changjiang.mining.requirement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.changjiang.mining.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan's dated obligations: public text, standings for signed-in readers, met as the office records. */
class ObligationsTest extends IntegrationTest {

    private static final String REPORT = "O4.1-SCREENING-REPORT";
    private static final String RECORD = """
            mutation($input: RecordObligationMetInput!) { recordObligationMet(input: $input) {
              obligation { id } standing { unit { id } status metOn late note } } }""";

    @Autowired
    Driver driver;

    @AfterEach
    void forgetWhatWasMet() {
        try (var session = driver.session()) {
            session.run("MATCH (:Unit)-[m:MET]->(:Obligation) DELETE m").consume();
            session.run("MATCH (c:Change {entityType: 'Obligation'}) DELETE c").consume();
        }
    }

    private static String document() throws IOException {
        return Files.readString(Path.of("graph-seed/source/campaign-plan.txt"), StandardCharsets.UTF_8);
    }

    private static void refused(GraphQlTester.Response response, String code) {
        response.errors().satisfy(errors -> assertThat(errors.getFirst().getExtensions()).containsEntry("code", code));
    }

    @Test
    void shouldOweTheScreeningReportToTheOfficeByTheDateTheTextGivesFromEveryUnitOfATaskList() throws IOException {
        String document = document();
        Matcher due = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日前将排查结果逐级报送至(\\S+?办公室)").matcher(document);
        assertThat(due.find()).isTrue();
        String dueOn = "%s-%02d-%02d".formatted(due.group(1), Integer.parseInt(due.group(2)), Integer.parseInt(due.group(3)));
        Matcher lists = Pattern.compile("\\(责任单位[:;]([^)]+)\\)").matcher(document);
        TreeSet<String> debtors = new TreeSet<>();
        while (lists.find()) {
            for (String name : lists.group(1).split("、")) {
                debtors.add(graphQl.document("query($n: String!) { unit(name: $n) { id } }").variable("n", name.strip())
                        .execute().path("unit.id").entity(String.class).get());
            }
        }
        var response = anonymous.document("""
                { obligations { id clause text quote dueOn owedBy { id } owedTo { id kind name } } }""").execute();
        response.path("obligations[?(@.id == '" + REPORT + "')].dueOn").entityList(String.class).containsExactly(dueOn)
                .path("obligations[?(@.id == '" + REPORT + "')].owedTo.kind").entityList(String.class).containsExactly("OFFICE");
        List<String> owedBy = response.path("obligations[?(@.id == '" + REPORT + "')].owedBy[*].id").entityList(String.class).get();
        assertThat(new TreeSet<>(owedBy)).isEqualTo(debtors);
        assertThat(graphQl.document("{ workingGroup { office { aliases } } }").execute()
                .path("workingGroup.office.aliases").entityList(String.class).get()).contains(due.group(4));
    }

    @Test
    void shouldShowStandingsToSignedInReadersOnly() {
        refused(anonymous.document("{ obligations { standings { unit { id } } } }").execute(), "UNAUTHENTICATED");
        refused(anonymous.document("{ obligations(status: OVERDUE) { id } }").execute(), "UNAUTHENTICATED");
        anonymous.document("{ requirements { id clause act quote subjectStated owedBy { id kind } towards { id } phase { number } dueOn } }")
                .execute().path("requirements").entityList(Map.class).hasSizeGreaterThan(10);
    }

    @Test
    void shouldTellWhoHasMetTheReportAndWhoIsOverdue() {
        // Every debtor is overdue before anything is recorded: the date has passed.
        graphQl.document("{ obligations(status: OVERDUE, unit: \"区林业局\") { id standings { unit { id } status } } }").execute()
                .path("obligations[*].id").entityList(String.class).contains(REPORT)
                .path("obligations[?(@.id == '" + REPORT + "')].standings[?(@.unit.id == 'FORESTRY')].status")
                .entityList(String.class).containsExactly("OVERDUE");
        graphQl.document(RECORD).variable("input", Map.of("obligationId", REPORT, "unit", "区林业局", "metOn", "2023-04-28",
                        "note", "报送排查结果(测试)")).execute()
                .path("recordObligationMet.standing.unit.id").entity(String.class).isEqualTo("FORESTRY")
                .path("recordObligationMet.standing.status").entity(String.class).isEqualTo("MET")
                .path("recordObligationMet.standing.late").entity(Boolean.class).isEqualTo(false);
        graphQl.document(RECORD).variable("input", Map.of("obligationId", REPORT, "unit", "区公安局", "metOn", "2023-05-04"))
                .execute().path("recordObligationMet.standing.late").entity(Boolean.class).isEqualTo(true);
        graphQl.document("{ obligations(status: MET) { id standings { unit { id } status metOn late } } }").execute()
                .path("obligations[?(@.id == '" + REPORT + "')].standings[?(@.status == 'MET')].unit.id")
                .entityList(String.class).contains("POLICE", "FORESTRY").hasSize(2)
                .path("obligations[?(@.id == '" + REPORT + "')].standings[?(@.status == 'OVERDUE')].unit.id")
                .entityList(String.class).doesNotContain("POLICE", "FORESTRY").hasSizeGreaterThan(0);
        graphQl.document("{ obligations(status: OVERDUE, unit: \"FORESTRY\") { id } }").execute()
                .path("obligations[*].id").entityList(String.class).doesNotContain(REPORT);
        graphQl.document("query($id: ID!) { history(id: $id) { action entityType changes { field from to } } }")
                .variable("id", REPORT).execute()
                .path("history[*].action").entityList(String.class).containsExactly("recordObligationMet", "recordObligationMet")
                .path("history[*].changes[*].field").entityList(String.class).contains("metOn:FORESTRY", "metOn:POLICE");
    }

    @Test
    void shouldRefuseWhatTheOfficeMayNotRecord() {
        refused(as("police").document(RECORD).variable("input", Map.of("obligationId", REPORT, "unit", "POLICE",
                "metOn", "2023-04-28")).execute(), "FORBIDDEN");
        refused(graphQl.document(RECORD).variable("input", Map.of("obligationId", "no-such-obligation", "unit", "POLICE",
                "metOn", "2023-04-28")).execute(), "NOT_FOUND");
        refused(graphQl.document(RECORD).variable("input", Map.of("obligationId", REPORT, "unit", "no-such-unit",
                "metOn", "2023-04-28")).execute(), "NOT_FOUND");
        // 区委宣传部 is in no task's 责任单位 list: it screens nothing, so it owes no screening report.
        refused(graphQl.document(RECORD).variable("input", Map.of("obligationId", REPORT, "unit", "区委宣传部",
                "metOn", "2023-04-28")).execute(), "BAD_REQUEST");
        refused(graphQl.document(RECORD).variable("input", Map.of("obligationId", REPORT, "unit", "POLICE",
                "metOn", "2999-01-01")).execute(), "BAD_REQUEST");
    }
}
