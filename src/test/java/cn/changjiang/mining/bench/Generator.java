package cn.changjiang.mining.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a deterministic synthetic campaign ({@link SyntheticLedger}) into a running instance. Problems go through
 * the path users have: CSV files posted to {@code POST /ledger/import}, checked whole and then written by the app in
 * batches of 2,000 rows, each its own transaction. Townships, case officers and mines have no bulk import in the API, so they are written
 * directly over Bolt, in UNWIND batches, before the ledger. Progress is printed as it goes.
 * <pre>
 * ./mvnw -q exec:exec@generate -Dbench.args="--size S --url http://localhost:8080 --bolt bolt://127.0.0.1:7687"
 * </pre>
 */
public final class Generator {

    /** The sizes of issue 7: a city (S), a province (M) and the whole country (L). */
    enum Size {
        S(1_000, 10_000), M(10_000, 100_000), L(100_000, 1_000_000);

        final int mines;
        final int problems;

        Size(int mines, int problems) {
            this.mines = mines;
            this.problems = problems;
        }
    }

    /** What a run loaded and how fast the ledger import went. */
    record Result(int mines, int problems, long importNanos) {
        double problemsPerSecond() {
            return problems / (importNanos / 1e9);
        }
    }

    static final int MINE_BATCH = 10_000;
    /** Rows per CSV file posted: the import streams a file and commits it in batches, so a file may be large. */
    static final int DEFAULT_FILE_ROWS = 100_000;

