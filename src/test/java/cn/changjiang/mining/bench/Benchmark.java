package cn.changjiang.mining.bench;

import cn.changjiang.mining.audit.AuditTrail;
import cn.changjiang.mining.common.IssueStatus;
import cn.changjiang.mining.enforcement.DepartmentSpans;
import cn.changjiang.mining.enforcement.JointEnforcementCandidate;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * Measures the API against hand-written Cypher on the same database, in one run: every workload of
 * {@link Workloads} through HTTP GraphQL and through the driver (after checking that both give the same answer),
 * W1 under 16 concurrent clients with wrk, the ledger import against a plain UNWIND of the same rows, the
 * instance's resident memory, and the time from start to the first answer of a fresh instance on the demo data.
 * Prints a table and writes the figures as JSON.
 * <pre>
 * ./mvnw -q test-compile exec:exec@bench -Dbench.args="--url http://localhost:8080 --bolt bolt://127.0.0.1:7687 --size S"
 * </pre>
 */
public final class Benchmark {

    private static final String ROUND_TRIPS = "accountability.cypher.round-trips";

    /** Latencies of one side of one workload. */
    record Figures(int requests, double p50, double p95, double p99, double perSecond, double roundTrips) {
        static Figures of(long[] nanos, double seconds, double roundTrips) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Figures(sorted.length, millis(sorted, 0.50), millis(sorted, 0.95), millis(sorted, 0.99),
                    sorted.length / seconds, roundTrips);
        }

