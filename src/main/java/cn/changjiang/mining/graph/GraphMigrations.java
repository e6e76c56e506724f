package cn.changjiang.mining.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ac.simons.neo4j.migrations.core.ClasspathResourceScanner;
import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import ac.simons.neo4j.migrations.core.MigrationsException;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies the versioned Cypher files of {@code graph-seed/} (and {@code graph-seed/demo/} when demo data is on) with
 * Neo4j-Migrations before the app serves requests, each once; the library records them as a chain of
 * {@code (:__Neo4jMigration)} nodes and holds its lock ({@code (:__Neo4jMigrationsLock)}) while it migrates, so
 * instances that start together against one server apply each file once. A database whose history is still the old
 * {@code (:SeedMigration)} nodes is adopted first ({@link SeedHistoryAdoption}): its applied files are not run again.
 * <p>
 * An external server that cannot be reached at start, or another instance migrating it, does not keep the app from
 * starting: the migrations are then applied in the background as soon as possible, and until then this health
 * indicator (part of the readiness group) reports OUT_OF_SERVICE while the API answers {@code UNAVAILABLE}. The
 * embedded engine is always there, so with it the migrations are applied before the app serves anything, or the
 * start fails. See docs/migrations.md.
 */
@Component
class GraphMigrations implements SmartInitializingSingleton, DisposableBean, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(GraphMigrations.class);

    static final String CORE = "classpath:graph-seed";
    static final String DEMO = "classpath:graph-seed/demo";
    /** The packages of the migrations written in Java (audit's {@code V028__ChangeSequence}, ledger's {@code V800__IssueTallies}). */
    static final String[] JAVA_MIGRATIONS = {"cn.changjiang.mining.audit", "cn.changjiang.mining.ledger"};
    /** Demo files are numbered V1xx; the app's own stay below V100 (tests use V9xx). */
    static final int FIRST_DEMO_VERSION = 100;

    private static final Duration LONGEST_RETRY_PAUSE = Duration.ofSeconds(5);

    private final Driver driver;
    private final GraphProperties graph;
    private final Migrations migrations;
    /** The same with the demo files, for a database that holds demo data though demo data is now off. */
    private final Migrations withDemo;
    private volatile boolean applied;
    private volatile Thread retries;

    @Autowired
    GraphMigrations(Driver driver, GraphProperties graph) {
        this(driver, graph, List.of());
    }

    /** With {@code extraLocations} (tests) scanned after the app's own. */
    GraphMigrations(Driver driver, GraphProperties graph, List<String> extraLocations) {
        this.driver = driver;
        this.graph = graph;
        this.migrations = new Migrations(config(graph.loadDemoData(), extraLocations), driver);
        this.withDemo = graph.loadDemoData() ? migrations : new Migrations(config(true, extraLocations), driver);
    }

    static MigrationsConfig config(boolean demoData, List<String> extraLocations) {
        List<String> locations = new ArrayList<>();
        locations.add(CORE);
        if (demoData) {
            locations.add(DEMO);
        }
        locations.addAll(extraLocations);
        return MigrationsConfig.builder()
                .withLocationsToScan(locations.toArray(String[]::new))
                .withResourceScanner(new OneFolderScanner())
                // Migrations written in Java (a count that reuses the app's own Cypher), found by their V###__ name.
                .withPackagesToScan(JAVA_MIGRATIONS)
                // Each file in one transaction; no file mixes schema and data.
                .withTransactionMode(MigrationsConfig.TransactionMode.PER_MIGRATION)
                // The demo files (V1xx) may already be applied when a new file of the app's own (V0xx) comes.
                .withOutOfOrderAllowed(true)
                .withInstalledBy("accountability-graph")
                .build();
    }

    Migrations migrations() {
        return migrations;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            applyPending();
        } catch (RuntimeException e) {
            if (!graph.external() || !(isOutage(e) || isLockedByAnother(e))) {
                throw e;
            }
            log.warn("The graph at {} cannot be migrated yet ({}); the API answers UNAVAILABLE until it is", graph.uri(),
                    e.getMessage());
            retries = Thread.ofVirtual().name("graph-migrations-retries").start(this::retryUntilApplied);
        }
    }

    private void retryUntilApplied() {
        Duration pause = Duration.ofMillis(500);
        int lockedTries = 0;
        while (!applied) {
            try {
                Thread.sleep(pause);
                applyPending();
                log.info("The graph at {} is migrated", graph.uri());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (isOutage(e)) {
                    log.debug("Neo4j still not reachable: {}", e.getMessage());
                } else if (isLockedByAnother(e)) {
                    if (++lockedTries % 60 == 0) {
                        log.warn("The migrations' lock is still held. If no other instance is migrating, a crashed one"
                                + " left it: remove the (:__Neo4jMigrationsLock) node (docs/migrations.md)");
                    }
                } else {
                    // Not an outage: a migration the server refuses. Retrying would not help; the app stays not ready.
                    log.error("Migrating the graph failed; the app stays not ready until this is fixed and it is restarted", e);
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_RETRY_PAUSE) > 0 ? LONGEST_RETRY_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    @Override
    public Health health() {
        return applied ? Health.up().build()
                : Health.outOfService().withDetail("migrations", "waiting for the database to apply the graph's migrations").build();
    }

    @Override
    public void destroy() {
        Thread running = retries;
        if (running != null) {
            running.interrupt();
        }
    }

    /** Adopts the old history if there is one, then applies what is pending. */
    void applyPending() {
        if (!graph.external()) {
            removeStaleLock();
        }
        // Demo files once applied stay in the history, which the library checks against the files it finds: a
        // database that holds demo data keeps them in view when demo data is switched off (its demo nodes stay too).
        Migrations chosen = migrations == withDemo || !demoDataApplied() ? migrations : withDemo;
        if (chosen != migrations) {
            log.info("Demo data is off, but this database holds it from before: its files stay in the migrations' view");
        }
        List<String> adopted = SeedHistoryAdoption.adopt(driver, chosen);
        if (!adopted.isEmpty()) {
            log.info("Adopted the versions {} applied by the former seed runner into the migrations' history", adopted);
        }
        chosen.apply();
        applied = true;
    }

    /** Whether a demo file (a version V1xx) was applied, by the library or by the former seed runner. */
    private boolean demoDataApplied() {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    RETURN EXISTS { MATCH (m:__Neo4jMigration) WHERE toInteger(m.version) >= $demo AND toInteger(m.version) < $demo + 100 }
                        OR EXISTS { MATCH (m:SeedMigration) WHERE toInteger(replace(m.version, 'V', '')) >= $demo
                                                       AND toInteger(replace(m.version, 'V', '')) < $demo + 100 } AS applied""",
                    java.util.Map.of("demo", FIRST_DEMO_VERSION)).single().get("applied").asBoolean());
        }
    }

    /** Only this process opens the embedded engine's store, so a lock found at start was left by a crash. */
    private void removeStaleLock() {
        try (Session session = driver.session()) {
            int removed = session.executeWrite(tx -> tx.run("MATCH (l:__Neo4jMigrationsLock) DELETE l")
                    .consume().counters().nodesDeleted());
            if (removed > 0) {
                log.warn("Removed the migrations' lock a crashed run of this app left in the embedded database");
            }
        }
    }

    static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException) {
                return true;
            }
        }
        return false;
    }

    /** The library reports a lock it could not take only by its message. */
    static boolean isLockedByAnother(Throwable e) {
        return e instanceof MigrationsException && e.getMessage() != null && e.getMessage().contains("__Neo4jMigrationsLock");
    }

    /**
     * The {@code *.cypher} files directly in each classpath location, not in its sub-folders: the library's own scanner
     * descends into them, and {@code graph-seed/demo/} must apply only with demo data. A location that does not exist
     * has no files. A file found twice under one name (the same folder named twice on a classpath) counts once.
     */
    static final class OneFolderScanner implements ClasspathResourceScanner {

        @Override
        public List<URL> scan(List<String> locations) {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            List<URL> found = new ArrayList<>();
            for (String location : locations) {
                try {
                    // One file per name and location: the first on the classpath, as a class would be found (a
                    // classpath may name one folder twice, or the app's folder and its jar).
                    java.util.Set<String> names = new java.util.HashSet<>();
                    for (Resource resource : resolver.getResources("classpath*:" + location + "/*.cypher")) {
                        if (names.add(resource.getFilename())) {
                            found.add(resource.getURL());
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return found;
        }
    }
}
