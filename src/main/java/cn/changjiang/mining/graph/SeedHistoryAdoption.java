package cn.changjiang.mining.graph;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ac.simons.neo4j.migrations.core.MigrationChain;
import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsException;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upgrade from the former seed runner: a database it migrated has one {@code (:SeedMigration {version})} node per
 * applied file and none of Neo4j-Migrations' history. Those files are not idempotent in general, so they must not run
 * again: their versions are written into the library's history as applied, and only the later files then run.
 * <p>
 * Neo4j-Migrations 2.x has no baseline command (its {@code repair} leaves an empty history alone), so this writes the
 * chain the library's {@code apply} writes, {@code (:__Neo4jMigration {version: 'BASELINE'})-[:MIGRATED_TO]->(…)},
 * with the library's own view of the local files ({@link Migrations#info(MigrationChain.ChainBuilderMode)} in
 * {@code LOCAL} mode: version, description, source, checksum) and the time each was applied then. The library's
 * checksum validation on the next {@code apply} checks what was written. One transaction, after taking the write
 * locks of the {@code SeedMigration} nodes, so two instances that start together adopt once.
 */
final class SeedHistoryAdoption {

    private static final Logger log = LoggerFactory.getLogger(SeedHistoryAdoption.class);

    /** Who the history names as having applied the adopted versions. */
    static final String ADOPTED_BY = "SeedMigration";

    private SeedHistoryAdoption() {
    }

    /** @return the versions adopted, none when there is nothing to adopt (a new database, or one adopted before) */
    static List<String> adopt(Driver driver, Migrations migrations) {
        try (Session session = driver.session()) {
            if (!session.executeRead(SeedHistoryAdoption::needsAdoption)) {
                return List.of();
            }
            Map<String, MigrationChain.Element> local = new LinkedHashMap<>();
            migrations.info(MigrationChain.ChainBuilderMode.LOCAL).getElements()
                    .forEach(element -> local.put(element.getVersion(), element));
            String user = migrations.getConnectionDetails().getUsername();
            return session.executeWrite(tx -> adopt(tx, local, user));
        }
    }

    private static boolean needsAdoption(TransactionContext tx) {
        return tx.run("""
                RETURN EXISTS { (:SeedMigration) } AND NOT EXISTS { (:__Neo4jMigration) } AS needed""")
                .single().get(0).asBoolean();
    }

    private static List<String> adopt(TransactionContext tx, Map<String, MigrationChain.Element> local, String user) {
        // The write locks first: a second instance waits here, then sees the first one's history and stops.
        List<AppliedSeed> seeds = tx.run("""
                        MATCH (m:SeedMigration) WITH m ORDER BY m.version
                        SET m.adoptedAt = coalesce(m.adoptedAt, datetime())
                        RETURN m {.version, .appliedAt} AS seed""")
                .list(row -> AppliedSeed.from(row.get(0)));
        if (!needsAdoption(tx)) {
            return List.of();
        }
        Map<String, AppliedSeed> applied = new HashMap<>();
        seeds.forEach(seed -> applied.put(seed.libraryVersion(), seed));

        List<String> adopted = new ArrayList<>();
        String previous = "BASELINE";
        tx.run("CREATE (:__Neo4jMigration {version: 'BASELINE'})").consume();
        for (MigrationChain.Element element : local.values()) {
            AppliedSeed seed = applied.remove(element.getVersion());
            if (seed == null) {
                continue; // not applied yet: the library applies it next
            }
            Map<String, Object> migration = new HashMap<>();
            migration.put("version", element.getVersion());
            migration.put("description", element.getOptionalDescription().orElse(null));
            migration.put("type", element.getType().name());
            migration.put("repeatable", false);
            migration.put("source", element.getSource());
            migration.put("checksum", element.getChecksum()
                    .orElseThrow(() -> new MigrationsException("No checksum for " + element.getSource())));
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("previous", previous);
            parameters.put("migration", migration);
            parameters.put("at", seed.appliedAt() == null ? ZonedDateTime.now(ZoneOffset.UTC) : seed.appliedAt());
            parameters.put("by", ADOPTED_BY);
            parameters.put("user", user);
            tx.run("""
                    MATCH (p:__Neo4jMigration {version: $previous}) WHERE p.migrationTarget IS NULL
                    CREATE (c:__Neo4jMigration) SET c = $migration
                    CREATE (p)-[:MIGRATED_TO {at: datetime({datetime: $at, timezone: 'UTC'}), in: duration({milliseconds: 0}),
                                              by: $by, connectedAs: $user}]->(c)""", parameters).consume();
            previous = element.getVersion();
            adopted.add(element.getVersion());
        }
        if (!applied.isEmpty()) {
            // E.g. demo files applied while demo data was on, and it is off now: recorded again if they apply again.
            log.warn("Versions {} were applied by the former seed runner but have no file here; they are not adopted",
                    applied.values().stream().map(AppliedSeed::version).sorted().toList());
        }
        return adopted;
    }

    /** One {@code (:SeedMigration)} node as the former seed runner wrote it: {@code version} is {@code V001}. */
    record AppliedSeed(String version, ZonedDateTime appliedAt) {

        /** The library's version of the same file: the file name's version without its {@code V}. */
        String libraryVersion() {
            return version.startsWith("V") || version.startsWith("v") ? version.substring(1) : version;
        }

        static AppliedSeed from(Value value) {
            Value at = value.get("appliedAt");
            return new AppliedSeed(value.get("version").asString(), at.isNull() ? null : at.asZonedDateTime());
        }
    }
}