        private static double millis(long[] sorted, double quantile) {
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    private final Target target;
    private final Map<String, String> options;
    private final int iterations;
    private final double maxSeconds;

    Benchmark(Target target, Map<String, String> options) {
        this.target = target;
        this.options = options;
        this.iterations = Integer.parseInt(options.getOrDefault("iterations", "300"));
        this.maxSeconds = Double.parseDouble(options.getOrDefault("max-seconds", "20"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args);
        String url = options.getOrDefault("url", "http://localhost:8080");
        try (Driver driver = GraphDatabase.driver(options.getOrDefault("bolt", "bolt://127.0.0.1:7687"),
                BenchOptions.boltAuth(options))) {
            Target target = new Target(url, BenchOptions.token(options, url), driver, BenchOptions.jurisdiction(options)).pick();
            new Benchmark(target, options).run();
        }
    }

    void run() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", OffsetDateTime.now().toString());
        report.put("size", options.getOrDefault("size", "?"));
        report.put("hardware", hardware());
        try (Session session = target.driver().session()) {
            report.put("graph", session.run("""
                    RETURN COUNT { (:Mine) } AS mines, COUNT { (:Issue) } AS problems,
                           COUNT { (i:Issue) WHERE i.status IN $openStatuses } AS open""", IssueStatus.CYPHER_PARAMETERS).single().asMap());
        }
        report.put("scope", target.jurisdiction() == null ? Target.HOME : target.jurisdiction());
        if (options.containsKey("peer")) {
            report.put("peer", "@neo4j/graphql 7 with Apollo Server (bench/peer), " + options.get("peer"));
        }
        System.out.println("Graph: " + report.get("graph") + "; scope " + report.get("scope") + " (" + target.districts().size()
                + " districts); mine " + target.mineId() + ", problem " + target.issueId());
        Map<String, Object> workloads = new LinkedHashMap<>();
        List<String> only = List.of(options.getOrDefault("only", "W1,W2,W3,W4,W5,W6,W7,W8").split(","));
        for (Workloads.Workload w : Workloads.ALL) {
            if (!only.contains(w.id())) {
                continue;
            }
            workloads.put(w.id(), w.write() ? measureWrite(w) : measureRead(w));
        }
        report.put("workloads", workloads);
        if (!options.containsKey("no-wrk")) {
            report.put("W1_16_clients", wrk());
        }
        if (!options.containsKey("no-import")) {
            report.put("import", importRates());
        }
        if (options.containsKey("server-pid")) {
            report.put("serverMemory", memory(Long.parseLong(options.get("server-pid"))));
        }
        if (!options.containsKey("no-start")) {
            report.put("startToFirstAnswerSeconds", startToFirstAnswer());
        }
        Path out = Path.of(options.getOrDefault("out", "target/bench/results-" + report.get("size") + ".json"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Target.JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), report);
        System.out.println();
        System.out.println(table(report));
        System.out.println("Figures written to " + out);
    }

    private Map<String, Object> measureRead(Workloads.Workload w) {
        Object viaGraphQl = w.canonical().apply(Target.plain(target.graphQl(w.graphQl().apply(target)).get(w.answerField())));
        Object viaCypher = w.canonical().apply(target.cypher(w.cypher().apply(target), false));
        if (!Objects.equals(viaGraphQl, viaCypher)) {
            throw new IllegalStateException(w.id() + ": GraphQL and Cypher answers differ:\n" + viaGraphQl + "\n" + viaCypher);
        }
        warmUp(() -> target.graphQl(w.graphQl().apply(target)));
        double before = target.metric(ROUND_TRIPS);
        Figures graphQl = time(() -> target.graphQl(w.graphQl().apply(target)));
        double after = target.metric(ROUND_TRIPS);
        double roundTrips = before < 0 ? -1 : (after - before) / graphQl.requests();
        graphQl = new Figures(graphQl.requests(), graphQl.p50(), graphQl.p95(), graphQl.p99(), graphQl.perSecond(),
                roundTrips);
        warmUp(() -> target.cypher(w.cypher().apply(target), false));
        Figures cypher = time(() -> target.cypher(w.cypher().apply(target), false));
        cypher = new Figures(cypher.requests(), cypher.p50(), cypher.p95(), cypher.p99(), cypher.perSecond(), 1);
        Map<String, Object> result = result(w, graphQl, cypher);
        measurePeer(w, viaGraphQl, result);
        return result;
    }

    /**
     * The same workload through the peer ({@code --peer URL}, bench/peer), when it can express it: first checked to
     * give this API's answer (both as a set where the order is open: a subgraph), then timed as the API was.
     */
    private void measurePeer(Workloads.Workload w, Object viaGraphQl, Map<String, Object> result) {
        PeerWorkloads.PeerWorkload peer = PeerWorkloads.ALL.get(w.id());
        String url = options.get("peer");
        if (url == null || peer == null) {
            return;
        }
        Object ours = w.id().equals("W4") ? PeerWorkloads.sorted(viaGraphQl) : viaGraphQl;
        Object theirs = Target.plain(peer.answer().apply(target.peer(url, peer.request().apply(target))));
        if (w.id().equals("W4") && Boolean.TRUE.equals(((Map<?, ?>) viaGraphQl).get("truncated"))) {
            result.put("peerNote", "the API truncates this subgraph; answers not compared");
        } else if (!Objects.equals(ours, theirs)) {
            throw new IllegalStateException(w.id() + ": the API's and the peer's answers differ:\n" + ours + "\n" + theirs);
        }
        warmUp(() -> target.peer(url, peer.request().apply(target)));
        Figures figures = time(() -> target.peer(url, peer.request().apply(target)));
        Figures graphQl = (Figures) result.get("graphQl");
        result.put("peer", figures);
        result.put("ratioOursToPeerP50", graphQl.p50() / figures.p50());
        System.out.printf("%s %-50s peer p50 %8.2f ms  ours/peer %.2f%n", w.id(), "", figures.p50(),
                graphQl.p50() / figures.p50());
    }

    /** W7: report a problem, then assign it; both ways create real problems at the chosen mine. */
    private Map<String, Object> measureWrite(Workloads.Workload w) {
        Runnable viaGraphQl = () -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> issue = (Map<String, Object>) ((Map<String, Object>) target.graphQl(w.graphQl().apply(target))
                    .get("reportIssue")).get("issue");
            Map<String, Object> assigned = target.graphQl(new Workloads.Request(Workloads.W7_ASSIGN, Map.of("id", issue.get("id"))));
            check(assigned.toString().contains("RECTIFYING"), "W7 via GraphQL did not assign: " + assigned);
        };
        warmUp(viaGraphQl);
        double before = target.metric(ROUND_TRIPS);
        Figures graphQl = time(viaGraphQl);
        double after = target.metric(ROUND_TRIPS);
        graphQl = new Figures(graphQl.requests(), graphQl.p50(), graphQl.p95(), graphQl.p99(), graphQl.perSecond(),
                before < 0 ? -1 : (after - before) / graphQl.requests());
        Runnable viaCypher = () -> {
            Object id = target.cypher(w.cypher().apply(target), true);
            Object status = target.cypher(new Workloads.Request(Workloads.Cypher.ASSIGN, Map.of("id", id)), true);
            check("RECTIFYING".equals(status), "W7 via Cypher did not assign: " + status);
        };
        warmUp(viaCypher);
        Figures cypher = time(viaCypher);
        cypher = new Figures(cypher.requests(), cypher.p50(), cypher.p95(), cypher.p99(), cypher.perSecond(), 2);
        return result(w, graphQl, cypher);
    }

