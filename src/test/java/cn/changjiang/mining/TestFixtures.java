package cn.changjiang.mining;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.changjiang.mining.common.IssueStatus;
import cn.changjiang.mining.enforcement.JointEnforcementCandidate;
import cn.changjiang.mining.ledger.IssueTallies;
import org.neo4j.driver.Driver;
import org.springframework.core.io.ClassPathResource;

/** Loads and removes a test's own small graph; every fixture node is labelled :TestFixture. */
public final class TestFixtures {

    /** As graph-seed/V009 and V012 compute them, with the app's own expression for a problem's departments. */
    private static final String DEPARTMENT_SPANS = """
            MATCH (m:Mine)
            OPTIONAL MATCH (m)-[old:NEEDS_DEPARTMENT]->()
            DELETE old
            WITH DISTINCT m
            %s""".formatted(JointEnforcementCandidate.RECOUNT_DEPARTMENTS_OF_MINE);

    /** As graph-seed/V015 does for what was recorded before it: fixture places, mines and problems get their district. */
    private static final String DISTRICTS = """
            MATCH (district:Jurisdiction {id: 'CHANGJIANG'}), (t:Township)
            WHERE NOT (t)-[:PART_OF]->(:Jurisdiction)
            MERGE (t)-[:PART_OF]->(district)
            WITH count(*) AS townships
            MATCH (m:Mine) WHERE m.district IS NULL
            SET m.district = coalesce([(m)-[:LOCATED_IN]->(:Township)-[:PART_OF]->(d:Jurisdiction) | d.id][0], 'CHANGJIANG')
            WITH count(*) AS mines
            MATCH (i:Issue)-[:AT]->(m:Mine) WHERE i.district IS NULL
            SET i.district = m.district""";

    /** Every district's kept counts (ledger/IssueTallies) counted anew, after problems were written around the API. */
    private static final String KEPT_COUNTS = """
            CALL () {
              MATCH (i:Issue) WHERE i.district IS NOT NULL RETURN collect(DISTINCT i.district) AS withProblems
            }
            CALL () {
              MATCH (c:IssueTally) RETURN collect(DISTINCT c.district) AS withCells
            }
            WITH withProblems + [d IN withCells WHERE NOT d IN withProblems] AS districts
            CALL (districts) {
              %s
            }
            RETURN count(*) AS rebuilt""".formatted(IssueTallies.REBUILD.replace("$districts", "districts")
            .replace("RETURN count(*) AS item", "RETURN count(*) AS cellsWritten"));


    private TestFixtures() {
    }

    /** Recounts what the ledger keeps on write, for data a test wrote or removed directly. */
    public static void recountKeptCounts(Driver driver) {
        java.util.Map<String, Object> params = new java.util.HashMap<>(IssueTallies.parameters(java.time.LocalDate.now(cn.changjiang.mining.common.CampaignTime.ZONE)));
        params.putAll(IssueStatus.CYPHER_PARAMETERS);
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(KEPT_COUNTS, params).consume());
        }
    }

    public static void load(Driver driver, String resource) {
        List<String> statements = new ArrayList<>(statements(resource));
        // Fixtures write problems directly, not through the ledger: compute the mines' figures the ledger keeps.
        statements.add(DISTRICTS);
        statements.add(DEPARTMENT_SPANS);
        try (var session = driver.session()) {
            // As the app's CypherRunner does: every statement gets the status rules' parameters ($openStatuses, ...).
            session.executeWriteWithoutResult(tx -> statements.forEach(s -> tx.run(s, IssueStatus.CYPHER_PARAMETERS).consume()));
        }
        recountKeptCounts(driver);
    }

    private static List<String> statements(String resource) {
        try {
            String cypher = new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
            return Arrays.stream(cypher.split(";\\s*(\\n|$)"))
                    .map(s -> s.lines().filter(l -> !l.stripLeading().startsWith("//")).reduce("", (a, b) -> a + b + "\n").strip())
                    .filter(s -> !s.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void remove(Driver driver) {
        try (var session = driver.session()) {
            session.run("MATCH (a:JointEnforcementAction)-[:FOR_MINE]->(:TestFixture) DETACH DELETE a").consume();
            session.run("MATCH (n:TestFixture) DETACH DELETE n").consume();
        }
        recountKeptCounts(driver);
    }

    /**
     * Removes the mines a test registered through the API (licence numbers starting with the prefix), with their
     * problems, joint-enforcement actions, change records and idempotency keys.
     */
    public static void removeRegisteredMines(Driver driver, String licencePrefix) {
        try (var session = driver.session()) {
            session.run("""
                    MATCH (a:JointEnforcementAction)-[:FOR_MINE]->(m:Mine) WHERE m.licenceNumber STARTS WITH $prefix
                    OPTIONAL MATCH (c:Change {entityId: a.id})
                    OPTIONAL MATCH (k:IdempotencyKey {resultId: a.id})
                    DETACH DELETE c, k, a""", java.util.Map.of("prefix", licencePrefix)).consume();
            session.run("""
                    MATCH (m:Mine) WHERE m.licenceNumber STARTS WITH $prefix
                    OPTIONAL MATCH (i:Issue)-[:AT]->(m)
                    OPTIONAL MATCH (c:Change) WHERE c.entityId IN [m.id, i.id]
                    OPTIONAL MATCH (k:IdempotencyKey) WHERE k.resultId IN [m.id, i.id]
                    DETACH DELETE c, k, i, m""", java.util.Map.of("prefix", licencePrefix)).consume();
        }
        recountKeptCounts(driver);
    }

    /** Removes the problems a test imported from a file (台账编号 starting with the prefix), with their change records. */
    public static void removeImportedIssues(Driver driver, String ledgerNumberPrefix) {
        try (var session = driver.session()) {
            session.run("""
                    MATCH (i:Issue) WHERE i.ledgerNumber STARTS WITH $prefix
                    OPTIONAL MATCH (c:Change {entityId: i.id})
                    DETACH DELETE c, i""", java.util.Map.of("prefix", ledgerNumberPrefix)).consume();
        }
        recountKeptCounts(driver);
    }

    /** The one number a read-only Cypher query answers (a recount to check an answer against). */
    public static long count(Driver driver, String cypher) {
        try (var session = driver.session()) {
            return session.run(cypher).single().get(0).asLong();
        }
    }

    /** Runs one write in the database directly (fixtures, and undoing them). */
    public static void write(Driver driver, String cypher, java.util.Map<String, Object> params) {
        try (var session = driver.session()) {
            session.run(cypher, params).consume();
        }
        recountKeptCounts(driver);
    }

    /** The response carries an error whose first {@code extensions.code} is {@code code}. */
    public static void assertCode(org.springframework.graphql.test.tester.GraphQlTester.Response response, String code) {
        response.errors().satisfy(errors -> {
            org.assertj.core.api.Assertions.assertThat(errors).isNotEmpty();
            org.assertj.core.api.Assertions.assertThat(errors.getFirst().getExtensions()).containsEntry("code", code);
        });
    }
}
