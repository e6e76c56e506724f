package cn.changjiang.mining.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies the versioned files of {@code graph-seed/} (and {@code graph-seed/demo/} when demo data is on) before
 * the app serves requests, each once: a file is applied when its version is not yet recorded. The files only
 * MERGE on business keys, so applying one again (by hand, with cypher-shell) never duplicates anything.
 * <p>
 * An external server that cannot be reached at start does not keep the app from starting: the seed is then applied
 * in the background as soon as the server answers, and until then this health indicator (part of the readiness
 * group) reports OUT_OF_SERVICE while the API answers {@code UNAVAILABLE}. The embedded engine is always there, so
 * with it the seed is applied before the app serves anything, or the start fails.
 */
@Component
class GraphSeed implements SmartInitializingSingleton, DisposableBean, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(GraphSeed.class);
    private static final Pattern STATEMENT_END = Pattern.compile(";\\s*$", Pattern.MULTILINE);
    private static final Pattern SCHEMA_STATEMENT = Pattern.compile("^\\s*(CREATE|DROP)\\s+(CONSTRAINT|INDEX|FULLTEXT|RANGE|TEXT|POINT)",
            Pattern.CASE_INSENSITIVE);

    private static final Duration LONGEST_RETRY_PAUSE = Duration.ofSeconds(5);

    private final Driver driver;
    private final GraphProperties graph;
    private volatile boolean applied;
    private volatile Thread retries;

    GraphSeed(Driver driver, GraphProperties graph) {
        this.driver = driver;
        this.graph = graph;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            applyPending();
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            if (!graph.external()) {
                throw e;
            }
            log.warn("Neo4j at {} is not reachable ({}); the API answers UNAVAILABLE until it is, and the seed is applied then",
                    graph.uri(), e.getMessage());
            retries = Thread.ofVirtual().name("graph-seed-retries").start(this::retryUntilApplied);
        }
    }

    private void retryUntilApplied() {
        Duration pause = Duration.ofMillis(500);
        while (!applied) {
            try {
                Thread.sleep(pause);
                applyPending();
                log.info("Neo4j at {} is reachable again; the seed is up to date", graph.uri());
            } catch (InterruptedException e) {
                return;
            } catch (ServiceUnavailableException | SessionExpiredException e) {
                pause = pause.multipliedBy(2).compareTo(LONGEST_RETRY_PAUSE) > 0 ? LONGEST_RETRY_PAUSE : pause.multipliedBy(2);
                log.debug("Neo4j still not reachable: {}", e.getMessage());
            } catch (RuntimeException e) {
                // Not an outage: a seed file the server refuses. Retrying would not help; the app stays not ready.
                log.error("Applying the graph seed failed; the app stays not ready until this is fixed and it is restarted", e);
                return;
            }
        }
    }

    @Override
    public Health health() {
        return applied ? Health.up().build()
                : Health.outOfService().withDetail("seed", "waiting for the database to apply the graph seed").build();
    }

    @Override
    public void destroy() {
        Thread running = retries;
        if (running != null) {
            running.interrupt();
        }
    }

    private void applyPending() {
        List<SeedFile> files = new ArrayList<>(load("classpath:graph-seed/*.cypher"));
        if (graph.loadDemoData()) {
            files.addAll(load("classpath:graph-seed/demo/*.cypher"));
        }
        try (Session session = driver.session(SessionConfig.defaultConfig())) {
            for (SeedFile file : files) {
                String appliedChecksum = session.executeRead(tx -> tx.run(
                                "OPTIONAL MATCH (m:SeedMigration {version: $version}) RETURN m.checksum AS checksum",
                                Map.of("version", file.version()))
                        .single().get("checksum").asString(null));
                if (appliedChecksum != null) {
                    if (!file.checksum().equals(appliedChecksum)) {
                        // Applied files are history: re-running an edited one could reset data changed since.
                        log.warn("Graph seed {} changed after it was applied; not applied again. Add a new version instead.",
                                file.version());
                    }
                    continue;
                }
                apply(session, file);
                log.info("Applied graph seed {} ({})", file.version(), file.name());
            }
        }
        applied = true;
    }

    private void apply(Session session, SeedFile file) {
        List<String> statements = file.statements();
        boolean schema = statements.stream().allMatch(s -> SCHEMA_STATEMENT.matcher(s).find());
        if (schema) {
            // Schema changes cannot share a transaction with data; each is idempotent (IF NOT EXISTS).
            statements.forEach(statement -> session.run(statement).consume());
            session.executeWriteWithoutResult(tx -> record(tx, file));
        } else {
            session.executeWriteWithoutResult(tx -> {
                statements.forEach(statement -> tx.run(statement).consume());
                record(tx, file);
            });
        }
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
            return Arrays.stream(resources)
                    .map(SeedFile::read)
                    .sorted(Comparator.comparing(SeedFile::version))
                    .toList();
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
            return STATEMENT_END.splitAsStream(withoutComments)
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }

        private static String sha256(String content) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
