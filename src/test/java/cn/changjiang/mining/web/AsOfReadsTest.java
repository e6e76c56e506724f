package cn.changjiang.mining.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.TestFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads as of a past moment: a sequence of changes through the API (a mine registered, problems reported, assigned,
 * put under 挂牌督办, closed by 销号, an outcome, a joint action opened, the mine moved to another township), with every
 * read that takes {@code asOf} snapshotted after each step. Asked afterwards {@code asOf} each step's moment, every
 * read answers that step's snapshot exactly; and nothing the rebuilding did is left behind.
 */
class AsOfReadsTest extends IntegrationTest {

    private static final String PREFIX = "TEST-ASOF-";

    /** Every ledger-wide read that takes asOf, over what the steps change. */
    private static final String LEDGER = """
            query Ledger($asOf: DateTime, $mine: ID!) {
              issues(first: 100, filter: {township: "鲇鱼山镇"}, asOf: $asOf) {
                totalCount edges { node { id status version deadline measures supervised closedOn overdue } } }
              overdueOpen: issues(first: 100, filter: {open: true, overdue: true}, asOf: $asOf) { totalCount edges { node { id } } }
              overdueIssues(asOf: $asOf) { id deadline }
              supervisedIssues(asOf: $asOf) { id supervisor }
              byStatus: issueCounts(groupBy: [STATUS], asOf: $asOf) { keys count open overdue }
              byUnitAndTownship: issueCounts(groupBy: [UNIT, TOWNSHIP], asOf: $asOf) { keys count open overdue }
              byMineral: issueCounts(groupBy: [MINERAL, STATUS], asOf: $asOf) { keys count open overdue }
              series: issueTimeSeries(interval: MONTH, asOf: $asOf) { period opened closed }
              unitScorecards(asOf: $asOf) { unit { id } assigned open overdue closedOnTime closedLate }
              jointEnforcementCandidates(first: 50, asOf: $asOf) {
                totalCount edges { node { mine { id } departmentCount openIssueCount overdueIssueCount seriousIssueCount
                                          openAction { id status } } } }
              jointEnforcementActions(asOf: $asOf) { id status }
              mineAccountabilityChain(mineId: $mine, asOf: $asOf) { level kind id role grounds }
            }""";
    private static final List<String> LEDGER_FIELDS = List.of("issues", "overdueOpen", "overdueIssues", "supervisedIssues",
            "byStatus", "byUnitAndTownship", "byMineral", "series", "unitScorecards", "jointEnforcementCandidates",
            "jointEnforcementActions", "mineAccountabilityChain");

    /** A problem and its chain as of a moment. */
    private static final String PROBLEM = """
            query Problem($asOf: DateTime, $id: ID!) {
              issue(id: $id, asOf: $asOf) { id status version deadline measures supervised supervisor closedOn overdue
                assignments { role unit { id } } supervisingUnit { id } outcomeRecords { outcome { code } on }
                acceptance { acceptedBy acceptedOn } mine { id township { name } minerals { name } } }
              accountabilityChain(issueId: $id, asOf: $asOf) { level kind id role grounds }
            }""";

    /** A joint action as of a moment. */
    private static final String ACTION = """
            query Action($asOf: DateTime, $id: ID!) { jointEnforcementAction(id: $id, asOf: $asOf) { id status plannedOn } }""";

    private static Driver fixtureDriver;

    @Autowired
    org.springframework.graphql.execution.GraphQlSource graphQlSource;

    @Autowired
    java.time.Clock clock;

    @BeforeAll
    static void clean(@Autowired Driver driver) {
        fixtureDriver = driver;
        removeTestData();
    }

    @AfterAll
    static void removeTestData() {
        TestFixtures.removeRegisteredMines(fixtureDriver, PREFIX);
    }

    private record Step(String name, Instant at, Map<String, Object> ledger, Map<String, Map<String, Object>> problems) {
    }

