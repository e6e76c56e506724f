package cn.changjiang.mining.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The problem ledger through the API: its workflow, versions, refusals and the change records they leave. */
class LedgerTest extends IntegrationTest {

    private static final List<String> STATES = List.of("PENDING_ASSIGNMENT", "RECTIFYING", "ACCEPTANCE_REQUESTED",
            "CARRIED_OVER", "CLOSED", "SHUT_DOWN");

    /** The 销号 workflow as the ledger must allow it, written out independently of the code. */
    private static final Map<String, List<String>> LEGAL = Map.of(
            "PENDING_ASSIGNMENT", List.of("RECTIFYING", "SHUT_DOWN"),
            "RECTIFYING", List.of("ACCEPTANCE_REQUESTED", "CARRIED_OVER", "SHUT_DOWN"),
            "CARRIED_OVER", List.of("RECTIFYING", "ACCEPTANCE_REQUESTED", "SHUT_DOWN"),
            "ACCEPTANCE_REQUESTED", List.of("CLOSED", "RECTIFYING", "SHUT_DOWN"),
            "CLOSED", List.of(),
            "SHUT_DOWN", List.of());

    private static final String REPORT = """
            mutation($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id status version open phase { number } mine { id } } } }""";
    private static final String ASSIGN = """
            mutation($input: AssignIssueInput!) { assignIssue(input: $input) { issue { id status version assignedUnits { id } deadline supervised } } }""";
    private static final String TRANSITION = """
            mutation($input: TransitionIssueInput!) { transitionIssue(input: $input) { issue { id status version open closedOn acceptance { acceptedBy evidence } } } }""";
    private static final String HISTORY = "query($id: ID!) { history(id: $id) { action actor entityId requestId clientRequestId at changes { field from to } } }";

    private static Driver fixtureDriver;
    private static String mineId;

    @Autowired
    GraphQlSource graphQlSource;

    @BeforeAll
    static void registerTestMine(@Autowired Driver driver) {
        fixtureDriver = driver;
        removeTestData();
    }

    @AfterAll
    static void removeTestData() {
        TestFixtures.removeRegisteredMines(fixtureDriver, "TEST-");
    }

