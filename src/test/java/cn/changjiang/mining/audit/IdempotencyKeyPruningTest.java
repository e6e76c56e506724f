package cn.changjiang.mining.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.graph.ClusterLease;
import cn.changjiang.mining.graph.CypherRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Idempotency keys are pruned once they are older than they are kept for, in batches, by one instance at a time:
 * a second instance asking in the same period finds the lease taken and prunes nothing.
 */
class IdempotencyKeyPruningTest extends IntegrationTest {

    @Autowired
    CypherRunner graph;

    @Autowired
    Driver driver;

    @Autowired
    Clock clock;

    @BeforeEach
    @AfterEach
    void clean() {
        try (Session session = driver.session()) {
            session.run("MATCH (k:IdempotencyKey) WHERE k.id STARTS WITH 'pruning-test/' DELETE k").consume();
            session.run("MATCH (l:ClusterLease {name: $name}) DELETE l", Map.of("name", IdempotencyKeyPruning.LEASE)).consume();
        }
    }

    private IdempotencyKeyPruning instance(int batch) {
        return new IdempotencyKeyPruning(graph, new ClusterLease(graph), Duration.ofHours(24), Duration.ofHours(1),
                Duration.ofMinutes(10), batch);
    }

    private void key(String name, Duration age, boolean internal) {
        try (Session session = driver.session()) {
            session.run("""
                    CREATE (:IdempotencyKey {id: 'pruning-test/' + $name, operation: 'reportIssue', inputHash: 'h',
                            actor: 'pruning-test', internal: $internal, createdAt: $createdAt, resultId: 'r'})""",
                    Map.of("name", name, "internal", internal, "createdAt", ZonedDateTime.now(clock).minus(age))).consume();
        }
    }

    private List<String> kept() {
        try (Session session = driver.session()) {
            return session.run("""
                    MATCH (k:IdempotencyKey) WHERE k.id STARTS WITH 'pruning-test/'
                    RETURN substring(k.id, 13) AS name ORDER BY name""").list(r -> r.get("name").asString());
        }
    }

    @Test
    void aClientsKeyCannotPassAsOneOfTheServersOwn() {
        assertThatThrownBy(() -> IdempotencyKeys.orInternal("internal:my-own-key", "request-1"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("internal:");
        assertThat(IdempotencyKeys.orInternal(null, "request-1")).startsWith("internal:request-1:");
        assertThat(IdempotencyKeys.orInternal("device-7:report-0001", "request-1")).isEqualTo("device-7:report-0001");
    }

    @Test
    void keysOlderThanTheyAreKeptForGoInBatchesOnceAPeriod() {
        for (int i = 0; i < 5; i++) {
            key("old-" + i, Duration.ofHours(25 + i), false);
        }
        key("day-old-client", Duration.ofHours(23), false);
        key("recent-client", Duration.ofMinutes(5), false);
        key("two-hours-internal", Duration.ofHours(2), true);
        key("recent-internal", Duration.ofMinutes(5), true);

        IdempotencyKeyPruning.Pruned pruned = instance(2).prune();

        assertThat(pruned.ran()).isTrue();
        assertThat(pruned.removed()).as("five old client keys and one internal key, two at a time").isGreaterThanOrEqualTo(6);
        assertThat(kept()).containsExactly("day-old-client", "recent-client", "recent-internal");

        key("old-again", Duration.ofHours(30), false);
        assertThat(instance(2).prune()).as("another instance in the same period")
                .isEqualTo(new IdempotencyKeyPruning.Pruned(false, 0));
        assertThat(kept()).contains("old-again");
    }
}
