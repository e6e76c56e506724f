package cn.changjiang.mining.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole graph as one file, and back. A backup is gzipped JSON Lines: a header (format, version, time, the applied
 * seed migrations and the schema's create statements), one line per node (labels and properties), one per
 * relationship (type, ends, properties), and a trailer with the counts, whose absence marks a truncated file.
 * Properties keep their Neo4j types: dates, times, durations, points and byte arrays are tagged with {@code $t}.
 * <p>
 * Nodes and relationships are read in one read transaction. Neo4j isolates reads at read-committed, not as a
 * snapshot, so under concurrent writes a relationship whose end was created after the node scan is left out: the
 * file is always self-consistent and its trailer counts what it holds. For a point-in-time copy of a busy server use
 * the server's own tools (see the README).
 * <p>
 * A restore goes into an empty database only: schema first (from the header, so indexes a later seed added come
 * back too), then nodes and relationships in batches. The migrations' history is ordinary nodes of the backup, so
 * the migrations (graph/GraphMigrations) see it and do not apply those files again.
 */
@Component
public class GraphBackup {

    static final String FORMAT = "accountability-graph-backup";
    static final int FORMAT_VERSION = 1;
    private static final int BATCH = 2_000;
    private static final Duration EXPORT_TIMEOUT = Duration.ofHours(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(GraphBackup.class);
    private static final Pattern NAMED_SCHEMA = Pattern.compile("^(CREATE (?:[A-Z]+ )?(?:CONSTRAINT|INDEX) `(?:[^`]|``)+`)");

    /** What a backup holds, or what a restore created. */
    public record Summary(long nodes, long relationships, Map<String, Long> labels, Map<String, Long> types,
                          List<String> seedMigrations) {
    }

    private final Driver driver;

    GraphBackup(Driver driver) {
        this.driver = driver;
    }

    /** Writes the whole graph, gzipped, to {@code out} (which is finished but not closed). */
    public Summary write(OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        Writer writer = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16);
        SessionConfig read = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();
        try (Session session = driver.session(read)) {
            // Schema commands run on their own, before the data transaction; the schema changes only with a seed.
            List<String> schema = new ArrayList<>();
            session.run("SHOW CONSTRAINTS YIELD createStatement RETURN createStatement")
                    .forEachRemaining(r -> schema.add(r.get(0).asString()));
            session.run("""
                    SHOW INDEXES YIELD type, owningConstraint, createStatement
                    WHERE type <> 'LOOKUP' AND owningConstraint IS NULL RETURN createStatement""")
                    .forEachRemaining(r -> schema.add(r.get(0).asString()));
            // A large graph may take longer than the 30 s the embedded engine allows an API transaction.
            try (Transaction tx = session.beginTransaction(TransactionConfig.builder().withTimeout(EXPORT_TIMEOUT).build())) {
                // The applied migrations: the library's history, or the former seed runner's on a database not migrated since.
                List<String> seeds = tx.run("""
                        MATCH (m) WHERE (m:__Neo4jMigration AND m.version <> 'BASELINE') OR m:SeedMigration
                        RETURN DISTINCT m.version AS v ORDER BY v""").list(r -> r.get(0).asString());
                Map<String, Object> header = new LinkedHashMap<>();
                header.put("format", FORMAT);
                header.put("formatVersion", FORMAT_VERSION);
                header.put("createdAt", ZonedDateTime.now().toString());
                header.put("seedMigrations", seeds);
                header.put("schema", schema);
                line(writer, header);

                Map<String, Integer> numbers = new HashMap<>();
                Map<String, Long> labels = new TreeMap<>();
                var nodes = tx.run("MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties");
                while (nodes.hasNext()) {
                    Record node = nodes.next();
                    int number = numbers.size();
                    numbers.put(node.get("id").asString(), number);
                    List<String> nodeLabels = node.get("labels").asList(Value::asString);
                    nodeLabels.forEach(label -> labels.merge(label, 1L, Long::sum));
                    line(writer, Map.of("node", number, "labels", nodeLabels, "properties", encode(node.get("properties"))));
                }
                Map<String, Long> types = new TreeMap<>();
                long relationships = 0;
                var rels = tx.run("""
                        MATCH (a)-[r]->(b)
                        RETURN elementId(a) AS from, type(r) AS type, elementId(b) AS to, properties(r) AS properties""");
                while (rels.hasNext()) {
                    Record rel = rels.next();
                    Integer from = numbers.get(rel.get("from").asString());
                    Integer to = numbers.get(rel.get("to").asString());
                    if (from == null || to == null) {
                        continue;
                    }
                    String type = rel.get("type").asString();
                    types.merge(type, 1L, Long::sum);
                    relationships++;
                    line(writer, Map.of("rel", type, "from", from, "to", to, "properties", encode(rel.get("properties"))));
                }
                Summary summary = new Summary(numbers.size(), relationships, labels, types, seeds);
                line(writer, Map.of("end", summary));
                writer.flush();
                gzip.finish();
                return summary;
            }
        }
    }

    /** Recreates a backup in an empty database, refusing one that holds anything. */
    public Summary restore(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8));
        Map<String, Object> header = read(reader.readLine());
        if (header == null || !FORMAT.equals(header.get("format"))) {
            throw new BackupException("This is not a backup of the accountability graph");
        }
        if (!Integer.valueOf(FORMAT_VERSION).equals(header.get("formatVersion"))) {
            throw new BackupException("Backup format version " + header.get("formatVersion") + " is not supported (this app reads "
                    + FORMAT_VERSION + ")");
        }
        try (Session session = driver.session()) {
            long existing = session.run("MATCH (n) RETURN count(n) AS n").single().get(0).asLong();
            if (existing > 0) {
                throw new BackupException("Refusing to restore into a database that holds " + existing
                        + " nodes: restore into an empty one (a new DATA_DIR, or an empty server database), or start without RESTORE_FROM");
            }
            for (Object statement : (List<?>) header.get("schema")) {
                session.run(NAMED_SCHEMA.matcher((String) statement).replaceFirst("$1 IF NOT EXISTS")).consume();
            }
            session.run("CALL db.awaitIndexes(600)").consume();

            List<String> newIds = new ArrayList<>();
            List<Map<String, Object>> batch = new ArrayList<>();
            Map<String, Long> labels = new TreeMap<>();
            Map<String, Long> types = new TreeMap<>();
            long relationships = 0;
            Map<String, Object> end = null;
            String text;
            while ((text = reader.readLine()) != null) {
                Map<String, Object> line = read(text);
                if (line.containsKey("node")) {
                    if (((Number) line.get("node")).intValue() != newIds.size() + batch.size()) {
                        throw new BackupException("Node lines are out of order near node " + line.get("node"));
                    }
                    ((List<?>) line.get("labels")).forEach(label -> labels.merge((String) label, 1L, Long::sum));
                    batch.add(Map.of("labels", line.get("labels"), "properties", decodeAll(line.get("properties"))));
                    if (batch.size() == BATCH) {
                        createNodes(session, batch, newIds);
                    }
                } else if (line.containsKey("rel")) {
                    createNodes(session, batch, newIds);
                    types.merge((String) line.get("rel"), 1L, Long::sum);
                    batch.add(Map.of("type", line.get("rel"), "from", newIds.get(((Number) line.get("from")).intValue()),
                            "to", newIds.get(((Number) line.get("to")).intValue()), "properties", decodeAll(line.get("properties"))));
                    relationships++;
                    if (batch.size() == BATCH) {
                        createRelationships(session, batch);
                    }
                } else if (line.containsKey("end")) {
                    end = asMap(line.get("end"));
                }
            }
            createNodes(session, batch, newIds);
            createRelationships(session, batch);
            if (end == null) {
                throw new BackupException("The backup is truncated (no trailer): restored " + newIds.size()
                        + " nodes and " + relationships + " relationships; empty the database before trying another file");
            }
            if (((Number) end.get("nodes")).longValue() != newIds.size() || ((Number) end.get("relationships")).longValue() != relationships) {
                throw new BackupException("The backup's counts do not match its lines: the file is damaged");
            }
            @SuppressWarnings("unchecked")
            List<String> seeds = (List<String>) header.get("seedMigrations");
            log.info("Restored {} nodes and {} relationships; seed migrations {}", newIds.size(), relationships, seeds);
            return new Summary(newIds.size(), relationships, labels, types, seeds);
        }
    }

    /** Creates the batched nodes (if any) in one transaction, numbering them in file order. */
    private static void createNodes(Session session, List<Map<String, Object>> batch, List<String> newIds) {
        if (batch.isEmpty() || !batch.getFirst().containsKey("labels")) {
            return;
        }
        List<String> ids = session.executeWrite(tx -> tx.run("""
                UNWIND range(0, size($rows) - 1) AS i
                WITH i, $rows[i] AS row
                CALL (row) {
                  WITH row WHERE size(row.labels) > 0
                  CREATE (n:$(row.labels)) SET n = row.properties RETURN n
                  UNION
                  WITH row WHERE size(row.labels) = 0
                  CREATE (n) SET n = row.properties RETURN n
                }
                RETURN elementId(n) AS id ORDER BY i""", Map.of("rows", batch)).list(r -> r.get(0).asString()));
        newIds.addAll(ids);
        batch.clear();
    }

    private static void createRelationships(Session session, List<Map<String, Object>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        session.executeWriteWithoutResult(tx -> tx.run("""
                UNWIND $rows AS row
                MATCH (a) WHERE elementId(a) = row.from
                MATCH (b) WHERE elementId(b) = row.to
                CREATE (a)-[r:$(row.type)]->(b) SET r = row.properties""", Map.of("rows", batch)).consume());
        batch.clear();
    }

    private static void line(Writer writer, Object value) throws IOException {
        writer.write(JSON.writeValueAsString(value));
        writer.write('\n');
    }

    private static Map<String, Object> read(String line) {
        return line == null ? null : asMap(JSON.readValue(line, Map.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    /** A property map (or any property value) as JSON, tagging the types JSON has no word for. */
    static Object encode(Value value) {
        String type = value.type().name();
        return switch (type.startsWith("LIST") ? "LIST" : type) {
            case "MAP" -> {
                Map<String, Object> map = new TreeMap<>();
                value.asMap(v -> v).forEach((key, v) -> map.put(key, encode(v)));
                yield map;
            }
            case "STRING", "BOOLEAN", "INTEGER" -> value.asObject();
            case "FLOAT" -> Double.isFinite(value.asDouble()) ? value.asDouble() : tagged("float", Double.toString(value.asDouble()));
            case "LIST" -> value.asList(GraphBackup::encode);
            case "DATE" -> tagged("date", value.asLocalDate().toString());
            case "TIME" -> tagged("time", value.asOffsetTime().toString());
            case "LOCAL_TIME" -> tagged("localtime", value.asLocalTime().toString());
            case "LOCAL_DATE_TIME" -> tagged("localdatetime", value.asLocalDateTime().toString());
            case "DATE_TIME" -> tagged("datetime", value.asZonedDateTime().toString());
            case "DURATION" -> {
                IsoDuration d = value.asIsoDuration();
                yield tagged("duration", List.of(d.months(), d.days(), d.seconds(), d.nanoseconds()));
            }
            case "POINT" -> {
                Point p = value.asPoint();
                yield tagged("point", Double.isNaN(p.z()) ? List.of(p.srid(), p.x(), p.y()) : List.of(p.srid(), p.x(), p.y(), p.z()));
            }
            case "BYTES" -> tagged("bytes", Base64.getEncoder().encodeToString(value.asByteArray()));
            default -> throw new BackupException("Cannot back up a property of type " + type);
        };
    }

    private static Map<String, Object> tagged(String type, Object value) {
        return Map.of("$t", type, "v", value);
    }

    private static Map<String, Object> decodeAll(Object properties) {
        Map<String, Object> decoded = new HashMap<>();
        asMap(properties).forEach((key, value) -> decoded.put(key, decode(value)));
        return decoded;
    }

    /** The inverse of {@link #encode}: JSON back to values the driver sends with their Neo4j types. */
    static Object decode(Object json) {
        if (json instanceof Integer i) {
            return i.longValue();
        }
        if (json instanceof List<?> list) {
            return list.stream().map(GraphBackup::decode).toList();
        }
        if (!(json instanceof Map<?, ?> map)) {
            return json;
        }
        Object v = map.get("v");
        return switch ((String) map.get("$t")) {
            case "float" -> Double.parseDouble((String) v);
            case "date" -> LocalDate.parse((String) v);
            case "time" -> OffsetTime.parse((String) v);
            case "localtime" -> LocalTime.parse((String) v);
            case "localdatetime" -> LocalDateTime.parse((String) v);
            case "datetime" -> ZonedDateTime.parse((String) v);
            case "duration" -> {
                List<?> d = (List<?>) v;
                yield Values.isoDuration(number(d.get(0)), number(d.get(1)), number(d.get(2)), (int) number(d.get(3)));
            }
            case "point" -> {
                List<?> p = (List<?>) v;
                int srid = (int) number(p.get(0));
                double x = ((Number) p.get(1)).doubleValue();
                double y = ((Number) p.get(2)).doubleValue();
                yield p.size() == 4 ? Values.point(srid, x, y, ((Number) p.get(3)).doubleValue()) : Values.point(srid, x, y);
            }
            case "bytes" -> Base64.getDecoder().decode((String) v);
            default -> throw new BackupException("Unknown property type " + map.get("$t") + " in the backup");
        };
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
