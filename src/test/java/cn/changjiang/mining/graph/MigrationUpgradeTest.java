package cn.changjiang.mining.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ac.simons.neo4j.migrations.core.MigrationChain;
import ac.simons.neo4j.migrations.core.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database the former seed runner migrated upgrades in place: its applied files are adopted into the library's
 * history, not run again, and later files apply once.
 */
class MigrationUpgradeTest {

    private static final String PASSWORD = "a-password-for-this-test";
    private static final String EDITED_TITLE = "edited after the seed; running V002 again would reset it";

    @TempDir
    Path dataDir;

    @Test
    void shouldAdoptTheFormerSeedHistoryAndApplyOnlyLaterMigrations() {
        GraphProperties properties = new GraphProperties(null, null, null, dataDir, "64m", true, null, null);
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties.dataDir(), properties.pageCache(), null, PASSWORD);
             Driver driver = GraphDatabase.driver(neo4j.uri(), neo4j.authToken())) {
            List<String> oldVersions = FormerSeedRunner.applyAll(driver, true);
            assertThat(oldVersions).hasSize(33).startsWith("V001").endsWith("V107");
            try (Session session = driver.session()) {
                session.run("MATCH (c:Campaign) SET c.title = $title", Map.of("title", EDITED_TITLE)).consume();
            }

            GraphMigrations migrations = new GraphMigrations(driver, properties, List.of("classpath:migrations-test"));
            migrations.afterSingletonsInstantiated();

            try (Session session = driver.session()) {
                assertThat(session.run("MATCH (c:Campaign) RETURN c.title AS t").single().get("t").asString())
                        .as("V002 not applied again").isEqualTo(EDITED_TITLE);
                assertThat(probes(session)).as("the new migration applied once").isEqualTo(1);
            }
            MigrationChain chain = migrations.migrations().info();
            List<String> expected = new ArrayList<>(oldVersions.stream().map(v -> v.substring(1)).toList());
            expected.add("028"); // audit/V028__ChangeSequence, audit/V031__ChangeDistricts and ledger/V800__IssueTallies:
            expected.add("031"); // migrations in Java the former runner never knew
            expected.add("800");
            expected.add("901");
            expected.sort(null); // three digits each: the chain's order
            assertThat(chain.getElements()).extracting(MigrationChain.Element::getVersion).containsExactlyElementsOf(expected);
            assertThat(chain.getElements()).allMatch(e -> e.getState() == MigrationState.APPLIED);
            assertThat(chain.getElements()).filteredOn(e -> !List.of("028", "031", "800", "901").contains(e.getVersion()))
                    .allMatch(e -> e.getInstalledBy().orElseThrow().startsWith(SeedHistoryAdoption.ADOPTED_BY + "/"));
            assertThat(chain.getElements()).filteredOn(e -> List.of("028", "031", "800", "901").contains(e.getVersion()))
                    .allMatch(e -> e.getInstalledBy().orElseThrow().startsWith("accountability-graph/"));
            assertThat(migrations.migrations().validate().isValid()).as("checksums as the library computes them").isTrue();

            // A restart (and a second instance adopting) changes nothing.
            GraphMigrations again = new GraphMigrations(driver, properties, List.of("classpath:migrations-test"));
            again.afterSingletonsInstantiated();
            try (Session session = driver.session()) {
                assertThat(probes(session)).isEqualTo(1);
                assertThat(session.run("MATCH (m:__Neo4jMigration) RETURN count(m) AS n").single().get("n").asInt())
                        .as("BASELINE and one node per version").isEqualTo(expected.size() + 1);
            }
            assertThat(SeedHistoryAdoption.adopt(driver, again.migrations())).isEmpty();
        }
    }

    @Test
    void shouldApplyFilesTheFormerRunnerHadNotAppliedYet() {
        GraphProperties properties = new GraphProperties(null, null, null, dataDir, "64m", true, null, null);
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(properties.dataDir(), properties.pageCache(), null, PASSWORD);
             Driver driver = GraphDatabase.driver(neo4j.uri(), neo4j.authToken())) {
            // Demo data off under the former runner, on now: the demo files are new to this database.
            FormerSeedRunner.applyAll(driver, false);
            GraphMigrations migrations = new GraphMigrations(driver, properties);
            migrations.afterSingletonsInstantiated();
            MigrationChain chain = migrations.migrations().info();
            assertThat(chain.getElements()).filteredOn(e -> e.getVersion().startsWith("1"))
                    .hasSize(6) // the six demo files
                    .allMatch(e -> e.getState() == MigrationState.APPLIED
                            && e.getInstalledBy().orElseThrow().startsWith("accountability-graph/"));
            try (Session session = driver.session()) {
                assertThat(session.run("MATCH (m:Mine) WHERE m.id STARTS WITH 'demo-mine-' RETURN count(m) AS n").single().get("n").asInt()).isPositive();
            }
        }
    }

    private static int probes(Session session) {
        return session.run("MATCH (p:MigrationProbe) RETURN count(p) AS n").single().get("n").asInt();
    }

    /** What the former seed runner (graph/GraphSeed) did, copied as it was: the database today's main leaves. */
    static final class FormerSeedRunner {

        private static final Pattern STATEMENT_END = Pattern.compile(";\\s*$", Pattern.MULTILINE);
        private static final Pattern SCHEMA_STATEMENT = Pattern.compile(
                "^\\s*(CREATE|DROP)\\s+(CONSTRAINT|INDEX|FULLTEXT|RANGE|TEXT|POINT)", Pattern.CASE_INSENSITIVE);

        static List<String> applyAll(Driver driver, boolean demoData) {
            List<SeedFile> files = new ArrayList<>(load("classpath:graph-seed/*.cypher"));
            if (demoData) {
                files.addAll(load("classpath:graph-seed/demo/*.cypher"));
            }
            try (Session session = driver.session()) {
                for (SeedFile file : files) {
                    List<String> statements = file.statements();
                    if (statements.stream().allMatch(s -> SCHEMA_STATEMENT.matcher(s).find())) {
                        statements.forEach(statement -> session.run(statement).consume());
                        session.executeWriteWithoutResult(tx -> record(tx, file));
                    } else {
                        session.executeWriteWithoutResult(tx -> {
                            statements.forEach(statement -> tx.run(statement).consume());
                            record(tx, file);
                        });
                    }
                }
            }
            return files.stream().map(SeedFile::version).toList();
        }

        private static void record(org.neo4j.driver.TransactionContext tx, SeedFile file) {
            tx.run("""
                    MERGE (m:SeedMigration {version: $version})
                    SET m.name = $name, m.checksum = $checksum, m.appliedAt = datetime()""",
                    Map.of("version", file.version(), "name", file.name(), "checksum", file.checksum())).consume();
        }

        private static List<SeedFile> load(String pattern) {
            try {
                Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
                return Arrays.stream(resources).map(SeedFile::read).sorted(Comparator.comparing(SeedFile::version)).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        record SeedFile(String version, String name, String content, String checksum) {

            static SeedFile read(Resource resource) {
                String filename = resource.getFilename();
                String[] parts = filename.replace(".cypher", "").split("__", 2);
                try {
                    String content = resource.getContentAsString(StandardCharsets.UTF_8);
                    return new SeedFile(parts[0], parts.length > 1 ? parts[1] : filename, content, sha256(content));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            List<String> statements() {
                String withoutComments = content.lines()
                        .filter(line -> !line.stripLeading().startsWith("//"))
                        .reduce("", (a, b) -> a + b + "\n");
                return STATEMENT_END.splitAsStream(withoutComments).map(String::strip).filter(s -> !s.isEmpty()).toList();
            }

            private static String sha256(String content) {
                try {
                    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(content.getBytes(StandardCharsets.UTF_8)));
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
