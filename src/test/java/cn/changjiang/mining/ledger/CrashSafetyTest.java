package cn.changjiang.mining.ledger;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the app with SIGKILL in the middle of a stream of ledger mutations from several clients, three times at
 * different moments, restarting it on the same embedded database each time; then checks that every mutation that was
 * answered with success is there exactly once, with exactly one change record carrying its request id, and that a
 * creation retried with its key after the crash finds the first one.
 */
class CrashSafetyTest {

    private static final int CLIENTS = 4;
    /** Each round kills the app once this many more writes are acknowledged: three different moments mid-stream. */
    private static final int[] KILL_AFTER_ACKS = {15, 40, 25};
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A mutation answered with success: what it was, the request id it carried, and the problem it touched. */
    record Ack(String kind, String key, String requestId, String issueId) {
    }

    private final Path dataDir = Path.of("target/crash-test", UUID.randomUUID().toString());
    private final int port = freePort();
    private final Queue<Ack> acknowledged = new ConcurrentLinkedQueue<>();
    private Process app;

    @Test
    void shouldKeepEveryAcknowledgedWriteExactlyOnceAcrossKills() throws Exception {
        for (int round = 0; round < KILL_AFTER_ACKS.length; round++) {
            start(round);
            String token = token();
            streamMutationsThenKill(round, token, KILL_AFTER_ACKS[round]);
        }
        start(KILL_AFTER_ACKS.length);
        try {
            String token = token();
            List<Ack> acks = List.copyOf(acknowledged);
            assertThat(acks.stream().filter(a -> a.kind().equals("report"))).as("reports acknowledged").hasSizeGreaterThan(10);
            for (Ack ack : acks) {
                JsonNode data = graphql(token, UUID.randomUUID().toString(), """
                        query($id: ID!, $text: String!) {
                          issue(id: $id) { id }
                          issues(filter: {text: $text}) { totalCount }
                          history(id: $id) { action clientRequestId }
                        }""", Map.of("id", ack.issueId(), "text", "[" + ack.key() + "]")).path("data");
                assertThat(data.path("issue").path("id").asString()).as("acknowledged %s is there", ack).isEqualTo(ack.issueId());
                assertThat(data.path("issues").path("totalCount").asInt()).as("%s exactly once", ack).isEqualTo(1);
                long records = data.path("history").valueStream()
                        .filter(change -> change.path("clientRequestId").asString().equals(ack.requestId())).count();
                assertThat(records).as("change records of %s", ack).isEqualTo(1);
            }
            for (Ack ack : acks.stream().filter(a -> a.kind().equals("report")).limit(5).toList()) {
                assertThat(report(token, ack.key(), UUID.randomUUID().toString())).as("retried %s", ack).isEqualTo(ack.issueId());
            }
            System.out.printf("Crash test: %d kills, %d acknowledged writes checked (%d reports, %d assignments)%n",
                    KILL_AFTER_ACKS.length, acks.size(), acks.stream().filter(a -> a.kind().equals("report")).count(),
                    acks.stream().filter(a -> a.kind().equals("assign")).count());
        } finally {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void streamMutationsThenKill(int round, String token, int killAfterAcks) throws Exception {
        int target = acknowledged.size() + killAfterAcks;
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int client = 0; client < CLIENTS; client++) {
            int c = client;
            clients.submit(() -> {
                for (int n = 0; running.get(); n++) {
                    String key = "crash-" + round + "-" + c + "-" + n;
                    try {
                        String issueId = report(token, key, key);
                        if (issueId != null) {
                            acknowledged.add(new Ack("report", key, key, issueId));
                            if (n % 2 == 1 && assign(token, issueId, key + "-assign")) {
                                acknowledged.add(new Ack("assign", key, key + "-assign", issueId));
                            }
                        }
                    } catch (IOException | InterruptedException e) {
                        return null; // the app is gone: this request has no answer, so it is not acknowledged
                    }
                }
                return null;
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledged.size() < target && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(acknowledged.size()).as("writes acknowledged before the kill").isGreaterThanOrEqualTo(target);
        app.destroyForcibly();   // SIGKILL, with the clients' next requests in flight
        running.set(false);
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    /** Reports a problem under an idempotency key; the problem's id when the answer is a success, else null. */
    private String report(String token, String key, String requestId) throws IOException, InterruptedException {
        JsonNode answer = graphql(token, requestId, """
                mutation($input: ReportIssueInput!, $key: String) {
                  reportIssue(input: $input, idempotencyKey: $key) { issue { id } } }""",
                Map.of("key", key, "input", Map.of("mineId", "demo-mine-0" + (1 + Math.floorMod(key.hashCode(), 9)),
                        "violationTypeCodes", List.of("T2.11"), "source", "PUBLIC_REPORT", "foundOn", "2023-06-01",
                        "description", "崩溃测试 [" + key + "]")));
        JsonNode id = answer.path("data").path("reportIssue").path("issue").path("id");
        return answer.path("errors").isEmpty() && id.isString() ? id.asString() : null;
    }

    private boolean assign(String token, String issueId, String requestId) throws IOException, InterruptedException {
        JsonNode answer = graphql(token, requestId, """
                mutation($input: AssignIssueInput!) { assignIssue(input: $input) { issue { id } } }""",
                Map.of("input", Map.of("issueId", issueId, "leadUnit", "ECOLOGY")));
        return answer.path("errors").isEmpty() && answer.path("data").path("assignIssue").path("issue").path("id").isString();
    }

    private JsonNode graphql(String token, String requestId, String document, Map<String, Object> variables)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", document, "variables", variables))))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private String token() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"office\",\"password\":\"demo-office\"}"))
                .build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asString();
    }

    /** Starts the app in a process of its own on the test's database folder, and waits until it answers. */
    private void start(int round) throws Exception {
        Files.createDirectories(dataDir);
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
                "-cp", classpath, "cn.changjiang.mining.AccountabilityGraphApplication",
                "--server.port=" + port, "--accountability.graph.data-dir=" + dataDir.resolve("graph"),
                "--accountability.graph.demo-data=true", "--logging.level.root=warn"));
        app = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("app-" + round + ".log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("the app is running; see %s", dataDir.resolve("app-" + round + ".log")).isTrue();
            try {
                if (!token().isEmpty()) {
                    return;
                }
            } catch (IOException | RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The app did not answer within 120 s; see " + dataDir.resolve("app-" + round + ".log"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
