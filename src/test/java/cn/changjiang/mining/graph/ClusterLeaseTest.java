package cn.changjiang.mining.graph;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import cn.changjiang.mining.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A lease is held by one instance at a time, until it runs out, whoever asks and however many ask at once. */
class ClusterLeaseTest extends IntegrationTest {

    private static final String NAME = "cluster-lease-test";

    @Autowired
    CypherRunner graph;

    @AfterEach
    void remove() {
        graph.write("MATCH (l:ClusterLease {name: $name}) DELETE l RETURN count(*) AS item", Map.of("name", NAME), Value::asLong);
    }

    @Test
    void oneOfManyInstancesAskingAtOnceTakesIt() {
        List<ClusterLease> instances = IntStream.range(0, 8).mapToObj(i -> new ClusterLease(graph)).toList();
        List<CompletableFuture<Boolean>> asks = instances.stream()
                .map(lease -> CompletableFuture.supplyAsync(() -> lease.take(NAME, Duration.ofMinutes(1)))).toList();
        assertThat(asks.stream().map(CompletableFuture::join).filter(taken -> taken)).hasSize(1);
        assertThat(instances).as("not even the holder takes it again before it runs out")
                .noneMatch(lease -> lease.take(NAME, Duration.ofMinutes(1)));
    }

    @Test
    void aLeaseThatRanOutIsFreeAgain() throws InterruptedException {
        ClusterLease one = new ClusterLease(graph);
        ClusterLease other = new ClusterLease(graph);
        assertThat(one.take(NAME, Duration.ofSeconds(2))).isTrue();
        assertThat(other.take(NAME, Duration.ofSeconds(2))).isFalse();
        Thread.sleep(2200);
        assertThat(other.take(NAME, Duration.ofMinutes(1))).isTrue();
        assertThat(graph.list("MATCH (l:ClusterLease {name: $name}) RETURN l.holder AS item", Map.of("name", NAME),
                v -> v.asString())).containsExactly(other.holder());
    }
}