    private static Map<String, Object> result(Workloads.Workload w, Figures graphQl, Figures cypher) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("title", w.title());
        result.put("graphQl", graphQl);
        result.put("cypher", cypher);
        result.put("ratioP50", graphQl.p50() / cypher.p50());
        System.out.printf("%s %-50s GraphQL p50 %8.2f ms  Cypher p50 %8.2f ms  ratio %.2f%n", w.id(), w.title(),
                graphQl.p50(), cypher.p50(), graphQl.p50() / cypher.p50());
        return result;
    }

    /** Up to 20 calls or a quarter of {@code maxSeconds} (at most 5 s), untimed. */
    private void warmUp(Runnable call) {
        long warmUpEnd = System.nanoTime() + (long) (Math.min(5, maxSeconds / 4) * 1e9);
        int warm = 0;
        while (warm++ < 20 && System.nanoTime() < warmUpEnd) {
            call.run();
        }
    }

    /** Up to {@code iterations} sequential calls or {@code maxSeconds}, whichever ends first (at least 5). */
    private Figures time(Runnable call) {
        List<Long> nanos = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + (long) (maxSeconds * 1e9);
        while (nanos.size() < iterations && (nanos.size() < 5 || System.nanoTime() < end)) {
            long t = System.nanoTime();
            call.run();
            nanos.add(System.nanoTime() - t);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return Figures.of(nanos.stream().mapToLong(Long::longValue).toArray(), seconds, 0);
    }

    /** W1 with 16 concurrent connections from wrk (Debian package {@code wrk}), for {@code --wrk-seconds}. */
    private Map<String, Object> wrk() throws Exception {
        Workloads.Request request = Workloads.W1.graphQl().apply(target);
        String body = Target.JSON.writeValueAsString(Map.of("query", request.text(), "variables", request.parameters()));
        Path script = Files.createTempFile("w1-", ".lua");
        Files.writeString(script, """
                wrk.method = "POST"
                wrk.body = [==[%s]==]
                wrk.headers["Content-Type"] = "application/json"
                wrk.headers["Authorization"] = "Bearer %s"
                """.formatted(body, target.token()));
        String seconds = options.getOrDefault("wrk-seconds", "20");
        List<String> command = List.of(options.getOrDefault("wrk", "wrk"), "-t2", "-c16", "-d" + seconds + "s",
                "--latency", "-s", script.toString(), target.baseUrl() + "/graphql");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        Files.deleteIfExists(script);
        System.out.println(output);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tool", "wrk -t2 -c16 -d" + seconds + "s");
        result.put("requestsPerSecond", number(output, "Requests/sec:\\s+([\\d.]+)"));
        result.put("p50", latency(output, "50%"));
        result.put("p99", latency(output, "99%"));
        result.put("non2xx", output.contains("Non-2xx") ? number(output, "Non-2xx or 3xx responses:\\s+(\\d+)") : 0);
        return result;
    }

    /**
     * The ledger import through the app (one CSV file over HTTP: spooled, checked whole in a streaming pass, then
     * written in batches of 2,000 rows, each one transaction with its change records, the mines' departments and the
     * job's progress) against plain UNWINDs of the same rows over Bolt, in transactions of the same batches: the
     * problems and their relationships alone ("plain"), and the same writes as the app's ("same writes": the problems,
     * one change record each, and the mines' departments by the app's own statement). All add new problems; the plain
     * ones are removed afterwards, with what they added to the mines' departments.
     */
    private Map<String, Object> importRates() throws Exception {
        int rows = Integer.parseInt(options.getOrDefault("import-rows", "10000"));
        int batch = Integer.parseInt(options.getOrDefault("import-batch", "2000"));
        Map<String, Object> sizes;
        try (Session session = target.driver().session()) {
            sizes = session.run("MATCH (m:Mine) WHERE m.id STARTS WITH 'syn-mine-' RETURN count(m) AS mines").single().asMap();
        }
        int mines = ((Number) sizes.get("mines")).intValue();
        if (mines == 0) {
            System.out.println("Import not measured: no mines of the district shape (syn-mine-…) to import problems for");
            return Map.of("skipped", "no mines of the district shape");
        }
        SyntheticLedger ledger = new SyntheticLedger(mines, rows, Long.parseLong(options.getOrDefault("seed", "7")),
                Generator.plan(target.driver()));
        String stamp = String.valueOf(System.currentTimeMillis() / 1000);
        String viaApp = ledger.ledgerCsv(0, rows, "BENCH-" + stamp);
        Generator generator = new Generator(target.baseUrl(), target.driver(), target.token(), System.out);
        long t = System.nanoTime();
        generator.importCsv(viaApp);
        double appSeconds = (System.nanoTime() - t) / 1e9;

        List<Map<String, Object>> plain = plainRows(ledger.ledgerCsv(0, rows, "UNWIND-" + stamp));
        double plainSeconds = plainImport(plain, batch, false);
        List<Map<String, Object>> same = plainRows(ledger.ledgerCsv(0, rows, "SAME-" + stamp));
        double sameSeconds = plainImport(same, batch, true);
        removePlain(same.stream().map(r -> (String) r.get("id")).toList(), true);
        removePlain(plain.stream().map(r -> (String) r.get("id")).toList(), false);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rows", rows);
        result.put("batchRows", batch);
        result.put("appProblemsPerSecond", rows / appSeconds);
        result.put("plainUnwindProblemsPerSecond", rows / plainSeconds);
        result.put("sameWritesUnwindProblemsPerSecond", rows / sameSeconds);
        result.put("appShareOfPlain", plainSeconds / appSeconds);
        result.put("appShareOfSameWrites", sameSeconds / appSeconds);
        System.out.printf("Import of %,d problems: app %,.0f/s; plain UNWIND %,.0f/s (app %.0f%%); UNWIND with the same"
                        + " writes %,.0f/s (app %.0f%%)%n", rows, rows / appSeconds, rows / plainSeconds,
                100 * plainSeconds / appSeconds, rows / sameSeconds, 100 * sameSeconds / appSeconds);
        return result;
    }

    /** Seconds to write {@code rows} in transactions of {@code batch} rows, with change records and departments or not. */
    private double plainImport(List<Map<String, Object>> rows, int batch, boolean sameWrites) {
        long t = System.nanoTime();
        try (Session session = target.driver().session()) {
            for (int from = 0; from < rows.size(); from += batch) {
                List<Map<String, Object>> part = rows.subList(from, Math.min(rows.size(), from + batch));
                session.executeWriteWithoutResult(tx -> {
                    tx.run(PLAIN_UNWIND, Map.of("rows", part)).consume();
                    if (sameWrites) {
                        List<String> ids = part.stream().map(r -> (String) r.get("id")).toList();
                        tx.run(PLAIN_CHANGES, Map.of("rows", part.stream().map(Benchmark::changeRecord).toList(),
                                "at", java.time.ZonedDateTime.now(), "requestId", "bench")).consume();
                        Map<String, Object> spans = new HashMap<>(IssueStatus.CYPHER_PARAMETERS);
                        spans.put("issueIds", ids);
                        tx.run(DepartmentSpans.ADD, spans).consume();
                    }
                });
            }
        }
        return (System.nanoTime() - t) / 1e9;
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** A change record as the app writes one for an imported problem: every field from nothing to its value. */
    private static Map<String, Object> changeRecord(Map<String, Object> row) {
        List<Map<String, Object>> changes = new ArrayList<>();
        new java.util.TreeMap<>(row).forEach((field, value) -> {
            if (!field.equals("id") && value != null) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("field", field);
                change.put("from", null);
                change.put("to", String.valueOf(value));
                changes.add(change);
            }
        });
        return Map.of("id", java.util.UUID.randomUUID().toString(), "entityId", row.get("id"),
                "changes", JSON.writeValueAsString(changes));
    }

    private static final String PLAIN_CHANGES = """
            MERGE (s:ChangeSequence {id: 'changes'}) ON CREATE SET s.last = 0
            SET s.last = s.last + size($rows)
            WITH s.last - size($rows) AS before
            UNWIND range(0, size($rows) - 1) AS n
            WITH before + n + 1 AS seq, $rows[n] AS row
            CREATE (c:Change {id: row.id, seq: seq, at: $at, actor: 'bench', action: 'importLedger',
                              entityId: row.entityId, entityType: 'Issue', changes: row.changes, requestId: $requestId,
                              district: %s})""".formatted(AuditTrail.districtOfRecord("'Issue'", "row.entityId"));

    /** The plain problems removed again, with their change records and what they added to their mines' departments. */
    private void removePlain(List<String> ids, boolean sameWrites) {
        try (Session session = target.driver().session()) {
            for (int from = 0; from < ids.size(); from += 5_000) {
                List<String> part = ids.subList(from, Math.min(ids.size(), from + 5_000));
                session.executeWriteWithoutResult(tx -> {
                    if (sameWrites) {
                        Map<String, Object> params = new HashMap<>(IssueStatus.CYPHER_PARAMETERS);
                        params.put("issueIds", part);
                        tx.run(SUBTRACT_SPANS, params).consume();
                    }
                    tx.run("""
                            UNWIND $ids AS id
                            MATCH (i:Issue {id: id})
                            OPTIONAL MATCH (c:Change {entityId: id})
                            DETACH DELETE c, i""", Map.of("ids", part)).consume();
                });
            }
        }
    }

    /** The inverse of the app's {@code DepartmentSpans.ADD}, for problems about to be removed. */
    private static final String SUBTRACT_SPANS = """
            UNWIND $issueIds AS issueId
            MATCH (i:Issue {id: issueId})-[:AT]->(m:Mine)
            WHERE i.status IN $openStatuses
            UNWIND %s AS u
            WITH DISTINCT m, i, u
            WITH m, u, count(i) AS added
            MATCH (m)-[r:NEEDS_DEPARTMENT]->(u)
            SET r.openIssues = r.openIssues - added
            WITH m, r
            CALL (r) { WITH r WHERE r.openIssues <= 0 DELETE r }
            WITH DISTINCT m
            SET m.departmentSpan = COUNT { (m)-[:NEEDS_DEPARTMENT]->() }""".formatted(JointEnforcementCandidate.DEPARTMENTS_OF_ISSUE);

    /** The problems and relationships the app's import writes, without checks, change records or department spans. */
    private static final String PLAIN_UNWIND = """
            UNWIND $rows AS row
            MATCH (m:Mine {licenceNumber: row.licence}), (s:ProblemSource {code: row.source})
            CREATE (i:Issue {id: row.id, ledgerNumber: row.ledgerNumber, title: row.title, description: row.description,
                             status: row.status, severity: row.severity, foundOn: row.foundOn, deadline: row.deadline,
                             measures: row.measures, closedOn: row.closedOn, evidence: [], supervised: false,
                             synthetic: true, version: 1, createdAt: datetime(), district: m.district})
            CREATE (i)-[:AT]->(m), (i)-[:FOUND_BY]->(s)
            WITH i, row
            CALL (i, row) {
              UNWIND range(0, size(row.types) - 1) AS n
              MATCH (v:ViolationType {code: row.types[n]})
              CREATE (i)-[:OF_TYPE {order: n + 1}]->(v)
            }
            CALL (i, row) {
              MATCH (u:Unit {id: row.lead})
              CREATE (i)-[:ASSIGNED_TO {role: 'LEAD'}]->(u)
            }
            CALL (i, row) {
              UNWIND row.supporting AS unitId
              MATCH (u:Unit {id: unitId})
              CREATE (i)-[:ASSIGNED_TO {role: 'SUPPORTING'}]->(u)
            }
            CALL (i, row) {
              MATCH (p:Person {id: row.person})
              CREATE (i)-[:RESPONSIBLE_PERSON]->(p)
            }
            CALL (i) {
              MATCH (p:Phase) WHERE i.foundOn >= p.startsOn AND (i.foundOn <= p.endsOn OR p.longTerm)
              WITH p ORDER BY p.number LIMIT 1
              CREATE (i)-[:IN_PHASE]->(p)
            }""";

    private static final Map<String, String> CODES = Map.ofEntries(Map.entry("排查", "SCREENING"),
            Map.entry("群众举报", "PUBLIC_REPORT"), Map.entry("媒体披露", "MEDIA"), Map.entry("扫黑除恶", "ANTI_GANG"),
            Map.entry("一般", "GENERAL"), Map.entry("较重", "SERIOUS"), Map.entry("重大", "MAJOR"),
            Map.entry("待交办", "PENDING_ASSIGNMENT"), Map.entry("整改中", "RECTIFYING"), Map.entry("申请验收", "ACCEPTANCE_REQUESTED"),
            Map.entry("继续挂账", "CARRIED_OVER"), Map.entry("已销号", "CLOSED"), Map.entry("依法关闭", "SHUT_DOWN"));

    private static List<Map<String, Object>> plainRows(String csv) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", r.get("台账编号").toLowerCase());
            row.put("ledgerNumber", r.get("台账编号"));
            row.put("licence", r.get("采矿许可证号"));
            row.put("types", List.of(r.get("问题类型").split("、")));
            row.put("source", CODES.get(r.get("问题来源")));
            row.put("foundOn", LocalDate.parse(r.get("发现日期")));
            row.put("description", r.get("问题描述"));
            row.put("title", r.get("问题描述"));
            row.put("severity", CODES.get(r.get("严重程度")));
            row.put("measures", r.get("整改措施").isEmpty() ? null : r.get("整改措施"));
            row.put("deadline", r.get("整改期限").isEmpty() ? null : LocalDate.parse(r.get("整改期限")));
            row.put("lead", r.get("责任单位"));
            row.put("supporting", r.get("配合单位").isEmpty() ? List.of() : List.of(r.get("配合单位")));
            row.put("person", r.get("责任人"));
            row.put("status", CODES.get(r.get("状态")));
            row.put("closedOn", r.get("销号日期").isEmpty() ? null : LocalDate.parse(r.get("销号日期")));
            rows.add(row);
        }
        return rows;
    }

    /** Resident memory of the instance, from /proc: now and at its peak. */
    private static Map<String, Object> memory(long pid) throws IOException {
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("rssMiB", number(status, "VmRSS:\\s+(\\d+)") / 1024);
        memory.put("peakRssMiB", number(status, "VmHWM:\\s+(\\d+)") / 1024);
        return memory;
    }

    /**
     * Starts a fresh instance of this build on an empty folder with the demo data the way README runs it,
     * {@code bin/start} (the packaged jar with the JDK's AOT cache; its jar and cache are prepared first, untimed,
     * with {@code bin/start --prepare}), and times it until it answers a GraphQL query over the database; then stops
     * it. {@code --start-classpath} starts it from this benchmark's own class path instead, without a cache.
     */
    private double startToFirstAnswer() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory("accountability-start-");
        Path script = Path.of("bin/start");
        ProcessBuilder builder;
        if (!options.containsKey("start-classpath") && Files.isExecutable(script)) {
            Process prepare = new ProcessBuilder(script.toString(), "--prepare").inheritIO().start();
            check(prepare.waitFor() == 0, "bin/start --prepare failed");
            builder = new ProcessBuilder(script.toString());
        } else {
            String java = ProcessHandle.current().info().command().orElse("java");
            builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), "cn.changjiang.mining.AccountabilityGraphApplication");
        }
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("DATA_DIR", dataDir.toString());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest query = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ task(number: 2) { title } }\"}")).build();
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(120)) {
                try {
                    HttpResponse<String> response = http.send(query, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("\"title\"")) {
                        double seconds = (System.nanoTime() - start) / 1e9;
                        System.out.printf("Start to first answer on the demo data: %.1f s%n", seconds);
                        return seconds;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            return -1;
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Map<String, Object> hardware() throws IOException {
        Map<String, Object> hardware = new LinkedHashMap<>();
        hardware.put("cores", Runtime.getRuntime().availableProcessors());
        String cpu = Files.exists(Path.of("/proc/cpuinfo")) ? Files.readString(Path.of("/proc/cpuinfo")) : "";
        Matcher model = Pattern.compile("model name\\s*:\\s*(.+)").matcher(cpu);
        hardware.put("cpu", model.find() ? model.group(1).strip() : "unknown");
        String meminfo = Files.exists(Path.of("/proc/meminfo")) ? Files.readString(Path.of("/proc/meminfo")) : "";
        hardware.put("memoryGiB", Math.round(number(meminfo, "MemTotal:\\s+(\\d+)") / 1024 / 1024));
        hardware.put("java", System.getProperty("java.version"));
        return hardware;
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    /** A wrk latency percentile in milliseconds. */
    private static double latency(String output, String percentile) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s)").matcher(output);
        if (!m.find()) {
            return -1;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    @SuppressWarnings("unchecked")
    private static String table(Map<String, Object> report) {
        StringBuilder out = new StringBuilder();
        out.append("| workload | GraphQL p50 / p95 / p99 ms | req/s | round trips | Cypher p50 / p95 / p99 ms | req/s | ratio p50 "
                + "| peer p50 / p95 / p99 ms | ours/peer p50 |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        ((Map<String, Object>) report.get("workloads")).forEach((id, value) -> {
            Map<String, Object> w = (Map<String, Object>) value;
            Figures g = (Figures) w.get("graphQl");
            Figures c = (Figures) w.get("cypher");
            Figures p = (Figures) w.get("peer");
            out.append("| %s %s | %.1f / %.1f / %.1f | %.0f | %s | %.1f / %.1f / %.1f | %.0f | %.2f | %s | %s |\n".formatted(id, w.get("title"),
                    g.p50(), g.p95(), g.p99(), g.perSecond(), g.roundTrips() < 0 ? "n/a" : "%.1f".formatted(g.roundTrips()),
                    c.p50(), c.p95(), c.p99(), c.perSecond(), (double) w.get("ratioP50"),
                    p == null ? "–" : "%.1f / %.1f / %.1f".formatted(p.p50(), p.p95(), p.p99()),
                    p == null ? "–" : "%.2f".formatted((double) w.get("ratioOursToPeerP50"))));
        });
        return out.toString();
    }
}
