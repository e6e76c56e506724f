package cn.changjiang.mining.graph;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import cn.changjiang.mining.ExternalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances that start together against one empty server apply each migration once: the library's lock. */
class GraphMigrationsLockTest {

    @TempDir
    Path folder;

    @Test
    void shouldApplyEachMigrationOnceWhenTwoInstancesStartTogether() throws Exception {
        try (ExternalServer server = new ExternalServer(folder).start();
             Driver one = GraphDatabase.driver(server.uri());
             Driver two = GraphDatabase.driver(server.uri())) {
            GraphProperties properties = new GraphProperties(server.uri(), null, null, folder, "64m", false, null, null);
            GraphMigrations first = new GraphMigrations(one, properties, List.of("classpath:migrations-test"));
            GraphMigrations second = new GraphMigrations(two, properties, List.of("classpath:migrations-test"));

            CountDownLatch ready = new CountDownLatch(2);
            CountDownLatch go = new CountDownLatch(1);
            // A thread each: the common pool may have a single one on a small machine.
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<CompletableFuture<Void>> starts = List.of(first, second).stream()
                    .map(migrations -> CompletableFuture.runAsync(() -> {
                        ready.countDown();
                        await(go);
                        migrations.afterSingletonsInstantiated();
                    }, threads))
                    .toList();
            assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            threads.shutdown();
            // The one that found the lock taken finishes in the background.
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while ((first.health().getStatus() != Status.UP || second.health().getStatus() != Status.UP)
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            first.destroy();
            second.destroy();
            assertThat(first.health().getStatus()).isEqualTo(Status.UP);
            assertThat(second.health().getStatus()).isEqualTo(Status.UP);

            // the Cypher files, the test V901 and the migrations in Java (audit/V028, ledger/V800)
            int files = new PathMatchingResourcePatternResolver().getResources("classpath:graph-seed/*.cypher").length + 1
                    + JavaMigrations.count();
            try (var session = one.session()) {
                Record history = session.run("""
                        MATCH (m:__Neo4jMigration) WHERE m.version <> 'BASELINE'
                        RETURN count(m) AS applied, count(DISTINCT m.version) AS versions""").single();
                assertThat(history.get("applied").asInt()).isEqualTo(files);
                assertThat(history.get("versions").asInt()).isEqualTo(files);
                assertThat(session.run("MATCH (p:MigrationProbe) RETURN count(p) AS n").single().get("n").asInt())
                        .as("the CREATE of V901 ran once").isEqualTo(1);
                assertThat(session.run("MATCH (l:__Neo4jMigrationsLock) RETURN count(l) AS n").single().get("n").asInt())
                        .as("lock released").isZero();
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