    private final String baseUrl;
    private final Driver driver;
    private final String token;
    private final PrintStream log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Generator(String baseUrl, Driver driver, String token, PrintStream log) {
        this.baseUrl = baseUrl;
        this.driver = driver;
        this.token = token;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args);
        Size size = Size.valueOf(options.getOrDefault("size", "S"));
        int mines = Integer.parseInt(options.getOrDefault("mines", String.valueOf(size.mines)));
        int problems = Integer.parseInt(options.getOrDefault("problems", String.valueOf(size.problems)));
        long seed = Long.parseLong(options.getOrDefault("seed", "7"));
        int fileRows = Integer.parseInt(options.getOrDefault("file-rows", String.valueOf(DEFAULT_FILE_ROWS)));
        String url = options.getOrDefault("url", "http://localhost:8080");
        try (Driver driver = GraphDatabase.driver(options.getOrDefault("bolt", "bolt://127.0.0.1:7687"),
                BenchOptions.boltAuth(options))) {
            String token = BenchOptions.token(options, url);
            Generator generator = new Generator(url, driver, token, System.out);
            Result result = "province".equals(options.getOrDefault("shape", "district"))
                    ? generator.generateProvince(mines, problems, seed, fileRows)
                    : generator.generate(mines, problems, seed, fileRows);
            System.out.printf("Loaded %,d mines and %,d problems; ledger import %.1f s, %,.0f problems/s%n", result.mines(),
                    result.problems(), result.importNanos() / 1e9, result.problemsPerSecond());
        }
    }

    Result generate(int mines, int problems, long seed, int fileRows) {
        SyntheticLedger ledger = new SyntheticLedger(mines, problems, seed, plan(driver));
        writePlaces(ledger);
        for (int from = 0; from < mines; from += MINE_BATCH) {
            int to = Math.min(mines, from + MINE_BATCH);
            write("""
                    UNWIND $rows AS row
                    MATCH (t:Township {name: row.township})
                    MERGE (mineral:Mineral {name: row.mineral}) ON CREATE SET mineral.strategic = false
                    MERGE (m:Mine {id: row.id})
                    SET m.name = row.name, m.licenceNumber = row.licence, m.licenceStatus = row.licenceStatus,
                        m.miningMethod = row.method, m.greenMine = false, m.synthetic = true,
                        m.location = point({latitude: row.latitude, longitude: row.longitude}),
                        m.district = coalesce([(t)-[:PART_OF]->(d:Jurisdiction) | d.id][0], 'CHANGJIANG')
                    MERGE (m)-[:LOCATED_IN]->(t)
                    MERGE (m)-[:PRODUCES]->(mineral)""", Map.of("rows", ledger.mineRows(from, to)));
            log.printf("mines %,d / %,d%n", to, mines);
        }
        long started = System.nanoTime();
        for (int from = 0; from < problems; from += fileRows) {
            int to = Math.min(problems, from + fileRows);
            long t = System.nanoTime();
            importCsv(ledger.ledgerCsv(from, to));
            double elapsed = (System.nanoTime() - started) / 1e9;
            log.printf("problems %,d / %,d (this file %,.0f/s, overall %,.0f/s)%n", to, problems,
                    (to - from) / ((System.nanoTime() - t) / 1e9), to / elapsed);
        }
        return new Result(mines, problems, System.nanoTime() - started);
    }

    /**
     * The province shape ({@code --shape province}): the size's mines and problems spread over a generated province
     * ({@link ProvinceGenerator}: 1 province, 11 cities, 100 districts, 3 townships each) whose 112 plans go through
     * {@code importPlan} (createUnits) over GraphQL; mines over Bolt with their district; problems through the ledger
     * import as CSV files, each assigned to its own district's unit of the competent function.
     */
    Result generateProvince(int mines, int problems, long seed, int fileRows) {
        ProvinceGenerator province = new ProvinceGenerator(new ProvinceGenerator.Shape("SYNP", "南岭省", 11, 100, 3,
                mines, problems, seed));
        province.writeJurisdictions(driver);
        int n = 0;
        for (ProvinceGenerator.PlanText plan : province.plans()) {
            // A run stopped after the plans goes on from there: a jurisdiction's plan is imported once.
            if (!planImported(plan.jurisdiction())) {
                importPlan(plan.text(), plan.jurisdiction());
            }
            if (++n % 10 == 0) {
                log.printf("plans %d / %d%n", n, province.plans().size());
            }
        }
        ProvinceGenerator.Catalogue catalogue = ProvinceGenerator.catalogue(driver);
        province.writeMines(driver);
        log.printf("mines %,d%n", mines);
        long started = System.nanoTime();
        for (int from = 0; from < problems; from += fileRows) {
            int to = Math.min(problems, from + fileRows);
            importCsv(province.ledgerCsv(catalogue, 50, from, to));
            log.printf("problems %,d / %,d%n", to, problems);
        }
        long nanos = System.nanoTime() - started;
        // The ledger import does not yet keep i.district (reportIssue does): set it from the mine.
        write("""
                MATCH (i:Issue)-[:AT]->(m:Mine) WHERE i.district IS NULL AND m.district IS NOT NULL
                CALL (i, m) { SET i.district = m.district } IN TRANSACTIONS OF 10000 ROWS""", Map.of());
        return new Result(mines, problems, nanos);
    }

    private boolean planImported(String jurisdiction) {
        try (Session session = driver.session()) {
            return session.run("RETURN EXISTS { (:Plan)-[:FOR]->(:Jurisdiction {id: $j}) } AS imported", Map.of("j", jurisdiction))
                    .single().get("imported").asBoolean();
        }
    }

    /** importPlan over GraphQL as the office: dryRun false, createUnits true; an error stops the run. */
    private void importPlan(String text, String jurisdiction) {
        String body = JsonMapper.builder().build().writeValueAsString(Map.of(
                "query", "mutation($t: String!, $j: ID) { importPlan(input: {text: $t, dryRun: false, jurisdiction: $j, createUnits: true}) { planId } }",
                "variables", Map.of("t", text, "j", jurisdiction)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/graphql"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                throw new IllegalStateException("importPlan refused for " + jurisdiction + ": " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void writePlaces(SyntheticLedger ledger) {
        write("""
                MATCH (territorial:Unit {id: 'TOWNSHIPS'}), (district:Jurisdiction {id: 'CHANGJIANG'})
                UNWIND $rows AS row
                MERGE (t:Township {name: row.name})
                SET t.government = row.government, t.synthetic = true
                MERGE (t)-[:GOVERNED_AS]->(territorial)
                MERGE (t)-[:PART_OF]->(district)""", Map.of("rows", ledger.townshipRows()));
        write("""
                UNWIND $rows AS row
                MATCH (u:Unit {id: row.unit})
                MERGE (p:Person {id: row.id})
                SET p.name = row.name, p.rank = 'OFFICER', p.title = '经办人', p.synthetic = true
                MERGE (p)-[:SERVES_IN {rank: 'OFFICER'}]->(u)""", Map.of("rows", ledger.personRows()));
    }

    /** The plan's departments and each violation type's competent lead, as the generated rows refer to them. */
    static SyntheticLedger.Plan plan(Driver driver) {
        try (Session session = driver.session()) {
            List<String> departments = session.run("MATCH (u:Unit {kind: 'DEPARTMENT'}) RETURN u.id AS id ORDER BY u.order, u.id")
                    .list(r -> r.get("id").asString());
            Map<String, String> leads = new HashMap<>();
            List<Record> types = session.run("""
                    MATCH (v:ViolationType) WHERE NOT v:TestFixture
                    RETURN v.code AS code,
                           [(v)-[:COMPETENT_UNIT {role: 'LEAD'}]->(u:Unit {kind: 'DEPARTMENT'}) | u.id] AS leads
                    ORDER BY v.code""").list();
            types.forEach(r -> {
                List<String> l = r.get("leads").asList(Value::asString).stream().sorted().toList();
                if (!l.isEmpty()) {
                    leads.put(r.get("code").asString(), l.getFirst());
                }
            });
            return new SyntheticLedger.Plan(departments, types.stream().map(r -> r.get("code").asString()).toList(), leads);
        }
    }

    private void write(String cypher, Map<String, Object> params) {
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(cypher, params).consume());
        }
    }

    /** Posts one CSV file to the ledger import, as the office; a refused file stops the run. */
    void importCsv(String csv) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/ledger/import"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Import refused (" + response.statusCode() + "): "
                        + response.body().substring(0, Math.min(2_000, response.body().length())));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
