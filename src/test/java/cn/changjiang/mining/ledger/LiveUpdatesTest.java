package cn.changjiang.mining.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.TestFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscriptions over WebSocket (graphql-ws), as a browser's client would use them: signed in through the
 * connection_init payload, receiving what mutations change as they commit, with the same authorization as queries.
 */
class LiveUpdatesTest extends IntegrationTest {

    private static final String LEDGER_CHANGED = """
            subscription($type: String) { ledgerChanged(entityType: $type) { action actor entityId entityType requestId clientRequestId changes { field to } } }""";
    private static final String CANDIDATE_APPEARED = """
            subscription { jointEnforcementCandidateAppeared(minDepartments: 2) { mine { id } departmentCount departments { unit { id } } } }""";

    private static Driver fixtureDriver;
    private final Disposable.Composite subscriptions = Disposables.composite();

    @BeforeAll
    static void remember(@Autowired Driver driver) {
        fixtureDriver = driver;
        removeTestData();
    }

    @AfterAll
    static void removeTestData() {
        TestFixtures.removeRegisteredMines(fixtureDriver, "LIVE-");
    }

    @AfterEach
    void unsubscribe() {
        subscriptions.dispose();
    }

    /** A graphql-ws client that signs in with the token in its connection_init payload, or not at all when null. */
    private WebSocketGraphQlClient socket(String bearerToken) {
        return WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql", new StandardWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return bearerToken == null ? Mono.empty()
                                : Mono.just(Map.of("Authorization", "Bearer " + bearerToken));
                    }
                })
                .build();
    }

    private BlockingQueue<Object> subscribe(String username, String document, Map<String, Object> variables) {
        return subscribeWithToken(token(username), document, variables);
    }

    private BlockingQueue<Object> subscribeWithToken(String bearerToken, String document, Map<String, Object> variables) {
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        subscriptions.add(socket(bearerToken).document(document).variables(variables).executeSubscription()
                .subscribe(response -> received.add(response.isValid() ? response.getData() : response.getErrors()),
                        received::add));
        return received;
    }

    /** Registers (or renames) the test mine until every queue has heard of it: then each subscription is live. */
    @SafeVarargs
    private String registerMineUntilHeardBy(BlockingQueue<Object>... queues) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            String mineId = graphQl.document("""
                            mutation($name: String!) { registerMine(input: {name: $name, licenseNumber: "LIVE-0001",
                              mineral: "钨", township: "鲇鱼山镇"}) { mine { id } } }""")
                    .variable("name", "订阅测试矿(测试)" + attempt).execute()
                    .path("registerMine.mine.id").entity(String.class).get();
            Thread.sleep(200);
            if (Arrays.stream(queues).noneMatch(BlockingQueue::isEmpty)) {
                return mineId;
            }
        }
        throw new AssertionError("the subscriptions heard nothing in 10 s");
    }

    /** The next change to a problem, past the mine registrations that showed the subscription was live. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> nextIssueChange(BlockingQueue<Object> queue) throws InterruptedException {
        while (true) {
            Object event = queue.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("an event within 10 s").isInstanceOf(Map.class);
            Map<String, Object> change = (Map<String, Object>) ((Map<String, Object>) event).get("ledgerChanged");
            if (!"Mine".equals(change.get("entityType"))) {
                return change;
            }
        }
    }

    private String report(String mineId, String violationType) {
        return graphQl.mutate().header("X-Request-Id", "live-" + violationType).build().document("""
                        mutation($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id } } }""")
                .variable("input", Map.of("mineId", mineId, "violationTypeCodes", List.of(violationType),
                        "source", "PUBLIC_REPORT", "foundOn", "2023-06-01", "description", "订阅测试(测试)"))
                .execute().path("reportIssue.issue.id").entity(String.class).get();
    }

    @Test
    void shouldPushLedgerChangesAndNewCandidatesAsMutationsCommit() throws InterruptedException {
        BlockingQueue<Object> candidates = subscribe("office", CANDIDATE_APPEARED, Map.of());
        BlockingQueue<Object> office = subscribe("office", LEDGER_CHANGED, Map.of());
        BlockingQueue<Object> police = subscribe("police", LEDGER_CHANGED, Map.of());
        String mineId = registerMineUntilHeardBy(office, police);

        String unlicensed = report(mineId, "T2.01");
        Map<String, Object> reported = nextIssueChange(office);
        assertThat(reported).containsEntry("action", "reportIssue").containsEntry("entityId", unlicensed)
                .containsEntry("entityType", "Issue").containsEntry("actor", "office").containsEntry("clientRequestId", "live-T2.01");
        assertThat(candidates.poll(1, TimeUnit.SECONDS)).as("one department is no case for 联合执法").isNull();

        String pollution = report(mineId, "T2.09");
        Object event = candidates.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("a new candidate within 10 s").isInstanceOf(Map.class);
        Map<?, ?> candidate = (Map<?, ?>) ((Map<?, ?>) event).get("jointEnforcementCandidateAppeared");
        assertThat(candidate.get("mine")).isEqualTo(Map.of("id", mineId));
        assertThat(candidate.get("departmentCount")).isEqualTo(2);
        assertThat(((List<?>) candidate.get("departments")).stream()
                .map(d -> String.valueOf(((Map<?, ?>) ((Map<?, ?>) d).get("unit")).get("id"))).toList())
                .containsExactlyInAnyOrder("NATURAL_RESOURCES", "ECOLOGY");

        graphQl.document("""
                        mutation($input: AssignIssueInput!) { assignIssue(input: $input) { issue { id } } }""")
                .variable("input", Map.of("issueId", pollution, "leadUnit", "POLICE")).execute()
                .path("assignIssue.issue.id").entity(String.class).isEqualTo(pollution);
        Map<String, Object> policeHeard = nextIssueChange(police);
        assertThat(policeHeard).as("the police hear of their own problem only, not of the two reports before")
                .containsEntry("action", "assignIssue").containsEntry("entityId", pollution);
        assertThat(nextIssueChange(office)).containsEntry("action", "reportIssue").containsEntry("entityId", pollution);
        assertThat(nextIssueChange(office)).containsEntry("action", "assignIssue").containsEntry("entityId", pollution);
    }

    @Test
    void shouldRefuseSubscriptionsWithoutAValidToken() throws InterruptedException {
        Object refusal = subscribeWithToken(null, LEDGER_CHANGED, Map.of()).poll(10, TimeUnit.SECONDS);
        assertThat(refusal).isInstanceOf(List.class);
        assertThat((List<?>) refusal).singleElement()
                .satisfies(error -> assertThat(((ResponseError) error).getExtensions()).containsEntry("code", "UNAUTHENTICATED"));

        Object closed = subscribeWithToken("not-a-token", CANDIDATE_APPEARED, Map.of()).poll(10, TimeUnit.SECONDS);
        assertThat(closed).as("a bad token in connection_init closes the connection").isInstanceOf(Throwable.class);
    }
}
