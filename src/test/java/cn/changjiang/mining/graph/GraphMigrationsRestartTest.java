package cn.changjiang.mining.graph;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded database keeps its data across restarts, and the migrations never duplicate anything. */
class GraphMigrationsRestartTest {

    private static final String SHAPE = """
            MATCH (n) WHERE NOT n:__Neo4jMigration WITH count(n) AS nodes
            OPTIONAL MATCH (a)-[r]->() WHERE NOT a:__Neo4jMigration WITH nodes, count(r) AS relationships
            OPTIONAL MATCH ()-[at:MIGRATED_TO]->(m:__Neo4jMigration)
            WITH nodes, relationships, collect(m.version + '@' + toString(at.at)) AS applied
            RETURN nodes, relationships, applied""";

    private static final String PASSWORD = "a-password-for-this-test";

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepTheSeededGraphAcrossRestartsWithoutApplyingItAgainEvenWithDemoDataOff() throws Exception {
        GraphProperties properties = new GraphProperties(null, null, null, dataDir, "64m", true, null, null);
        Record first = startMigrateAndRead(properties);
        assertThat(first.get("nodes").asInt()).isGreaterThan(100);
        int seedFiles = new PathMatchingResourcePatternResolver().getResources("classpath:graph-seed/*.cypher").length
                + new PathMatchingResourcePatternResolver().getResources("classpath:graph-seed/demo/*.cypher").length
                + JavaMigrations.count(); // audit/V028, ledger/V800: migrations in Java
        assertThat(first.get("applied").asList()).hasSize(seedFiles);

        Record second = startMigrateAndRead(properties);
        assertThat(second.get("nodes").asInt()).isEqualTo(first.get("nodes").asInt());
        assertThat(second.get("relationships").asInt()).isEqualTo(first.get("relationships").asInt());
        assertThat(second.get("applied").asList()).as("files applied at the first start only")
                .containsExactlyInAnyOrderElementsOf(first.get("applied").asList());

        // Demo data switched off on a database that holds it: it starts, and the demo nodes stay.
        Record demoOff = startMigrateAndRead(new GraphProperties(null, null, null, dataDir, "64m", false, null, null));
        assertThat(demoOff.get("nodes").asInt()).isEqualTo(first.get("nodes").asInt());
        assertThat(demoOff.get("applied").asList()).containsExactlyInAnyOrderElementsOf(first.get("applied").asList());
    }

    @Test
    void shouldChangeNothingWhenEverySeedFileIsAppliedTwice() {
        GraphProperties properties = new GraphProperties(null, null, null, dataDir, "64m", true, null, null);
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties.dataDir(), properties.pageCache(), null, PASSWORD);
             Driver driver = GraphDatabase.driver(neo4j.uri(), neo4j.authToken())) {
            new GraphMigrations(driver, properties).afterSingletonsInstantiated();
            Record once = read(driver);
            try (var session = driver.session()) {
                session.run("MATCH (m:__Neo4jMigration) DETACH DELETE m").consume();
            }
            new GraphMigrations(driver, properties).afterSingletonsInstantiated();
            Record twice = read(driver);
            assertThat(twice.get("applied").asList()).hasSameSizeAs(once.get("applied").asList());
            assertThat(twice.get("nodes").asInt()).isEqualTo(once.get("nodes").asInt());
            assertThat(twice.get("relationships").asInt()).isEqualTo(once.get("relationships").asInt());
        }
    }

    @Test
    void shouldStartAfterACrashLeftTheMigrationsLockBehind() {
        GraphProperties properties = new GraphProperties(null, null, null, dataDir, "64m", false, null, null);
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties.dataDir(), properties.pageCache(), null, PASSWORD);
             Driver driver = GraphDatabase.driver(neo4j.uri(), neo4j.authToken())) {
            try (var session = driver.session()) {
                session.run("CREATE (:__Neo4jMigrationsLock {id: 'left by a crash', name: 'John Doe'})").consume();
            }
            GraphMigrations migrations = new GraphMigrations(driver, properties);
            migrations.afterSingletonsInstantiated();
            assertThat(migrations.health().getStatus().getCode()).isEqualTo("UP");
            try (var session = driver.session()) {
                assertThat(session.run("MATCH (l:__Neo4jMigrationsLock) RETURN count(l) AS n").single().get("n").asInt()).isZero();
            }
        }
    }

    private static Record startMigrateAndRead(GraphProperties properties) {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties.dataDir(), properties.pageCache(), null, PASSWORD);
             Driver driver = GraphDatabase.driver(neo4j.uri(), neo4j.authToken())) {
            new GraphMigrations(driver, properties).afterSingletonsInstantiated();
            return read(driver);
        }
    }

    private static Record read(Driver driver) {
        try (var session = driver.session()) {
            List<Record> rows = session.run(SHAPE).list();
            return rows.getFirst();
        }
    }
}