    @Test
    void shouldAnswerEveryReadAsOfEachStepAsItAnsweredThen() throws InterruptedException {
        String mine = register("鲇鱼山镇", "钨");
        List<String> problems = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        steps.add(snapshot("registered", mine, problems));

        LocalDate today = LocalDate.now(clock);
        String a = report(mine, today.minusDays(20), List.of("T2.11"));
        problems.add(a);
        steps.add(snapshot("reported A", mine, problems));

        assign(a, Map.of("leadUnit", "昌江生态环境局", "supportingUnits", List.of("区农水局"), "measures", "截污整改",
                "deadline", today.minusDays(2).toString()));
        steps.add(snapshot("assigned A, overdue", mine, problems));

        String b = report(mine, today.minusDays(10), List.of("T2.09", "T3.01"));
        problems.add(b);
        assign(b, Map.of("leadUnit", "昌江公安分局", "measures", "立案查处", "deadline", today.plusDays(10).toString()));
        steps.add(snapshot("reported and assigned B: the mine spans departments", mine, problems));

        mutate("mutation($input: SuperviseIssueInput!) { superviseIssue(input: $input) { issue { id } } }",
                Map.of("issueId", a, "supervised", true, "supervisor", "区专班(测试)"));
        steps.add(snapshot("A under 挂牌督办", mine, problems));

        assign(a, Map.of("deadline", today.plusDays(5).toString(), "measures", "截污整改并复绿"));
        mutate("mutation($input: TransitionIssueInput!) { transitionIssue(input: $input) { issue { id } } }",
                Map.of("issueId", a, "to", "ACCEPTANCE_REQUESTED"));
        mutate("mutation($input: TransitionIssueInput!) { transitionIssue(input: $input) { issue { id } } }",
                Map.of("issueId", a, "to", "CLOSED", "acceptance", Map.of("acceptedBy", "区专班办公室(测试)",
                        "acceptedOn", today.toString(), "evidence", List.of("验收报告", "现场照片"))));
        steps.add(snapshot("A 销号", mine, problems));

        mutate("mutation($input: RecordOutcomeInput!) { recordOutcome(input: $input) { issue { id } } }",
                Map.of("issueId", b, "outcome", "EXPOSURE", "on", today.toString(), "where", "区融媒体中心(测试)"));
        String action = graphQl.document("""
                mutation($input: OpenJointEnforcementActionInput!) { openJointEnforcementAction(input: $input) { action { id } } }""")
                .variable("input", Map.of("mineId", mine, "leadUnitId", "POLICE", "participatingUnitIds", List.of("ECOLOGY"),
                        "issueIds", List.of(b), "plannedOn", today.plusDays(3).toString()))
                .execute().path("openJointEnforcementAction.action.id").entity(String.class).get();
        steps.add(snapshot("B exposed, a joint action opened", mine, problems));

        register("罗家桥乡", "高岭土");
        steps.add(snapshot("the mine moved to another township, another mineral", mine, problems));

        assertThat(steps.getFirst().ledger()).as("the steps change what the reads answer")
                .isNotEqualTo(steps.getLast().ledger());
        for (int n = 1; n < steps.size(); n++) {
            assertThat(steps.get(n).ledger().equals(steps.get(n - 1).ledger())
                    && steps.get(n).problems().equals(steps.get(n - 1).problems()))
                    .as("step '%s' changes some answer", steps.get(n).name()).isFalse();
        }

        for (Step step : steps) {
            String asOf = step.at().atOffset(ZoneOffset.ofHours(8)).toString();
            assertThat(ledger(asOf, mine)).as("the ledger's reads as of '%s'", step.name()).isEqualTo(step.ledger());
            for (String problem : problems) {
                Map<String, Object> then = problem(asOf, problem);
                if (step.problems().containsKey(problem)) {
                    assertThat(then).as("problem %s as of '%s'", problem, step.name()).isEqualTo(step.problems().get(problem));
                } else {
                    assertThat(then.get("issue")).as("problem %s did not exist yet at '%s'", problem, step.name()).isNull();
                }
            }
        }

        int opened = steps.size() - 2; // the step that opened the action
        for (int n = 0; n < steps.size(); n++) {
            String asOf = steps.get(n).at().atOffset(ZoneOffset.ofHours(8)).toString();
            var answer = graphQl.document(ACTION).variable("asOf", asOf).variable("id", action).execute()
                    .path("jointEnforcementAction");
            if (n < opened) {
                answer.valueIsNull();
            } else {
                answer.entity(Map.class).satisfies(then -> assertThat(then).containsEntry("id", action).containsEntry("status", "OPEN"));
            }
        }

        Step last = steps.getLast();
        assertThat(ledger(null, mine)).as("nothing the rebuilding did was committed").isEqualTo(last.ledger());
        for (String problem : problems) {
            assertThat(problem(null, problem)).isEqualTo(last.problems().get(problem));
        }
    }

