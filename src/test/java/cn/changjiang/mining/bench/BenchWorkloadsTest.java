package cn.changjiang.mining.bench;

import cn.changjiang.mining.common.IssueStatus;
import cn.changjiang.mining.enforcement.JointEnforcementCandidate;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every benchmark workload once at size S, through GraphQL and through its hand-written Cypher, with the same
 * answer: the benchmark cannot measure a wrong one. Runs on a database of its own (its own context and folder), so
 * the generated ten thousand problems never reach the other tests' counts. Also checks that the departments kept on
 * each mine stay equal to a recount after imports, reports, assignments and closures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "accountability.graph.data-dir=target/test-graph/bench-${random.uuid}", "accountability.graph.demo-data=true",
        "accountability.graph.page-cache=64m"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchWorkloadsTest {

    /** Mines whose kept span or NEEDS_DEPARTMENT edges differ from a recount of their open problems. */
    private static final String STALE_SPANS = """
            MATCH (m:Mine)
            WITH m, coalesce(m.departmentSpan, 0) AS span,
                 COLLECT { MATCH (m)-[r:NEEDS_DEPARTMENT]->(u:Unit) WITH u.id + ':' + r.openIssues AS s ORDER BY s RETURN s } AS kept,
                 COLLECT { MATCH (i:Issue)-[:AT]->(m) WHERE i.status IN $openStatuses
                           UNWIND %s AS u
                           WITH DISTINCT u, i
                           WITH u, count(i) AS n
                           WITH u.id + ':' + n AS s ORDER BY s RETURN s } AS fresh
            WHERE span <> size(fresh) OR kept <> fresh
            RETURN m.id AS id""".formatted(JointEnforcementCandidate.DEPARTMENTS_OF_ISSUE);

    /**
     * Mines whose kept rank among joint-enforcement candidates differs from a recount today: the rank itself, or the
     * last day it stays right. A mine the ledger never ranked (no open problem ever written) ranks 0.
     */
    private static final String STALE_RANKS = """
            MATCH (m:Mine)
            WITH m, %s AS rank,
                 COLLECT { MATCH (i:Issue)-[:AT]->(m) WHERE i.status IN $openStatuses AND i.deadline >= date()
                           RETURN i.deadline AS d ORDER BY d LIMIT 1 }[0] AS goodUntil
            WHERE coalesce(m.jointRank, 0) <> rank OR m.rankGoodUntil <> goodUntil
               OR (m.rankGoodUntil IS NULL) <> (goodUntil IS NULL) OR (m.jointRank IS NOT NULL AND m.rankedOn <> date())
            RETURN m.id AS id""".formatted(JointEnforcementCandidate.rankOf("m", "date()"));

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    MeterRegistry meters;

    Target target;

    @BeforeAll
    void generateSizeS() throws Exception {
        String url = "http://localhost:" + port;
        String token = BenchOptions.token(url, "office");
        Generator.Result result = new Generator(url, driver, token, System.out)
                .generate(Generator.Size.S.mines, Generator.Size.S.problems, 7, 2_000);
        assertThat(result.problems()).isEqualTo(10_000);
        target = new Target(url, token, driver).pick();
    }

    @Test
    void shouldGiveTheSameAnswerThroughGraphQlAndThroughCypherForEveryReadWorkload() {
        for (Workloads.Workload w : Workloads.ALL.stream().filter(w -> !w.write()).toList()) {
            Object viaGraphQl = w.canonical().apply(Target.plain(target.graphQl(w.graphQl().apply(target)).get(w.answerField())));
            Object viaCypher = w.canonical().apply(target.cypher(w.cypher().apply(target), false));
            assertThat(viaGraphQl).as(w.id() + " " + w.title()).isEqualTo(viaCypher);
            assertThat(viaGraphQl.toString()).as(w.id() + " answers something").hasSizeGreaterThan(50);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReportAndAssignAlikeAndKeepEveryMinesDepartmentsRight() {
        assertThat(staleSpans()).as("after the import").isEmpty();
        assertThat(staleRanks()).as("ranks after the import").isEmpty();
        Workloads.Workload w = Workloads.W7;
        Map<String, Object> issue = (Map<String, Object>) ((Map<String, Object>) target.graphQl(w.graphQl().apply(target))
                .get("reportIssue")).get("issue");
        Map<String, Object> assigned = target.graphQl(new Workloads.Request(Workloads.W7_ASSIGN, Map.of("id", issue.get("id"))));
        Object viaCypher = target.cypher(w.cypher().apply(target), true);
        Object status = target.cypher(new Workloads.Request(Workloads.Cypher.ASSIGN, Map.of("id", viaCypher)), true);
        assertThat(((Map<String, Object>) ((Map<String, Object>) assigned.get("assignIssue")).get("issue")).get("status"))
                .isEqualTo(status).isEqualTo("RECTIFYING");
        try (Session session = driver.session()) {
            List<Object> shapes = session.run("""
                    MATCH (i:Issue) WHERE i.id IN $ids
                    RETURN i.id AS id, [i.status, i.deadline, i.measures, i.version,
                            COLLECT { MATCH (i)-[a:ASSIGNED_TO]->(u) RETURN a.role + ':' + u.id ORDER BY a.role },
                            COLLECT { MATCH (i)-[:OF_TYPE]->(v) RETURN v.code ORDER BY v.code },
                            COUNT { (i)-[:IN_PHASE]->() }, COUNT { (c:Change {entityId: i.id}) }] AS shape ORDER BY id""",
                    Map.of("ids", List.of(issue.get("id"), viaCypher))).list(r -> r.get("shape").asObject());
            assertThat(shapes).hasSize(2);
            assertThat(shapes.get(0)).isEqualTo(shapes.get(1));
        }
        assertThat(staleSpans()).as("after reports and assignments").isEmpty();
        assertThat(staleRanks()).as("ranks after reports and assignments").isEmpty();

        target.graphQl(new Workloads.Request("""
                mutation($id: ID!) { transitionIssue(input: {issueId: $id, to: ACCEPTANCE_REQUESTED}) { issue { status } } }""",
                Map.of("id", issue.get("id"))));
        assertThat(staleRanks()).as("ranks after a transition").isEmpty();

        target.graphQl(new Workloads.Request("""
                mutation($id: ID!) { recordOutcome(input: {issueId: $id, outcome: CLOSURE, on: "2026-11-20"}) { issue { status } } }""",
                Map.of("id", issue.get("id"))));
        assertThat(staleSpans()).as("after a closure").isEmpty();
        assertThat(staleRanks()).as("ranks after a closure").isEmpty();
    }

    @Test
    void shouldAnswerEveryReadWorkloadInRoundTripsThatDoNotDependOnTheSizeOfTheAnswer() {
        for (Workloads.Workload w : Workloads.ALL.stream().filter(w -> !w.write()).toList()) {
            double before = meters.counter("accountability.cypher.round-trips").count();
            target.graphQl(w.graphQl().apply(target));
            double roundTrips = meters.counter("accountability.cypher.round-trips").count() - before;
            assertThat(roundTrips).as(w.id() + " round trips").isBetween(1.0, 5.0);
        }
    }

    private List<String> staleRanks() {
        try (Session session = driver.session()) {
            return session.run(STALE_RANKS, IssueStatus.CYPHER_PARAMETERS).list(r -> r.get("id").asString());
        }
    }

    private List<String> staleSpans() {
        try (Session session = driver.session()) {
            return session.run(STALE_SPANS, IssueStatus.CYPHER_PARAMETERS).list(r -> r.get("id").asString());
        }
    }
}
