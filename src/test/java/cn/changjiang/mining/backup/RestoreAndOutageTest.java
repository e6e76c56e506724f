package cn.changjiang.mining.backup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import cn.changjiang.mining.AccountabilityGraphApplication;
import cn.changjiang.mining.ExternalServer;
import cn.changjiang.mining.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backup, restore and outages end to end, with one extra application: a backup of the shared test database is
 * restored (on start, RESTORE_FROM) into an empty Neo4j server started in this JVM, and a second app on that server
 * must answer the same questions identically. Then that server is stopped: the app answers UNAVAILABLE within a
 * bound and reports DOWN, and once the server is back on the same port and folder it recovers by itself. Last, the
 * app is closed while a change is in flight: the change finishes before the connection to the database closes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestoreAndOutageTest extends IntegrationTest {

    /** The questions both databases must answer alike; the second is the audit trail of a problem made below. */
    private static final List<String> QUESTIONS = List.of(
            "{ accountabilityChain(issueId: \"demo-issue-002\") { level kind id name role grounds } }",
            "query($id: ID!) { history(id: $id) { id at actor action entityId entityType requestId changes { field from to } } }",
            """
            { jointEnforcementCandidates(minDepartments: 2, first: 10) { totalCount edges { node {
                mine { id name township { name } } departmentCount departments { unit { id } issues { id title overdue } }
                suggestedLead { id } criminalMatter mustJoin { id } } } } }""",
            "{ issueCounts(groupBy: [TOWNSHIP, STATUS]) { keys count open overdue } }",
            "{ issues(first: 100, orderBy: {field: DEADLINE, direction: ASC}) { totalCount edges { node { id title status foundOn deadline } } } }",
            "{ minesNear(latitude: 29.22, longitude: 117.13, radiusKm: 30) { distanceKm mine { id name } } }",
            "{ search(text: \"萤石\", types: [Mine, Issue]) { id type label } }",
            "{ task(number: 2) { responsibilities { order role nameInDocument unit { id } } violationTypes { code competence { role clause unit { id } } } } }");

    private static Path folder;
    private static Path backupFile;
    private static ExternalServer server;
    private static ConfigurableApplicationContext restored;
    private static String issueId;

    @Autowired
    Driver driver;

    @Autowired
    GraphBackup backup;

    @BeforeAll
    static void makeAProblemWithAnAuditTrail(@Autowired Driver driver) throws IOException {
        folder = Files.createTempDirectory("restore-test");
        removeTestData(driver);
    }

    @AfterAll
    static void stopEverything(@Autowired Driver driver) throws IOException {
        if (restored != null) {
            restored.close();
        }
        if (server != null) {
            server.stop();
        }
        removeTestData(driver);
        FileSystemUtils.deleteRecursively(folder);
    }

    private static void removeTestData(Driver driver) {
        try (var session = driver.session()) {
            session.run("""
                    MATCH (m:Mine) WHERE m.licenceNumber = 'TEST-BACKUP-001'
                    OPTIONAL MATCH (i:Issue)-[:AT]->(m)
                    OPTIONAL MATCH (c:Change) WHERE c.entityId IN [m.id, i.id]
                    DETACH DELETE c, i, m""").consume();
        }
    }

    @Test
    @Order(1)
    void shouldLetOnlyTheOfficeTakeABackup() {
        assertThat(status(post("/admin/backup", null))).isEqualTo(401);
        assertThat(status(post("/admin/backup", token("analyst")))).isEqualTo(403);
    }

    @Test
    @Order(2)
    void shouldRefuseToRestoreIntoADatabaseThatIsNotEmpty() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        backup.write(out);
        assertThatThrownBy(() -> backup.restore(new ByteArrayInputStream(out.toByteArray())))
                .isInstanceOf(BackupException.class).hasMessageContaining("empty");
    }

    @Test
    @Order(3)
    void shouldRestoreABackupIntoAnEmptyServerThatAnswersIdentically() throws IOException {
        String mine = graphQl.document("""
                        mutation { registerMine(input: {name: "备份测试矿(测试)", licenseNumber: "TEST-BACKUP-001",
                          mineral: "钨", township: "鲇鱼山镇"}) { mine { id } } }""")
                .execute().path("registerMine.mine.id").entity(String.class).get();
        issueId = graphQl.document("""
                        mutation($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id } } }""")
                .variable("input", Map.of("mineId", mine, "violationTypeCodes", List.of("T2.11"), "source", "PUBLIC_REPORT",
                        "foundOn", "2023-05-02", "description", "备份前的问题(测试)"))
                .execute().path("reportIssue.issue.id").entity(String.class).get();
        graphQl.document("""
                        mutation($input: AssignIssueInput!) { assignIssue(input: $input) { issue { id } } }""")
                .variable("input", Map.of("issueId", issueId, "leadUnit", "ECOLOGY", "deadline", "2023-08-31",
                        "measures", "清理外溢废水(测试)"))
                .execute().errors().verify();

        // The shared database has housekeeping of its own (a lease taken, keys pruned, an import job finishing): the
        // backup is compared with the database as it was both just before and just after it, taken again if it moved.
        byte[] file = null;
        List<String> shapeAtBackup = null;
        List<String> everythingAtBackup = null;
        for (int attempt = 0; attempt < 5 && file == null; attempt++) {
            List<String> shapeBefore = shape(driver);
            List<String> everythingBefore = everything(driver);
            long started = System.nanoTime();
            byte[] taken = RestClient.create("http://localhost:" + port).post().uri("/admin/backup")
                    .header("Authorization", "Bearer " + token("office"))
                    .retrieve().body(byte[].class);
            System.out.printf("Backup: %d bytes in %d ms%n", taken.length, (System.nanoTime() - started) / 1_000_000);
            shapeAtBackup = shape(driver);
            everythingAtBackup = everything(driver);
            if (shapeAtBackup.equals(shapeBefore) && everythingAtBackup.equals(everythingBefore)) {
                file = taken;
            }
        }
        assertThat(file).as("a backup of a database that held still while it was taken").isNotNull();
        backupFile = folder.resolve("graph.jsonl.gz");
        Files.write(backupFile, file);

        server = new ExternalServer(folder.resolve("server")).start();
        long started = System.nanoTime();
        // As command-line arguments, which override application.yml (and NEO4J_URI), as an operator would pass them.
        restored = new SpringApplicationBuilder(AccountabilityGraphApplication.class).run(
                "--server.port=0",
                "--accountability.graph.uri=" + server.uri(),
                "--accountability.graph.demo-data=true",
                "--accountability.backup.restore-from=" + backupFile);
        assertThat(restored.containsBean("embeddedNeo4j") && restored.getBeanFactory().containsSingleton("embeddedNeo4j"))
                .as("no embedded engine in external mode").isFalse();
        System.out.printf("Second app started with the restore in %d ms%n", (System.nanoTime() - started) / 1_000_000);

        Driver restoredDriver = restored.getBean(Driver.class);
        assertThat(shape(restoredDriver)).isEqualTo(shapeAtBackup);
        assertThat(everything(restoredDriver)).as("every node and relationship with its properties")
                .isEqualTo(everythingAtBackup);
        String original = "http://localhost:" + port;
        String copy = "http://localhost:" + restoredPort();
        String copyToken = officeToken(copy);
        List<String> answers = QUESTIONS.stream().map(q -> ask(original, token("office"), q)).toList();
        assertThat(QUESTIONS.stream().map(q -> ask(copy, copyToken, q)).toList()).isEqualTo(answers);
        assertThat(answers).noneMatch(answer -> answer.contains("errors"));
        assertThat(ask(copy, officeToken(copy), QUESTIONS.get(1))).as("the audit trail came back").contains("assignIssue");
    }

    @Test
    @Order(4)
    void shouldAnswerUnavailableWhileTheServerIsDownAndRecoverByItself() throws InterruptedException {
        assertThat(restored).as("the restored app of the test before").isNotNull();
        String app = "http://localhost:" + restoredPort();
        String token = officeToken(app);
        server.stop();

        long started = System.nanoTime();
        String answer = ask(app, token, "{ mines(first: 5) { totalCount } }");
        long failedIn = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Query with the database down answered in %d ms: %s%n", failedIn, answer);
        assertThat(answer).contains("\"code\":\"UNAVAILABLE\"").doesNotContain("7687").doesNotContain(String.valueOf(server.port()));
        assertThat(failedIn).as("answered within the bound").isLessThan(6_000);
        String change = RestClient.create(app).post().uri("/graphql").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .body(Map.of("query", "mutation($input: AssignIssueInput!) { assignIssue(input: $input) { issue { id } } }",
                        "variables", Map.of("input", Map.of("issueId", issueId, "leadUnit", "ECOLOGY", "measures", "停库期间(测试)"))))
                .exchange((request, response) -> new String(response.getBody().readAllBytes()));
        assertThat(change).as("a change, which needs a transaction").contains("\"code\":\"UNAVAILABLE\"");
        assertThat(health(app, "/actuator/health")).containsEntry("status", 503);
        assertThat(health(app, "/actuator/health/readiness")).containsEntry("status", 503);
        assertThat(health(app, "/actuator/health/liveness")).containsEntry("status", 200);

        server.start();
        started = System.nanoTime();
        String recovered = null;
        while (System.nanoTime() - started < Duration.ofSeconds(60).toNanos()) {
            recovered = ask(app, token, "{ mines(first: 5) { totalCount } }");
            if (!recovered.contains("errors")) {
                break;
            }
            Thread.sleep(250);
        }
        System.out.printf("Recovered %d ms after the database was back%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(recovered).doesNotContain("errors").contains("totalCount");
        assertThat(health(app, "/actuator/health")).containsEntry("status", 200);
    }

    @Test
    @Order(5)
    void shouldLetARequestInFlightFinishWhenTheAppShutsDown() throws Exception {
        assertThat(restored).as("the restored app of the tests before").isNotNull();
        String app = "http://localhost:" + restoredPort();
        String token = officeToken(app);
        String change = """
                {"query": "mutation($input: AssignIssueInput!) { assignIssue(input: $input) { issue { id measures } } }",
                 "variables": {"input": {"issueId": "%s", "leadUnit": "ECOLOGY", "measures": "关停前最后一次修改(测试)"}}}"""
                .formatted(issueId);
        CompletableFuture<String> inFlight;
        CompletableFuture<Void> closing;
        // Hold the problem's write lock on the server, so the app's change waits in the middle of its request.
        try (Driver direct = GraphDatabase.driver(server.uri()); Session session = direct.session();
             Transaction lock = session.beginTransaction()) {
            lock.run("MATCH (i:Issue {id: $id}) SET i.heldByTest = true", Map.of("id", issueId)).consume();
            inFlight = CompletableFuture.supplyAsync(() -> RestClient.create(app).post().uri("/graphql")
                    .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).body(change)
                    .exchange((request, response) -> response.getStatusCode().value() + " " + new String(response.getBody().readAllBytes())));
            Thread.sleep(1_500);
            closing = CompletableFuture.runAsync(restored::close);
            Thread.sleep(1_500);
            assertThat(inFlight).as("the change waits for the lock").isNotDone();
            assertThat(closing).as("shutdown waits for the request").isNotDone();
            lock.rollback();
        }
        assertThat(inFlight.get(30, TimeUnit.SECONDS)).startsWith("200").contains("关停前最后一次修改(测试)").doesNotContain("errors");
        closing.get(60, TimeUnit.SECONDS);
        restored = null;
    }

    private int restoredPort() {
        return Integer.parseInt(restored.getEnvironment().getProperty("local.server.port"));
    }

    /** A token from the restored app, which signs its own with a key of its own. */
    private static String officeToken(String baseUrl) {
        Map<?, ?> response = RestClient.create(baseUrl).post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", "office", "password", "demo-office")).retrieve().body(Map.class);
        return (String) response.get("access_token");
    }

    /** The answer without its request id, which differs per request by design. */
    private String ask(String baseUrl, String token, String document) {
        Map<String, Object> body = new TreeMap<>(Map.of("query", document));
        if (document.contains("$id")) {
            body.put("variables", Map.of("id", issueId));
        }
        String answer = RestClient.create(baseUrl).post().uri("/graphql").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(body)
                .exchange((request, response) -> new String(response.getBody().readAllBytes()));
        return answer.replaceAll("\"(requestId|bookmark)\":\"[^\"]*\"", "\"$1\":\"…\"");
    }

    private Map<String, Object> post(String path, String token) {
        return RestClient.create("http://localhost:" + port).post().uri(path)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .exchange((request, response) -> Map.of("status", response.getStatusCode().value()));
    }

    private static int status(Map<String, Object> response) {
        return (Integer) response.get("status");
    }

    private static Map<String, Object> health(String baseUrl, String path) {
        return RestClient.create(baseUrl).get().uri(path)
                .exchange((request, response) -> Map.of("status", response.getStatusCode().value()));
    }

    /** Nodes per label and relationships per type, and the schema. */
    private static List<String> shape(Driver driver) {
        try (var session = driver.session()) {
            List<String> shape = new ArrayList<>();
            session.run("MATCH (n) UNWIND labels(n) AS label WITH label, count(*) AS n RETURN label + ': ' + n AS row ORDER BY row")
                    .forEachRemaining(r -> shape.add(r.get(0).asString()));
            session.run("MATCH ()-[r]->() WITH type(r) AS type, count(*) AS n RETURN type + ': ' + n AS row ORDER BY row")
                    .forEachRemaining(r -> shape.add(r.get(0).asString()));
            session.run("SHOW CONSTRAINTS YIELD name, type RETURN name + ' ' + type AS row ORDER BY row")
                    .forEachRemaining(r -> shape.add(r.get(0).asString()));
            session.run("SHOW INDEXES YIELD name, type, state RETURN name + ' ' + type + ' ' + state AS row ORDER BY row")
                    .forEachRemaining(r -> shape.add(r.get(0).asString()));
            return shape;
        }
    }

    /** Every node and relationship with labels, type and typed properties, in a stable order. */
    private static List<String> everything(Driver driver) {
        try (var session = driver.session()) {
            List<String> rows = new ArrayList<>();
            session.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
                    .forEachRemaining(r -> rows.add(render(r.get("labels"), r.get("props"))));
            session.run("""
                    MATCH (a)-[r]->(b)
                    RETURN labels(a) AS la, properties(a) AS pa, type(r) AS type, properties(r) AS pr,
                           labels(b) AS lb, properties(b) AS pb""")
                    .forEachRemaining(r -> rows.add(render(r.get("la"), r.get("pa")) + " -" + r.get("type").asString()
                            + render(null, r.get("pr")) + "-> " + render(r.get("lb"), r.get("pb"))));
            rows.sort(null);
            return rows;
        }
    }

    private static String render(Value labels, Value properties) {
        Map<String, String> sorted = new TreeMap<>();
        properties.asMap(v -> v).forEach((key, value) -> sorted.put(key, value.type().name() + ":" + value));
        return (labels == null ? "" : labels.asList(Value::asString).stream().sorted().toList().toString()) + sorted;
    }
}