    /**
     * The change records did not exist before they were made: as of a moment, a problem's history and the records'
     * list end there, also for a unit that led the problem then and was replaced since (it may not read what came after).
     */
    @Test
    void shouldReadTheChangeRecordsMadeByTheMomentOnly() throws InterruptedException {
        String mine = graphQl.document("mutation($input: RegisterMineInput!) { registerMine(input: $input) { mine { id } } }")
                .variable("input", Map.of("name", "时点记录测试矿(测试)", "licenseNumber", PREFIX + "0002", "mineral", "钨",
                        "township", "鲇鱼山镇"))
                .execute().path("registerMine.mine.id").entity(String.class).get();
        String problem = report(mine, LocalDate.now(clock).minusDays(3), List.of("T3.01"));
        assign(problem, Map.of("leadUnit", "POLICE", "measures", "收缴民爆物品(测试)"));
        Thread.sleep(15);
        String moment = Instant.now().atOffset(ZoneOffset.ofHours(8)).toString();
        Thread.sleep(15);
        assign(problem, Map.of("leadUnit", "ECOLOGY", "measures", "后来的措施(测试)"));

        String records = """
                query($asOf: DateTime, $id: ID!) { issue(id: $id, asOf: $asOf) { id }
                  history(id: $id) { action changes { field to } }
                  changes(where: {entityId: {eq: $id}}) { totalCount edges { node { action changes { field to } } } } }""";
        GraphQlTester.Response now = graphQl.document(records).variable("id", problem).execute();
        assertThat(now.path("history[*].action").entityList(String.class).get()).containsExactlyInAnyOrder("reportIssue", "assignIssue", "assignIssue");
        now.path("changes.totalCount").entity(Integer.class).isEqualTo(3);
        as("police").document("query($id: ID!) { changes(where: {entityId: {eq: $id}}) { totalCount } }")
                .variable("id", problem).execute()
                .path("changes.totalCount").entity(Integer.class).isEqualTo(0);

        for (GraphQlTester tester : List.of(graphQl, as("police"))) {
            GraphQlTester.Response then = tester.document(records).variable("asOf", moment).variable("id", problem).execute();
            assertThat(then.path("history[*].action").entityList(String.class).get()).containsExactlyInAnyOrder("reportIssue", "assignIssue");
            assertThat(then.path("changes.edges[*].node.action").entityList(String.class).get()).containsExactlyInAnyOrder("reportIssue", "assignIssue");
            then.path("changes.totalCount").entity(Integer.class).isEqualTo(2);
            assertThat(then.path("changes").entity(Object.class).get().toString()).doesNotContain("后来的措施");
        }
    }

    /** Every query field that takes asOf is among those the snapshots above compare, so none is left unchecked. */
    @Test
    void shouldCheckEveryReadThatTakesAsOf() {
        List<String> takingAsOf = graphQlSource.schema().getQueryType().getFieldDefinitions().stream()
                .filter(field -> field.getArgument("asOf") != null).map(field -> field.getName()).toList();
        assertThat(takingAsOf).isNotEmpty().allSatisfy(field -> assertThat(LEDGER + PROBLEM + ACTION)
                .as("a read of " + field + " as of each step").containsPattern("\\b" + field + "\\("));
    }