    private String mine() {
        if (mineId == null) {
            mineId = graphQl.document("""
                            mutation { registerMine(input: {name: "测试登记矿(测试)", licenseNumber: "TEST-C360200001",
                              mineral: "钨", township: "鲇鱼山镇"}) { mine { id } created } }""")
                    .execute().path("registerMine.mine.id").entity(String.class).get();
        }
        return mineId;
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    /**
     * The benchmark's W7 (report a problem, then assign it) in the round trips it needs: the checks each write makes
     * are read with its lock (or with each other), and what nobody waits for (the change record, the figures kept per
     * mine, the idempotency key's result) goes in one statement when the transaction commits.
     */
    @Test
    void shouldReportAndAssignInAFewRoundTrips() {
        String mine = mine();
        var counter = meters.counter("accountability.cypher.round-trips");
        double before = counter.count();
        String id = graphQl.document("""
                        mutation($mine: ID!) { reportIssue(input: {mineId: $mine, violationTypeCodes: ["T2.09", "T3.01"],
                          source: PUBLIC_REPORT, foundOn: "2026-11-01", description: "上报并交办(测试)"}) { issue { id } } }""")
                .variable("mine", mine).execute().path("reportIssue.issue.id").entity(String.class).get();
        double reported = counter.count() - before;
        graphQl.document("""
                        mutation($id: ID!) { assignIssue(input: {issueId: $id, leadUnit: "ECOLOGY", supportingUnits: ["POLICE"],
                          deadline: "2026-12-31", measures: "限期整改(测试)"}) { issue { id status } } }""")
                .variable("id", id).execute().path("assignIssue.issue.status").entity(String.class).isEqualTo("RECTIFYING");
        double assigned = counter.count() - before - reported;
        // Report: the checks' facts with the idempotency claim, the problem, then the deferred writes. Assign: the
        // lock with the checks' facts, the write, then the deferred writes.
        assertThat(reported).as("report").isEqualTo(3);
        assertThat(assigned).as("assign").isEqualTo(3);
        graphQl.document(HISTORY).variable("id", id).execute().path("history[*].action").entityList(String.class)
                .containsExactly("assignIssue", "reportIssue");
    }

    private String report(String foundOn) {
        return graphQl.document(REPORT).variable("input", Map.of("mineId", mine(), "violationTypeCodes", List.of("T2.11"),
                        "source", "PUBLIC_REPORT", "foundOn", foundOn, "description", "选矿废水外溢污染农田(测试)"))
                .execute().path("reportIssue.issue.id").entity(String.class).get();
    }

    private GraphQlTester.Response transition(String id, String to, Map<String, Object> extra) {
        Map<String, Object> input = new java.util.HashMap<>(extra);
        input.put("issueId", id);
        input.put("to", to);
        return graphQl.document(TRANSITION).variable("input", input).execute();
    }

    private static Map<String, Object> acceptance() {
        return Map.of("acceptance", Map.of("acceptedBy", "昌江生态环境局(测试)", "acceptedOn", LocalDate.now().minusDays(1).toString(),
                "evidence", List.of("验收报告 2026-001")));
    }

    private void assertRefused(GraphQlTester.Response response, String code) {
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getExtensions()).containsEntry("code", code);
        });
    }

    @Test
    void shouldReportAProblemWithItsPhaseAndRecordWhoAndWhichRequest() {
        var response = graphQl.mutate().header("X-Request-Id", "test-report-1").build()
                .document(REPORT).variable("input", Map.of("mineId", mine(), "violationTypeCodes", List.of("T2.09", "T2.11"),
                        "source", "MEDIA", "foundOn", "2023-06-01", "description", "粉尘和废水超标(测试)", "severity", "SERIOUS",
                        "evidence", List.of("照片 001")))
                .execute();
        response.path("reportIssue.issue.status").entity(String.class).isEqualTo("PENDING_ASSIGNMENT")
                .path("reportIssue.issue.phase.number").entity(Integer.class).isEqualTo(2)
                .path("reportIssue.issue.version").entity(Integer.class).isEqualTo(1)
                .path("reportIssue.issue.open").entity(Boolean.class).isEqualTo(true);
        String id = response.path("reportIssue.issue.id").entity(String.class).get();
        String requestId = response.path("$.extensions.requestId").entity(String.class).get();
        assertThat(requestId).as("made by the server").isNotEqualTo("test-report-1").hasSize(36);
        response.path("$.extensions.clientRequestId").entity(String.class).isEqualTo("test-report-1");
        graphQl.document(HISTORY).variable("id", id).execute()
                .path("history[0].action").entity(String.class).isEqualTo("reportIssue")
                .path("history[0].actor").entity(String.class).isEqualTo("office")
                .path("history[0].requestId").entity(String.class).isEqualTo(requestId)
                .path("history[0].clientRequestId").entity(String.class).isEqualTo("test-report-1")
                .path("history[0].changes[*].field").entityList(String.class).contains("status", "violationTypes", "mine");
    }

    @Test
    void shouldRefuseBadReportsWithACodeAndWriteNothing() {
        long changes = changeCount();
        assertRefused(graphQl.document(REPORT).variable("input", Map.of("mineId", "no-such-mine", "violationTypeCodes",
                List.of("T2.11"), "source", "MEDIA", "foundOn", "2023-06-01", "description", "x")).execute(), "NOT_FOUND");
        assertRefused(graphQl.document(REPORT).variable("input", Map.of("mineId", mine(), "violationTypeCodes",
                List.of("T9.99"), "source", "MEDIA", "foundOn", "2023-06-01", "description", "x")).execute(), "NOT_FOUND");
        assertRefused(graphQl.document(REPORT).variable("input", Map.of("mineId", mine(), "violationTypeCodes",
                List.of("T2.11"), "source", "MEDIA", "foundOn", "2999-01-01", "description", "x")).execute(), "BAD_REQUEST");
        assertRefused(graphQl.document(REPORT).variable("input", Map.of("mineId", mine(), "violationTypeCodes",
                List.of("T2.11"), "source", "MEDIA", "foundOn", "2023-06-01", "description", "  ")).execute(), "BAD_REQUEST");
        assertRefused(graphQl.document(REPORT).variable("input", Map.of("mineId", mine(), "violationTypeCodes",
                List.of("T2.11"), "source", "RUMOUR", "foundOn", "2023-06-01", "description", "x")).execute(),
                "GRAPHQL_VALIDATION_FAILED");
        assertThat(changeCount()).isEqualTo(changes);
    }

    @Test
    void shouldWalkTheWholeWorkflowAndRefuseEveryShortcut() {
        String id = report("2024-03-01");
        assertRefused(transition(id, "CLOSED", acceptance()), "ILLEGAL_TRANSITION");
        assertRefused(transition(id, "RECTIFYING", Map.of()), "ILLEGAL_TRANSITION");

        graphQl.document(ASSIGN).variable("input", Map.of("issueId", id, "leadUnit", "昌江生态环境局",
                        "supportingUnits", List.of("区农水局"), "measures", "截污治污,土壤修复", "deadline", "2099-12-31",
                        "supervised", true, "supervisor", "区政府(测试)", "version", 1))
                .execute()
                .path("assignIssue.issue.status").entity(String.class).isEqualTo("RECTIFYING")
                .path("assignIssue.issue.assignedUnits[*].id").entityList(String.class).containsExactly("ECOLOGY", "AGRI_WATER")
                .path("assignIssue.issue.version").entity(Integer.class).isEqualTo(2);
        graphQl.document("{ supervisedIssues { id } }").execute()
                .path("supervisedIssues[*].id").entityList(String.class).contains(id);

        assertRefused(transition(id, "CARRIED_OVER", Map.of()), "ILLEGAL_TRANSITION");
        transition(id, "ACCEPTANCE_REQUESTED", Map.of()).path("transitionIssue.issue.status").entity(String.class)
                .isEqualTo("ACCEPTANCE_REQUESTED");
        assertRefused(transition(id, "CLOSED", Map.of()), "ACCEPTANCE_REQUIRED");
        assertRefused(transition(id, "CLOSED", Map.of("acceptance", Map.of("acceptedBy", "某人", "acceptedOn",
                "2026-01-01", "evidence", List.of()))), "ACCEPTANCE_REQUIRED");
        transition(id, "RECTIFYING", Map.of("note", "验收不通过:土壤修复未完成"))
                .path("transitionIssue.issue.status").entity(String.class).isEqualTo("RECTIFYING");
        transition(id, "ACCEPTANCE_REQUESTED", Map.of());
        transition(id, "CLOSED", acceptance())
                .path("transitionIssue.issue.status").entity(String.class).isEqualTo("CLOSED")
                .path("transitionIssue.issue.open").entity(Boolean.class).isEqualTo(false)
                .path("transitionIssue.issue.acceptance.evidence").entityList(String.class).containsExactly("验收报告 2026-001")
                .path("transitionIssue.issue.closedOn").entity(String.class).isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
        assertRefused(transition(id, "RECTIFYING", Map.of()), "ILLEGAL_TRANSITION");

        graphQl.document(HISTORY).variable("id", id).execute()
                .path("history[*].action").entityList(String.class).containsExactly("transitionIssue", "transitionIssue",
                        "rejectAcceptance", "transitionIssue", "assignIssue", "reportIssue");
    }

    @Test
    void shouldAllowExactlyTheLegalTransitionsFromEveryState() {
        for (String from : STATES) {
            for (String to : STATES) {
                String id = report("2024-05-01");
                putInState(id, from);
                var response = transition(id, to, acceptance());
                if (LEGAL.get(from).contains(to)) {
                    response.path("transitionIssue.issue.status").entity(String.class).isEqualTo(to);
                } else {
                    assertRefused(response, "ILLEGAL_TRANSITION");
                }
            }
        }
    }

    /** Sets a problem's state directly: assigned, overdue, as a problem in that state would be. */
    private void putInState(String id, String status) {
        try (var session = fixtureDriver.session()) {
            session.run("""
                    MATCH (i:Issue {id: $id}), (u:Unit {id: 'ECOLOGY'})
                    MERGE (i)-[:ASSIGNED_TO {role: 'LEAD'}]->(u)
                    SET i.status = $status, i.deadline = date('2024-06-01')""", Map.of("id", id, "status", status)).consume();
        }
    }

    @Test
    void shouldLetOneOfTwoConcurrentUpdatesWinAndRefuseTheOtherWithAConflict() throws Exception {
        String id = report("2024-07-01");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<List<String>>> updates = new ArrayList<>();
        for (String lead : List.of("昌江生态环境局", "区农水局")) {
            updates.add(() -> {
                start.await();
                List<String> codes = new ArrayList<>();
                graphQl.document(ASSIGN).variable("input", Map.of("issueId", id, "leadUnit", lead, "version", 1,
                        "deadline", "2099-01-01")).execute().errors().satisfy(errors ->
                        errors.forEach(e -> codes.add(String.valueOf(e.getExtensions().get("code")))));
                return codes;
            });
        }
        List<Future<List<String>>> results = updates.stream().map(pool::submit).toList();
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<List<String>> result : results) {
            List<String> codes = result.get();
            outcomes.add(codes.isEmpty() ? "OK" : String.join(",", codes));
        }
        pool.shutdown();
        assertThat(outcomes).containsExactlyInAnyOrder("OK", "CONFLICT");
        graphQl.document("query($id: ID!) { issue(id: $id) { version assignedUnits { id } } }").variable("id", id).execute()
                .path("issue.version").entity(Integer.class).isEqualTo(2)
                .path("issue.assignedUnits").entityList(Object.class).hasSize(1);
        graphQl.document(HISTORY).variable("id", id).execute()
                .path("history[*].action").entityList(String.class).containsExactly("assignIssue", "reportIssue");
    }

    @Test
    void shouldRegisterAMineOnceAndUpdateItByLicenceNumber() {
        String register = """
                mutation($input: RegisterMineInput!) { registerMine(input: $input) { created mine { id name version township { name } minerals { name } } } }""";
        Map<String, Object> input = Map.of("name", "测试更新矿(测试)", "licenseNumber", "TEST-C360200002", "mineral", "瓷石",
                "township", "丽阳镇");
        var first = graphQl.document(register).variable("input", input).execute();
        first.path("registerMine.created").entity(Boolean.class).isEqualTo(true)
                .path("registerMine.mine.township.name").entity(String.class).isEqualTo("丽阳镇");
        String id = first.path("registerMine.mine.id").entity(String.class).get();
        var changed = new java.util.HashMap<>(input);
        changed.put("name", "测试更新矿(已更名)");
        changed.put("version", 1);
        graphQl.document(register).variable("input", changed).execute()
                .path("registerMine.created").entity(Boolean.class).isEqualTo(false)
                .path("registerMine.mine.id").entity(String.class).isEqualTo(id)
                .path("registerMine.mine.version").entity(Integer.class).isEqualTo(2);
        assertRefused(graphQl.document(register).variable("input", changed).execute(), "CONFLICT");
        graphQl.document(HISTORY).variable("id", id).execute()
                .path("history[0].changes[?(@.field == 'name')].to").entityList(String.class).containsExactly("测试更新矿(已更名)")
                .path("history").entityList(Object.class).hasSize(2);
    }

    @Test
    void shouldOfferNoWayToAlterOrDeleteAChangeRecord() {
        var mutations = graphQlSource.schema().getMutationType().getFieldDefinitions();
        assertThat(mutations).extracting(f -> f.getName().toLowerCase())
                .noneMatch(name -> name.contains("change") || name.contains("history") || name.contains("audit")
                        || name.startsWith("delete") || name.startsWith("remove"));
        assertRefused(graphQl.document("mutation { deleteChange(id: \"x\") }").execute(), "GRAPHQL_VALIDATION_FAILED");
        graphQl.document("{ __type(name: \"Change\") { fields { name args { name } } } }").execute()
                .path("__type.fields[*].args[*]").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldKeepAChangeRecordOfOutcomesAndSupervision() {
        String id = report("2024-02-01");
        graphQl.document("""
                        mutation($id: ID!) { recordOutcome(input: {issueId: $id, outcome: PENALTY, on: "2024-03-01", amount: 20000,
                          decisionNumber: "昌环罚〔2024〕7号"}) { issue { status outcomeRecords { outcome { code } amount decisionNumber } } } }""")
                .variable("id", id).execute()
                .path("recordOutcome.issue.outcomeRecords[0].decisionNumber").entity(String.class).isEqualTo("昌环罚〔2024〕7号");
        graphQl.document("mutation($id: ID!) { superviseIssue(input: {issueId: $id, supervised: true, supervisor: \"区政府\"}) { issue { supervised } } }")
                .variable("id", id).execute().path("superviseIssue.issue.supervised").entity(Boolean.class).isEqualTo(true);
        graphQl.document("""
                        mutation($id: ID!) { recordOutcome(input: {issueId: $id, outcome: CLOSURE, on: "2024-04-01"}) { issue { status open } } }""")
                .variable("id", id).execute().path("recordOutcome.issue.status").entity(String.class).isEqualTo("SHUT_DOWN");
        graphQl.document(HISTORY).variable("id", id).execute()
                .path("history[*].action").entityList(String.class)
                .containsExactly("recordOutcome", "superviseIssue", "recordOutcome", "reportIssue")
                .path("history[2].changes[?(@.field == 'outcome.PENALTY')].to").entityList(String.class)
                .containsExactly("2024-03-01 / 20000.0 元 / 昌环罚〔2024〕7号")
                .path("history[0].changes[?(@.field == 'status')].to").entityList(String.class).containsExactly("SHUT_DOWN");
    }

    @Test
    void shouldListOverdueProblemsForAUnitNamedByAlias() {
        String id = report("2024-01-10");
        graphQl.document(ASSIGN).variable("input", Map.of("issueId", id, "leadUnit", "区农水局", "deadline", "2024-02-01"))
                .execute().errors().verify();
        graphQl.document("{ overdueIssues(unit: \"区农水局\") { id overdue } }").execute()
                .path("overdueIssues[*].id").entityList(String.class).contains(id)
                .path("overdueIssues[*].overdue").entityList(Boolean.class).doesNotContain(false);
        transition(id, "CARRIED_OVER", Map.of()).path("transitionIssue.issue.status").entity(String.class).isEqualTo("CARRIED_OVER");
    }

    private long changeCount() {
        try (var session = fixtureDriver.session()) {
            return session.run("MATCH (c:Change) RETURN count(c) AS n").single().get("n").asLong();
        }
    }
}
