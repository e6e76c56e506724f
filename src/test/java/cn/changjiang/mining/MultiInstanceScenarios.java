package cn.changjiang.mining;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the app over one Neo4j server, started at the same moment on an empty database, as a
 * load balancer would spread a province's users over them (docs/deployment.md): the migrations run once, a
 * subscriber on one instance hears every change committed through the other, in commit order and once each, and
 * resumes after a disconnect from its last sequence; a read on one instance with the bookmark of a write through
 * the other sees the write, while one it did not sign is not used. Subclasses supply the server: the in-JVM one, or a real one in a container.
 */
abstract class MultiInstanceScenarios {

    /** The token secret every instance shares (the load balancer may send a client's requests to either). */
    private static final String SHARED_SECRET = "multi-instance-test-secret-of-at-least-32-bytes";
    private static final String LEDGER_CHANGED = """
            subscription($after: ID) { ledgerChanged(entityType: "Mine", after: $after) { sequence action entityId } }""";
    private static final String REGISTER = """
            mutation($name: String!, $licence: String!) { registerMine(input: {name: $name, licenseNumber: $licence,
              mineral: "钨", township: "鲇鱼山镇"}) { mine { id } } }""";

    /** The frontend's origin: a browser there reads and sends the bookmark header across origins. */
    private static final String FRONTEND = "https://frontend.example";

    static Instance a;
    static Instance b;
    private static AutoCloseable server;
    private static int registered;
    private final List<Disposable> subscriptions = new ArrayList<>();

    /** One running instance, reached as a client would reach it: over HTTP and WebSocket. */
    record Instance(ConfigurableApplicationContext context, int port) {

        String token(String username) {
            Map<?, ?> response = RestClient.create("http://localhost:" + port).post().uri("/auth/token")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("username", username, "password", "demo-" + username))
                    .retrieve().body(Map.class);
            return (String) response.get("access_token");
        }

        /** A GraphQL request over HTTP as the office, with a bookmark header when one is given. */
        ResponseEntity<Map> graphQl(String document, Map<String, Object> variables, String bookmark) {
            return RestClient.create("http://localhost:" + port).post().uri("/graphql")
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                    .header("Authorization", "Bearer " + token("office"))
                    .headers(h -> {
                        if (bookmark != null) {
                            h.set("Accountability-Bookmark", bookmark);
                        }
                    })
                    .body(Map.of("query", document, "variables", variables))
                    .retrieve().toEntity(Map.class);
        }

        boolean ready() {
            try {
                return RestClient.create("http://localhost:" + port).get().uri("/actuator/health/readiness")
                        .retrieve().toBodilessEntity().getStatusCode().is2xxSuccessful();
            } catch (RuntimeException notYet) {
                return false;
            }
        }