    @Test
    void shouldRefuseTwoMomentsInOneRequestAndAMomentInTheFuture() {
        String now = Instant.now().atOffset(ZoneOffset.ofHours(8)).toString();
        String earlier = Instant.now().minusSeconds(3600).atOffset(ZoneOffset.ofHours(8)).toString();
        String future = Instant.now().plusSeconds(3600).atOffset(ZoneOffset.ofHours(8)).toString();
        assertRefused("{ a: issueCounts(groupBy: [STATUS], asOf: \"%s\") { count } b: issueCounts(groupBy: [STATUS], asOf: \"%s\") { count } }"
                .formatted(now, earlier));
        assertRefused("{ issueCounts(groupBy: [STATUS], asOf: \"%s\") { count } }".formatted(future));
        graphQl.document("{ a: issueCounts(groupBy: [STATUS], asOf: \"%s\") { count } b: issueCounts(groupBy: [STATUS], asOf: \"%s\") { count } }"
                        .formatted(earlier, earlier)).execute().path("a").entity(Object.class)
                .isEqualTo(graphQl.document("{ b: issueCounts(groupBy: [STATUS], asOf: \"%s\") { count } }".formatted(earlier))
                        .execute().path("b").entity(Object.class).get());
    }

    @Test
    void shouldRefuseAnAnonymousCallerAsOfAnyMoment() {
        anonymous.document("{ issueCounts(groupBy: [STATUS], asOf: \"2023-06-30T23:59:59+08:00\") { count } }").execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                        .allMatch(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("code"))));
    }

    private void assertRefused(String document) {
        graphQl.document(document).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("code", "BAD_REQUEST").containsEntry("argument", "asOf");
                }));
    }

    private Step snapshot(String name, String mine, List<String> problems) throws InterruptedException {
        Thread.sleep(15);
        Instant at = Instant.now();
        Thread.sleep(15);
        Map<String, Map<String, Object>> byProblem = new LinkedHashMap<>();
        problems.forEach(problem -> byProblem.put(problem, problem(null, problem)));
        Step step = new Step(name, at, ledger(null, mine), byProblem);
        Thread.sleep(15);
        return step;
    }

    private Map<String, Object> ledger(String asOf, String mine) {
        GraphQlTester.Response response = graphQl.document(LEDGER).variable("asOf", asOf).variable("mine", mine).execute();
        Map<String, Object> answers = new LinkedHashMap<>();
        LEDGER_FIELDS.forEach(field -> answers.put(field, response.path(field).entity(Object.class).get()));
        return answers;
    }

    /** A problem and its chain as of a moment; a problem that did not exist then
     * has no answer: its chain is NOT_FOUND (as for an id never known). */
    private Map<String, Object> problem(String asOf, String id) {
        GraphQlTester.Response response = graphQl.document(PROBLEM).variable("asOf", asOf).variable("id", id).execute();
        List<String> chainErrors = new ArrayList<>();
        response.errors().filter(e -> {
            chainErrors.add(e.getPath() + " " + e.getExtensions().get("code"));
            return true;
        }).verify();
        Map<String, Object> answers = new HashMap<>();
        if (chainErrors.isEmpty()) {
            answers.put("issue", response.path("issue").entity(Object.class).get());
            answers.put("chain", response.path("accountabilityChain").entity(Object.class).get());
        } else {
            // The chain is non-null, so its NOT_FOUND nulls the whole answer, the problem with it.
            assertThat(chainErrors).containsExactly("accountabilityChain NOT_FOUND");
            answers.put("issue", null);
        }
        return answers;
    }

    private String register(String township, String mineral) {
        return graphQl.document("mutation($input: RegisterMineInput!) { registerMine(input: $input) { mine { id } } }")
                .variable("input", Map.of("name", "时点测试矿(测试)", "licenseNumber", PREFIX + "0001", "mineral", mineral,
                        "township", township))
                .execute().path("registerMine.mine.id").entity(String.class).get();
    }

    private String report(String mine, LocalDate foundOn, List<String> types) {
        return graphQl.document("mutation($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id } } }")
                .variable("input", Map.of("mineId", mine, "violationTypeCodes", types, "source", "PUBLIC_REPORT",
                        "foundOn", foundOn.toString(), "description", "时点测试(测试)"))
                .execute().path("reportIssue.issue.id").entity(String.class).get();
    }

    private void assign(String id, Map<String, Object> fields) {
        Map<String, Object> input = new HashMap<>(fields);
        input.put("issueId", id);
        mutate("mutation($input: AssignIssueInput!) { assignIssue(input: $input) { issue { id } } }", input);
    }

    private void mutate(String document, Map<String, Object> input) {
        graphQl.document(document).variable("input", input).execute().errors().verify();
    }
}
