package cn.changjiang.mining.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.graph.CypherRunner;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the app over one database share the sign-in counts: two throttles, each with its own proxy
 * manager over the same Neo4j, as two instances would have. Failures counted by one refuse the name at the other,
 * and failures racing from many threads through both are all counted. A long period keeps tokens from coming back
 * while the test runs; unique names and addresses keep this run's buckets apart, and they are removed afterwards.
 */
class SharedSignInThrottleTest extends IntegrationTest {

    private static final long PER_USER = 40;
    private static final long PER_ADDRESS = 1_000;

    @Autowired
    CypherRunner graph;

    private final String run = UUID.randomUUID().toString();
    private final List<String> keys = new ArrayList<>();

    private SignInThrottle instance() {
        return new SignInThrottle(PER_USER, PER_ADDRESS, Duration.ofDays(1), Duration.ofMillis(100),
                Duration.ofSeconds(1), new SignInBuckets(graph, ClientSideConfig.getDefault()));
    }

    private String user(String name) {
        String user = name + "-" + run;
        keys.add("user:" + user);
        return user;
    }

    private String address(String name) {
        String address = name + "-" + run;
        keys.add("address:" + address);
        return address;
    }

    @AfterEach
    void removeBuckets() {
        graph.write("MATCH (b:SignInBucket) WHERE b.key IN $keys DELETE b", Map.of("keys", keys), v -> v);
    }

    @Test
    void shouldRefuseANameAtOneInstanceAfterItsFailuresAtTheOther() {
        SignInThrottle first = instance();
        SignInThrottle second = instance();
        String guessed = user("guessed");
        String attacker = address("attacker");
        for (int n = 0; n < PER_USER; n++) {
            assertThat(second.admit(guessed, attacker).allowed()).as("failure %d", n).isTrue();
            first.failed(guessed, attacker);
        }

        SignInThrottle.Admission refused = second.admit(guessed, address("elsewhere"));
        assertThat(refused.allowed()).as("the name, at the other instance, from anywhere").isFalse();
        assertThat(refused.retryAfter()).isPositive();
        assertThat(second.admit(user("other"), attacker).allowed()).as("another name from the same address").isTrue();
        assertThat(graph.single("MATCH (b:SignInBucket {key: $key}) RETURN b.touchedAt IS NOT NULL AS item",
                Map.of("key", "user:" + guessed), org.neo4j.driver.Value::asBoolean)).contains(true);
    }

    @Test
    void shouldCountEveryFailureRacingThroughBothInstances() throws Exception {
        List<SignInThrottle> instances = List.of(instance(), instance());
        String guessed = user("raced");
        String attacker = address("racer");
        int threads = 8;
        long perThread = (PER_USER - 1) / threads;
        long extra = (PER_USER - 1) % threads;
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            SignInThrottle throttle = instances.get(t % 2);
            long failures = perThread + (t < extra ? 1 : 0);
            work.add(() -> {
                for (long n = 0; n < failures; n++) {
                    throttle.failed(guessed, attacker);
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(instances).allSatisfy(throttle -> assertThat(throttle.admit(guessed, attacker).allowed())
                .as("one failure short of the limit").isTrue());
        instances.getFirst().failed(guessed, attacker);
        assertThat(instances).allSatisfy(throttle -> {
            SignInThrottle.Admission refused = throttle.admit(guessed, attacker);
            assertThat(refused.allowed()).as("exactly %d failures, none lost", PER_USER).isFalse();
            assertThat(refused.retryAfter()).isPositive();
        });
    }
}
