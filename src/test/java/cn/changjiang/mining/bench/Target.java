package cn.changjiang.mining.bench;

import cn.changjiang.mining.common.IssueStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running instance, reached both ways: GraphQL over HTTP as a signed-in client, and the same database over
 * Bolt with the driver. Answers of both come back as plain maps, lists and scalars that compare with equals.
 */
final class Target {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The demo office's own jurisdiction (the app's accountability.home-jurisdiction default). */
    static final String HOME = "CHANGJIANG";

    private final String baseUrl;
    private final String token;
    private final Driver driver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String jurisdiction;
    private List<String> districts = List.of();
    private List<String> units = List.of();
    private String issueId;
    private String mineId;
    private String leadUnit;

    /** A target whose reads are about the demo office's home district. */
    Target(String baseUrl, String token, Driver driver) {
        this(baseUrl, token, driver, null);
    }

    /**
     * A target whose reads are about {@code jurisdiction} (null: the signed-in role's own, the home district for the
     * demo office): the GraphQL side passes it as {@code jurisdiction:}, the Cypher side reads its districts and units.
     */
    Target(String baseUrl, String token, Driver driver, String jurisdiction) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.driver = driver;
        this.jurisdiction = jurisdiction;
    }

    /** The jurisdiction asked about, or null for the role's own. */
    String jurisdiction() {
        return jurisdiction;
    }

    List<String> districts() {
        return districts;
    }

    List<String> units() {
        return units;
    }

    String baseUrl() {
        return baseUrl;
    }

    String token() {
        return token;
    }

    String issueId() {
        return issueId;
    }

    String mineId() {
        return mineId;
    }

    /** The unit leading most problems at the busiest mine (ties by id). */
    String leadUnit() {
        return leadUnit;
    }

    /**
     * The mine with the widest span of departments (ties by id) and its first open problem with a responsible person:
     * the busiest, so the chain and the subgraph are as large as the data makes them.
     */
    Target pick() {
        try (Session session = driver.session()) {
            // The scope as the app's Scopes reads it: the districts that are the jurisdiction or lie in it, and the
            // units working there (where they serve, else where they belong).
            Map<String, Object> scope = Map.of("j", jurisdiction == null ? HOME : jurisdiction);
            districts = session.run("""
                    MATCH (d:Jurisdiction {level: 'DISTRICT'})-[:PART_OF*0..]->(:Jurisdiction {id: $j})
                    RETURN d.id AS id ORDER BY id""", scope).list(r -> r.get("id").asString());
            units = session.run("""
                    MATCH (u:Unit)
                    WITH u, coalesce([(u)-[:SERVES]->(s:Jurisdiction) | s][0], [(u)-[:BELONGS_TO]->(b:Jurisdiction) | b][0]) AS at
                    WHERE EXISTS { (at)-[:PART_OF*0..]->(:Jurisdiction {id: $j}) }
                    RETURN u.id AS id ORDER BY id""", scope).list(r -> r.get("id").asString());
            mineId = session.run("""
                    MATCH (m:Mine) WHERE m.departmentSpan >= 1 AND m.district IN $districts
                    RETURN m.id AS id ORDER BY m.departmentSpan DESC, COUNT { (m)<-[:AT]-() } DESC, m.id LIMIT 1""",
                    Map.of("districts", districts)).single().get("id").asString();
            issueId = session.run("""
                    MATCH (i:Issue)-[:AT]->(:Mine {id: $mine}) WHERE i.status IN $openStatuses
                    RETURN i.id AS id ORDER BY EXISTS { (i)-[:RESPONSIBLE_PERSON]->() } DESC, i.id LIMIT 1""",
                    withStatusRules(Map.of("mine", mineId))).single().get("id").asString();
            leadUnit = session.run("""
                    MATCH (:Mine {id: $mine})<-[:AT]-(:Issue)-[:ASSIGNED_TO {role: 'LEAD'}]->(u:Unit)
                    RETURN u.id AS id, count(*) AS problems ORDER BY problems DESC, id LIMIT 1""",
                    Map.of("mine", mineId)).single().get("id").asString();
        }
        return this;
    }

    /** A statement's parameters with the status rules' ({@link IssueStatus#CYPHER_PARAMETERS}). */
    static Map<String, Object> withStatusRules(Map<String, Object> parameters) {
        Map<String, Object> all = new LinkedHashMap<>(parameters);
        all.putAll(IssueStatus.CYPHER_PARAMETERS);
        return all;
    }

    /** The {@code data} of a GraphQL response; an error in the response is a failure of the run. */
    Map<String, Object> graphQl(Workloads.Request request) {
        Map<String, Object> variables = new LinkedHashMap<>(request.parameters());
        if (request.text().contains("$j: ID")) {
            variables.put("j", jurisdiction);
        }
        return graphQl(baseUrl + "/graphql", token, new Workloads.Request(request.text(), variables));
    }

    /** The {@code data} of a GraphQL response of the peer at {@code url} (no token). */
    Map<String, Object> peer(String url, Workloads.Request request) {
        return graphQl(url, null, request);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> graphQl(String url, String bearer, Workloads.Request request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", request.text());
        body.put("variables", request.parameters());
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            http.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = this.http.send(http.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> json = JSON.readValue(response.body(), Map.class);
            if (response.statusCode() != 200 || json.get("errors") != null) {
                throw new IllegalStateException("GraphQL failed at " + url + " (" + response.statusCode() + "): " + response.body());
            }
            return (Map<String, Object>) json.get("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The column {@code answer} of a statement's one row, in a read or a write transaction. */
    Object cypher(Workloads.Request request, boolean write) {
        // As the app's CypherRunner does: every statement gets the status rules' parameters ($openStatuses, ...).
        Map<String, Object> parameters = new LinkedHashMap<>(request.parameters());
        parameters.putAll(IssueStatus.CYPHER_PARAMETERS);
        parameters.putIfAbsent("districts", districts);
        parameters.putIfAbsent("units", units);
        try (Session session = driver.session()) {
            Value answer = write
                    ? session.executeWrite(tx -> tx.run(request.text(), parameters).single().get("answer"))
                    : session.executeRead(tx -> tx.run(request.text(), parameters).single().get("answer"));
            return plain(answer);
        }
    }

    /** The value of a counter of the instance's metrics endpoint, or -1 when the endpoint is not exposed. */
    double metric(String name) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/metrics/" + name)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return -1;
            }
            return JSON.readTree(response.body()).get("measurements").get(0).get("value").asDouble();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    Driver driver() {
        return driver;
    }

    /** Driver values and JSON values alike as maps, lists, strings, booleans, longs and doubles. */
    @SuppressWarnings("unchecked")
    static Object plain(Object value) {
        if (value instanceof Value v) {
            return v.isNull() ? null : plain(v.asObject());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        return value == Values.NULL ? null : value;
    }
}
