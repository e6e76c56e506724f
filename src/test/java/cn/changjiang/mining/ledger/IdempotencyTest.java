package cn.changjiang.mining.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.TestFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** A creating mutation retried with its idempotency key creates one thing, however and by whom it is retried. */
class IdempotencyTest extends IntegrationTest {

    private static final String REPORT = """
            mutation($input: ReportIssueInput!, $key: String) {
              reportIssue(input: $input, idempotencyKey: $key) { issue { id } } }""";

    private static Driver fixtureDriver;
    private static String mineId;

    @BeforeAll
    static void remember(@Autowired Driver driver) {
        fixtureDriver = driver;
        removeTestData();
    }

    @AfterAll
    static void removeTestData() {
        TestFixtures.removeRegisteredMines(fixtureDriver, "IDEM-");
    }

    private String mine() {
        if (mineId == null) {
            mineId = graphQl.document("""
                            mutation { registerMine(input: {name: "幂等测试矿(测试)", licenseNumber: "IDEM-0001",
                              mineral: "钨", township: "鲇鱼山镇"}) { mine { id } } }""")
                    .execute().path("registerMine.mine.id").entity(String.class).get();
        }
        return mineId;
    }

    private Map<String, Object> input(String description) {
        return Map.of("mineId", mine(), "violationTypeCodes", List.of("T2.11"), "source", "PUBLIC_REPORT",
                "foundOn", "2023-06-01", "description", description);
    }

    private GraphQlTester.Response report(String user, String key, String description) {
        return as(user).document(REPORT).variable("input", input(description)).variable("key", key).execute();
    }

    private long count(String cypher) {
        try (var session = fixtureDriver.session()) {
            return session.run(cypher, Map.of("mine", mine())).single().get(0).asLong();
        }
    }

    private long problemsAtMine() {
        return count("MATCH (i:Issue)-[:AT]->(:Mine {id: $mine}) RETURN count(i)");
    }

    @Test
    void shouldCreateOneProblemForOneKeyEvenWhenRetriedAtOnce() throws Exception {
        long before = problemsAtMine();
        String first = report("office", "phone-retry-0001", "尾矿库渗漏(测试)").path("reportIssue.issue.id").entity(String.class).get();
        String again = report("office", "phone-retry-0001", "尾矿库渗漏(测试)").path("reportIssue.issue.id").entity(String.class).get();
        assertThat(again).isEqualTo(first);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> retries = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                retries.add(() -> report("office", "phone-retry-0002", "废石乱堆(测试)")
                        .path("reportIssue.issue.id").entity(String.class).get());
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : pool.invokeAll(retries)) {
                ids.add(id.get());
            }
            assertThat(ids).hasSize(6).containsOnly(ids.getFirst()).doesNotContain(first);
        } finally {
            pool.shutdown();
        }
        assertThat(problemsAtMine()).isEqualTo(before + 2);
        assertThat(count("""
                MATCH (c:Change {action: 'reportIssue'}) WHERE EXISTS { (:Issue {id: c.entityId})-[:AT]->(:Mine {id: $mine}) }
                RETURN count(c)""")).isEqualTo(before + 2);
    }

    @Test
    void shouldRefuseTheSameKeyWithOtherInputAndWriteNothing() {
        report("office", "phone-retry-0003", "粉尘超标(测试)").path("reportIssue.issue.id").hasValue();
        long before = problemsAtMine();
        report("office", "phone-retry-0003", "另一个问题(测试)").errors().satisfy(errors -> {
            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.getExtensions()).containsEntry("code", "IDEMPOTENCY_KEY_REUSED");
                assertThat(error.getPath()).isEqualTo("reportIssue");
            });
        });
        report("office", "short", "粉尘超标(测试)").errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")));
        assertThat(problemsAtMine()).isEqualTo(before);
    }

    @Test
    void shouldKeepKeysApartForDifferentCallers() {
        String byOffice = report("office", "shared-key-0001", "违规排水(测试)").path("reportIssue.issue.id").entity(String.class).get();
        String byEcology = report("ecology", "shared-key-0001", "违规排水(测试)").path("reportIssue.issue.id").entity(String.class).get();
        assertThat(byEcology).isNotEqualTo(byOffice);
    }

    @Test
    void shouldAnswerARepeatedOutcomeWithTheFirstEvenAfterItChangedVersionAndState() {
        var reported = as("office").document("""
                        mutation($input: ReportIssueInput!) { reportIssue(input: $input, idempotencyKey: "phone-retry-0004") {
                          issue { id version } } }""").variable("input", input("越界开采(测试)")).execute();
        String issue = reported.path("reportIssue.issue.id").entity(String.class).get();
        int version = reported.path("reportIssue.issue.version").entity(Integer.class).get();
        String closure = """
                mutation($issue: ID!, $version: Int) { recordOutcome(idempotencyKey: "closure-0004-abc",
                  input: {issueId: $issue, outcome: CLOSURE, on: "2023-07-01", decisionNumber: "昌关〔2023〕1号", version: $version}) {
                  issue { status outcomeRecords { outcome { code } } } } }""";
        for (int attempt = 0; attempt < 2; attempt++) {
            graphQl.document(closure).variable("issue", issue).variable("version", version).execute()
                    .path("recordOutcome.issue.status").entity(String.class).isEqualTo("SHUT_DOWN")
                    .path("recordOutcome.issue.outcomeRecords").entityList(Map.class).hasSize(1);
        }
    }
}