        void close() {
            context.close();
        }
    }

    /** Starts two instances on {@code uri} at once, and waits until both are ready. */
    static void startTwo(AutoCloseable serverToStop, String uri, String... more) throws Exception {
        server = serverToStop;
        CompletableFuture<Instance> first = CompletableFuture.supplyAsync(() -> instance(uri, more));
        CompletableFuture<Instance> second = CompletableFuture.supplyAsync(() -> instance(uri, more));
        a = first.get(5, TimeUnit.MINUTES);
        b = second.get(5, TimeUnit.MINUTES);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!(a.ready() && b.ready())) {
            assertThat(System.nanoTime()).as("both instances ready within 3 minutes").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static Instance instance(String uri, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--accountability.graph.uri=" + uri,
                "--accountability.graph.demo-data=true", "--accountability.security.jwt-secret=" + SHARED_SECRET,
                "--accountability.security.cors-origins=" + FRONTEND));
        arguments.addAll(List.of(more));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AccountabilityGraphApplication.class)
                .run(arguments.toArray(String[]::new));
        return new Instance(context, ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (Instance instance : new Instance[] {a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @org.junit.jupiter.api.AfterEach
    void unsubscribe() {
        subscriptions.forEach(Disposable::dispose);
        subscriptions.clear();
    }

    @Test
    void theMigrationsRanOnceThoughBothInstancesStartedTogether() throws IOException {
        List<String> expected = new ArrayList<>();
        for (Path folder : List.of(Path.of("graph-seed"), Path.of("graph-seed/demo"))) {
            try (Stream<Path> files = Files.list(folder)) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d{3}__.*\\.cypher"))
                        .map(n -> n.substring(1, 4)).forEach(expected::add);
            }
        }
        expected.addAll(cn.changjiang.mining.graph.JavaMigrations.versions()); // audit/V028, V031, ledger/V800: in Java
        expected.sort(null);
        try (Session session = a.context().getBean(Driver.class).session()) {
            List<String> applied = session.run("""
                    MATCH (m:__Neo4jMigration) WHERE m.version <> 'BASELINE'
                    RETURN m.version AS version ORDER BY version""").list(r -> r.get("version").asString());
            assertThat(applied).as("each migration applied once, all of them").containsExactlyElementsOf(expected);
            assertThat(session.run("MATCH (s:ChangeSequence) RETURN count(s) AS n").single().get("n").asInt())
                    .as("one change counter").isEqualTo(1);
            assertThat(session.run("MATCH (l:__Neo4jMigrationsLock) RETURN count(l) AS n").single().get("n").asInt())
                    .as("the lock released").isZero();
        }
    }

    @Test
    void aSubscriberOnOneInstanceHearsEveryChangeMadeThroughTheOtherInOrderOnceAndResumes() throws Exception {
        BlockingQueue<Object> heard = subscribe(a, null);
        String first = registerUntilHeard(b, heard);
        long last = sequenceOf(first, heard);

        List<String> madeThroughB = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            madeThroughB.add(register(b));
        }
        List<Map<String, Object>> received = take(heard, madeThroughB.size());
        assertThat(received).extracting(c -> c.get("entityId")).as("in commit order, once each")
                .containsExactlyElementsOf(madeThroughB);
        assertThat(received).extracting(c -> Long.parseLong((String) c.get("sequence")))
                .as("consecutive sequences after the last heard")
                .containsExactlyElementsOf(Stream.iterate(last + 1, s -> s + 1).limit(madeThroughB.size()).toList());
        assertThat(heard.poll(1500, TimeUnit.MILLISECONDS)).as("nothing more").isNull();
        last = Long.parseLong((String) received.getLast().get("sequence"));

        // Disconnected: three changes go by unheard; resuming from the last sequence, they come first, then live ones.
        unsubscribe();
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            missed.add(register(b));
        }
        BlockingQueue<Object> resumed = subscribe(a, String.valueOf(last));
        assertThat(take(resumed, missed.size())).extracting(c -> c.get("entityId")).as("the missed changes")
                .containsExactlyElementsOf(missed);
        String afterwards = register(b);
        assertThat(take(resumed, 1)).extracting(c -> c.get("entityId")).containsExactly(afterwards);
        assertThat(resumed.poll(1500, TimeUnit.MILLISECONDS)).as("nothing repeated").isNull();
    }

    @Test
    void subscribersOnBothInstancesHearChangesMadeThroughBothInOneOrder() throws Exception {
        BlockingQueue<Object> onA = subscribe(a, null);
        BlockingQueue<Object> onB = subscribe(b, null);
        registerUntilHeard(a, onA, onB);
        drain(onA);
        drain(onB);

        int each = 6;
        List<CompletableFuture<String>> writes = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            writes.add(CompletableFuture.supplyAsync(() -> register(a)));
            writes.add(CompletableFuture.supplyAsync(() -> register(b)));
        }
        List<String> made = writes.stream().map(CompletableFuture::join).toList();
        List<Map<String, Object>> heardOnA = take(onA, made.size());
        List<Map<String, Object>> heardOnB = take(onB, made.size());
        assertThat(heardOnA).extracting(c -> c.get("entityId")).as("every change once").containsExactlyInAnyOrderElementsOf(made);
        assertThat(heardOnA).as("the same order on both instances").isEqualTo(heardOnB);
        List<Long> sequences = heardOnA.stream().map(c -> Long.parseLong((String) c.get("sequence"))).toList();
        assertThat(sequences).as("increasing, without gaps").isSorted().doesNotHaveDuplicates();
        assertThat(sequences.getLast() - sequences.getFirst()).isEqualTo(made.size() - 1L);
        assertThat(onA.poll(1500, TimeUnit.MILLISECONDS)).isNull();
        assertThat(onB.poll(100, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aReadOnTheOtherInstanceWithTheWritesBookmarkSeesTheWrite() {
        String licence = "MI-BOOKMARK-" + System.nanoTime();
        ResponseEntity<Map> write = b.graphQl(REGISTER, Map.of("name", "书签测试矿(测试)", "licence", licence), null);
        String bookmark = write.getHeaders().getFirst("Accountability-Bookmark");
        assertThat(bookmark).as("the write's bookmark, as a header").isNotBlank();
        assertThat(((Map<?, ?>) write.getBody().get("extensions")).get("bookmark")).as("and in the answer").isEqualTo(bookmark);
        String mineId = (String) path(write.getBody(), "data", "registerMine", "mine", "id");

        ResponseEntity<Map> read = a.graphQl("query($id: ID!) { mine(id: $id) { id licenceNumber } }",
                Map.of("id", mineId), bookmark);
        assertThat(read.getBody().get("errors")).isNull();
        assertThat(path(read.getBody(), "data", "mine", "licenceNumber")).isEqualTo(licence);
        assertThat(read.getHeaders().getFirst("Accountability-Bookmark")).as("a bookmark on reads too").isNotBlank();

        ResponseEntity<Void> preflight = RestClient.create("http://localhost:" + a.port()).options().uri("/graphql")
                .header("Origin", FRONTEND).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,accountability-bookmark")
                .retrieve().toBodilessEntity();
        assertThat(preflight.getHeaders().getAccessControlAllowHeaders()).map(String::toLowerCase)
                .as("a browser on the frontend's origin may send the bookmark").contains("accountability-bookmark");
        ResponseEntity<Map> crossOrigin = RestClient.create("http://localhost:" + b.port()).post().uri("/graphql")
                .header("Origin", FRONTEND).header("Authorization", "Bearer " + b.token("office"))
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .body(Map.of("query", "{ units { id } }")).retrieve().toEntity(Map.class);
        assertThat(crossOrigin.getHeaders().getAccessControlExposeHeaders())
                .as("and read the one it is given").contains("Accountability-Bookmark");

        String forged = bookmark.substring(0, bookmark.lastIndexOf('.') + 1) + "A".repeat(43);
        ResponseEntity<Map> notUsed = a.graphQl("{ units { id } }", Map.of(), forged);
        assertThat(notUsed.getBody().get("errors")).isNull();
        assertThat((List<?>) path(notUsed.getBody(), "data", "units")).as("answered without it").isNotEmpty();
        assertThat((String) path(notUsed.getBody(), "extensions", "bookmarkIgnored")).as("and says so").contains("signature");
        assertThat(notUsed.getHeaders().getFirst("Accountability-Bookmark")).as("with a good one to keep").isNotBlank();
    }

    private BlockingQueue<Object> subscribe(Instance instance, String after) {
        String token = instance.token("office");
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder("ws://localhost:" + instance.port() + "/graphql",
                        new StandardWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + token));
                    }
                })
                .build();
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("after", after);
        subscriptions.add(client.document(LEDGER_CHANGED).variables(variables).executeSubscription()
                .subscribe(response -> received.add(response.isValid() ? response.getData() : response.getErrors()),
                        received::add));
        subscriptions.add(() -> client.stop().block(Duration.ofSeconds(5)));
        return received;
    }

    private static String register(Instance instance) {
        int n;
        synchronized (MultiInstanceScenarios.class) {
            n = ++registered;
        }
        ResponseEntity<Map> answer = instance.graphQl(REGISTER,
                Map.of("name", "多实例测试矿" + n + "(测试)", "licence", "MI-" + System.nanoTime() + "-" + n), null);
        assertThat(answer.getBody().get("errors")).isNull();
        return (String) path(answer.getBody(), "data", "registerMine", "mine", "id");
    }

    /** Registers mines through {@code instance} until every queue has heard one: then each subscription is live. */
    private static String registerUntilHeard(Instance instance, BlockingQueue<?>... queues) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            String id = register(instance);
            Thread.sleep(300);
            if (Stream.of(queues).noneMatch(BlockingQueue::isEmpty)) {
                return id;
            }
        }
        throw new AssertionError("the subscriptions heard nothing in 15 s");
    }

    /** The sequence of {@code entityId}'s change, reading the queue up to it and nothing after. */
    private static long sequenceOf(String entityId, BlockingQueue<Object> queue) throws InterruptedException {
        while (true) {
            Map<String, Object> change = take(queue, 1).getFirst();
            if (entityId.equals(change.get("entityId"))) {
                Thread.sleep(500);
                assertThat(queue).as("nothing after the mine that showed the subscription live").isEmpty();
                return Long.parseLong((String) change.get("sequence"));
            }
        }
    }

    private static void drain(BlockingQueue<Object> queue) throws InterruptedException {
        Thread.sleep(800);
        queue.clear();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> take(BlockingQueue<Object> queue, int count) throws InterruptedException {
        List<Map<String, Object>> changes = new ArrayList<>();
        while (changes.size() < count) {
            Object event = queue.poll(15, TimeUnit.SECONDS);
            assertThat(event).as("change %d of %d within 15 s", changes.size() + 1, count).isInstanceOf(Map.class);
            changes.add((Map<String, Object>) ((Map<String, Object>) event).get("ledgerChanged"));
        }
        return changes;
    }

    private static Object path(Map<?, ?> body, String... keys) {
        Object at = body;
        for (String key : keys) {
            at = ((Map<?, ?>) at).get(key);
        }
        return at;
    }
}
