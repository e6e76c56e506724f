package cn.changjiang.mining.graph;

import java.nio.file.Path;
import java.time.Duration;

import cn.changjiang.mining.ExternalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An external server that is away at start delays the migrations instead of the app; the embedded engine never does. */
class GraphMigrationsWhileServerAwayTest {

    private static final Config QUICK = Config.builder().withConnectionTimeout(1, java.util.concurrent.TimeUnit.SECONDS)
            .withMaxTransactionRetryTime(1, java.util.concurrent.TimeUnit.SECONDS).build();

    @TempDir
    Path folder;

    @Test
    void shouldApplyTheMigrationsInTheBackgroundOnceTheExternalServerAnswers() throws Exception {
        try (ExternalServer server = new ExternalServer(folder);
             Driver driver = GraphDatabase.driver(server.uri(), QUICK)) {
            GraphMigrations seed = new GraphMigrations(driver, new GraphProperties(server.uri(), null, null, folder, "64m", false, null, null));
            seed.afterSingletonsInstantiated();
            assertThat(seed.health().getStatus()).as("not ready while the server is away").isEqualTo(Status.OUT_OF_SERVICE);

            server.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (seed.health().getStatus() != Status.UP && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            seed.destroy();
            assertThat(seed.health().getStatus()).isEqualTo(Status.UP);
            try (var session = driver.session()) {
                assertThat(session.run("MATCH (m:__Neo4jMigration) WHERE m.version <> 'BASELINE' RETURN count(m) AS n").single().get("n").asInt())
                        .as("every Cypher file and the migrations in Java (audit/V028, ledger/V800)")
                        .isEqualTo(new PathMatchingResourcePatternResolver().getResources("classpath:graph-seed/*.cypher").length
                                + JavaMigrations.count());
            }
        }
    }

    @Test
    void shouldFailTheStartWhenTheEmbeddedEngineCannotBeReached() {
        try (ExternalServer nothing = new ExternalServer(folder);
             Driver driver = GraphDatabase.driver(nothing.uri(), QUICK)) {
            GraphMigrations seed = new GraphMigrations(driver, new GraphProperties(null, null, null, folder, "64m", false, null, null));
            assertThatThrownBy(seed::afterSingletonsInstantiated).isInstanceOf(ServiceUnavailableException.class);
        }
    }
}
