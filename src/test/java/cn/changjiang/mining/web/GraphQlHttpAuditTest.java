package cn.changjiang.mining.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.changjiang.mining.IntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server audit of graphql-http 1.23.1 ({@code src/audits/server.ts}, the checks behind graphql-http.com), in
 * Java: every item, MUST, SHOULD and MAY, with its id, requests and expectations as the audit has them, run against
 * the app over HTTP. All must pass.
 */
class GraphQlHttpAuditTest extends IntegrationTest {

    private enum Level { MUST, SHOULD, MAY }

    @FunctionalInterface
    private interface Check {
        void run() throws Exception;
    }

    private record Audit(String id, Level level, String name, Check check) {
    }

    private record Answer(int status, String contentType, byte[] bytes) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(body());
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String APPLICATION_JSON = "application/json";
    private static final String TYPENAME = "{ __typename }";
    private static final String TYPE_QUERY = "query Type($name: String!) { __type(name: $name) { name } }";
    private static final String NO_SUCH_FIELD = "{ 8f31403dfe404bccbb0e835f2629c6a7 }";
    private static final String COERCE_FAILURE = "query CoerceFailure($id: ID!){ __typename }";
    /** The invalid values the audit tries for a parameter: an object, a number, a boolean and an array. */
    private static final List<Object> NOT_STRINGS = List.of(Map.of("obj", "ect"), 0, false, List.of("array"));
    private static final List<Object> NOT_MAPS = List.of("string", 0, false, List.of("array"));

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * A POST as the audit's {@code fetch} sends it: without an Accept header of its own it sends {@code *}{@code /*},
     * and a text body without a Content-Type goes as {@code text/plain;charset=UTF-8}.
     */
    private Answer post(String contentType, String accept, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null || body != null) {
            request.header("Content-Type", contentType != null ? contentType : "text/plain;charset=UTF-8");
        }
        return send(request, accept);
    }

    private Answer post(String accept, Map<String, ?> body) throws Exception {
        return post(APPLICATION_JSON, accept, JSON.writeValueAsString(body));
    }

    private Answer get(String accept, Map<String, String> parameters) throws Exception {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql" + query)).GET(), accept);
    }

    private Answer send(HttpRequest.Builder request, String accept) throws Exception {
        request.header("Accept", accept != null ? accept : "*/*");
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int n = 0; n < pairs.length; n += 2) {
            body.put((String) pairs[n], pairs[n + 1]);
        }
        return body;
    }

    private static void status(Answer answer, int expected) {
        assertThat(answer.status()).as("status; body %s", answer.body()).isEqualTo(expected);
    }

    private static void statusBetween(Answer answer, int from, int to) {
        assertThat(answer.status()).as("status; body %s", answer.body()).isBetween(from, to);
    }

    private static void noErrors(Answer answer) {
        assertThat(answer.json().has("errors")).as("errors in %s", answer.body()).isFalse();
    }

    private static void noData(Answer answer) {
        assertThat(answer.json().has("data")).as("data in %s", answer.body()).isFalse();
    }

    private static String typeOf(Object value) {
        return value instanceof Map ? "object" : value instanceof List ? "array" : value instanceof String ? "string"
                : value instanceof Boolean ? "boolean" : "number";
    }

    private List<Audit> audits() {
        List<Audit> audits = new ArrayList<>();
        // Media types
        audits.add(new Audit("22EB", Level.SHOULD, "accept application/graphql-response+json and match the content-type", () -> {
            Answer a = post(GRAPHQL_RESPONSE, body("query", TYPENAME));
            status(a, 200);
            assertThat(a.contentType()).contains(GRAPHQL_RESPONSE);
        }));
        audits.add(new Audit("4655", Level.MUST, "accept application/json and match the content-type", () -> {
            Answer a = post(APPLICATION_JSON, body("query", TYPENAME));
            status(a, 200);
            assertThat(a.contentType()).contains(APPLICATION_JSON);
        }));
        audits.add(new Audit("47DE", Level.SHOULD, "accept */* and use application/json for the content-type", () -> {
            Answer a = post("*/*", body("query", TYPENAME));
            status(a, 200);
            assertThat(a.contentType()).contains(APPLICATION_JSON);
        }));
        audits.add(new Audit("80D8", Level.SHOULD, "assume application/json content-type when accept is missing", () -> {
            Answer a = post(null, body("query", TYPENAME));
            status(a, 200);
            assertThat(a.contentType()).contains(APPLICATION_JSON);
        }));
        audits.add(new Audit("82A3", Level.MUST, "use utf-8 encoding when responding", () -> {
            Answer a = post(null, body("query", TYPENAME));
            status(a, 200);
            try {
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(a.bytes()));
            } catch (CharacterCodingException e) {
                throw new AssertionError("Response body is not UTF-8 encoded", e);
            }
        }));
        audits.add(new Audit("BF61", Level.MUST, "accept utf-8 encoded request", () ->
                status(post("application/json; charset=utf-8", null,
                        JSON.writeValueAsString(body("query", "{ __type(name: \"Run🏃Swim🏊\") { name } }"))), 200)));
        audits.add(new Audit("78D5", Level.MUST, "assume utf-8 in request if encoding is unspecified", () ->
                status(post(null, body("query", TYPENAME)), 200)));
        // Request
        audits.add(new Audit("2C94", Level.MUST, "accept POST requests", () ->
                status(post(null, body("query", TYPENAME)), 200)));
        audits.add(new Audit("5A70", Level.MAY, "accept application/x-www-form-urlencoded formatted GET requests", () ->
                status(get(null, Map.of("query", TYPENAME)), 200)));
        // Request GET
        audits.add(new Audit("9C48", Level.MAY, "NOT allow executing mutations on GET requests", () ->
                statusBetween(get(GRAPHQL_RESPONSE, Map.of("query", "mutation { __typename }")), 400, 499)));
        // Request POST
        audits.add(new Audit("9ABE", Level.SHOULD, "respond with 4xx status code if content-type is not supplied on POST requests", () ->
                statusBetween(post(null, null, JSON.writeValueAsString(body("query", TYPENAME))), 400, 499)));
        audits.add(new Audit("03D4", Level.MUST, "accept application/json POST requests", () ->
                status(post(null, body("query", TYPENAME)), 200)));
        audits.add(new Audit("A5BF", Level.MAY, "use 400 status code when request body is missing on POST", () ->
                status(post(APPLICATION_JSON, null, null), 400)));
        // Request parameters
        audits.add(new Audit("423L", Level.MAY, "use 400 status code on missing {query} parameter", () ->
                status(post(GRAPHQL_RESPONSE, body("notquery", TYPENAME)), 400)));
        for (int n = 0; n < NOT_STRINGS.size(); n++) {
            Object invalid = NOT_STRINGS.get(n);
            audits.add(new Audit("LKJ" + n, Level.MAY, "use 400 status code on " + typeOf(invalid) + " {query} parameter", () ->
                    status(post(null, body("query", invalid)), 400)));
        }
        audits.add(new Audit("34A2", Level.SHOULD, "allow string {query} parameter when accepting application/graphql-response+json", () ->
                status(post(GRAPHQL_RESPONSE, body("query", TYPENAME)), 200)));
        audits.add(new Audit("13EE", Level.MUST, "allow string {query} parameter when accepting application/json", () -> {
            Answer a = post(APPLICATION_JSON, body("query", TYPENAME));
            status(a, 200);
            noErrors(a);
        }));
        for (int n = 0; n < NOT_STRINGS.size(); n++) {
            Object invalid = NOT_STRINGS.get(n);
            audits.add(new Audit("6C0" + n, Level.MAY, "use 400 status code on " + typeOf(invalid) + " {operationName} parameter", () ->
                    status(post(null, body("operationName", invalid, "query", TYPENAME)), 400)));
        }
        audits.add(new Audit("8161", Level.SHOULD, "allow string {operationName} parameter when accepting application/graphql-response+json", () ->
                status(post(GRAPHQL_RESPONSE, body("operationName", "Query", "query", "query Query { __typename }")), 200)));
        audits.add(new Audit("B8B3", Level.MUST, "allow string {operationName} parameter when accepting application/json", () -> {
            Answer a = post(APPLICATION_JSON, body("operationName", "Query", "query", "query Query { __typename }"));
            status(a, 200);
            noErrors(a);
        }));
        List<String> parameters = List.of("variables", "operationName", "extensions");
        for (int n = 0; n < parameters.size(); n++) {
            String parameter = parameters.get(n);
            audits.add(new Audit("94B" + n, Level.SHOULD, "allow null {" + parameter + "} parameter when accepting application/graphql-response+json", () -> {
                Answer a = post(GRAPHQL_RESPONSE, body("query", TYPENAME, parameter, null));
                status(a, 200);
                noErrors(a);
            }));
            audits.add(new Audit("022" + n, Level.MUST, "allow null {" + parameter + "} parameter when accepting application/json", () -> {
                Answer a = post(APPLICATION_JSON, body("query", TYPENAME, parameter, null));
                status(a, 200);
                noErrors(a);
            }));
        }
        for (int n = 0; n < NOT_MAPS.size(); n++) {
            Object invalid = NOT_MAPS.get(n);
            audits.add(new Audit("476" + n, Level.MAY, "use 400 status code on " + typeOf(invalid) + " {variables} parameter", () ->
                    status(post(null, body("query", TYPENAME, "variables", invalid)), 400)));
        }
        audits.add(new Audit("2EA1", Level.SHOULD, "allow map {variables} parameter when accepting application/graphql-response+json", () ->
                status(post(GRAPHQL_RESPONSE, body("query", TYPE_QUERY, "variables", Map.of("name", "sometype"))), 200)));
        audits.add(new Audit("28B9", Level.MUST, "allow map {variables} parameter when accepting application/json", () -> {
            Answer a = post(APPLICATION_JSON, body("query", TYPE_QUERY, "variables", Map.of("name", "sometype")));
            status(a, 200);
            noErrors(a);
        }));
        audits.add(new Audit("D6D5", Level.MAY, "allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json", () -> {
            Answer a = get(GRAPHQL_RESPONSE, Map.of("query", TYPE_QUERY, "variables", "{\"name\":\"sometype\"}"));
            status(a, 200);
            noErrors(a);
        }));
        audits.add(new Audit("6A70", Level.MAY, "allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json", () -> {
            Answer a = get(APPLICATION_JSON, Map.of("query", TYPE_QUERY, "variables", "{\"name\":\"sometype\"}"));
            status(a, 200);
            noErrors(a);
        }));
        for (int n = 0; n < NOT_MAPS.size(); n++) {
            Object invalid = NOT_MAPS.get(n);
            audits.add(new Audit("58B" + n, Level.MAY, "use 400 status code on " + typeOf(invalid) + " {extensions} parameter", () ->
                    status(post(null, body("query", TYPENAME, "extensions", invalid)), 400)));
        }
        audits.add(new Audit("428F", Level.SHOULD, "allow map {extensions} parameter when accepting application/graphql-response+json", () ->
                status(post(GRAPHQL_RESPONSE, body("query", TYPENAME, "extensions", Map.of("some", "value"))), 200)));
        audits.add(new Audit("1B7A", Level.MUST, "allow map {extensions} parameter when accepting application/json", () -> {
            Answer a = post(APPLICATION_JSON, body("query", TYPENAME, "extensions", Map.of("some", "value")));
            status(a, 200);
            noErrors(a);
        }));
        audits.add(new Audit("B6DC", Level.MAY, "use 2xx, 4xx, or 5xx status codes on JSON parsing failure when accepting application/json", () -> {
            int status = post(APPLICATION_JSON, APPLICATION_JSON, "{ \"not a JSON").status();
            assertThat(status / 100).isIn(2, 4, 5);
        }));
        audits.add(new Audit("BCF8", Level.SHOULD, "use 400 status code on JSON parsing failure when accepting application/json", () ->
                status(post(APPLICATION_JSON, APPLICATION_JSON, "{ \"not a JSON"), 400)));
        audits.add(new Audit("B7N8", Level.SHOULD, "use 400 status code on JSON parsing failure when accepting application/graphql-response+json", () ->
                status(post(APPLICATION_JSON, GRAPHQL_RESPONSE, "{ \"not a JSON"), 400)));
        audits.add(new Audit("8764", Level.MAY, "use 4xx or 5xx status codes if parameters are invalid", () ->
                statusBetween(post(null, body("qeury", TYPENAME)), 400, 599)));
        audits.add(new Audit("3E3A", Level.MAY, "use 400 status code if parameters are invalid", () ->
                status(post(null, body("qeury", TYPENAME)), 400)));
        // Response application/json
        audits.add(new Audit("572B", Level.SHOULD, "use 200 status code on document parsing failure when accepting application/json", () ->
                status(post(APPLICATION_JSON, body("query", "{")), 200)));
        audits.add(new Audit("FDE2", Level.SHOULD, "use 200 status code on document validation failure when accepting application/json", () ->
                status(post(APPLICATION_JSON, body("query", NO_SUCH_FIELD)), 200)));
        audits.add(new Audit("7B9B", Level.SHOULD, "use a status code of 200 on variable coercion failure when accepting application/json", () ->
                status(post(APPLICATION_JSON, body("query", COERCE_FAILURE, "variables", body("id", null))), 200)));
        // Response application/graphql-response+json
        audits.add(new Audit("865D", Level.SHOULD, "use 4xx or 5xx status codes on document parsing failure when accepting application/graphql-response+json", () ->
                statusBetween(post(GRAPHQL_RESPONSE, body("query", "{")), 400, 599)));
        audits.add(new Audit("556A", Level.SHOULD, "use 400 status code on document parsing failure when accepting application/graphql-response+json", () ->
                status(post(GRAPHQL_RESPONSE, body("query", "{")), 400)));
        audits.add(new Audit("D586", Level.SHOULD, "not contain the data entry on document parsing failure when accepting application/graphql-response+json", () ->
                noData(post(GRAPHQL_RESPONSE, body("query", "{")))));
        audits.add(new Audit("51FE", Level.SHOULD, "use 4xx or 5xx status codes on document validation failure when accepting application/graphql-response+json", () ->
                statusBetween(post(GRAPHQL_RESPONSE, body("query", NO_SUCH_FIELD)), 400, 599)));
        audits.add(new Audit("74FF", Level.SHOULD, "use 400 status code on document validation failure when accepting application/graphql-response+json", () ->
                status(post(GRAPHQL_RESPONSE, body("query", NO_SUCH_FIELD)), 400)));
        audits.add(new Audit("5E5B", Level.SHOULD, "not contain the data entry on document validation failure when accepting application/graphql-response+json", () ->
                noData(post(GRAPHQL_RESPONSE, body("query", NO_SUCH_FIELD)))));
        audits.add(new Audit("86EE", Level.SHOULD, "use a status code of 400 on variable coercion failure when accepting application/graphql-response+json", () ->
                status(post(GRAPHQL_RESPONSE, body("query", COERCE_FAILURE, "variables", body("id", null))), 400)));
        return audits;
    }

    @Test
    void shouldHaveEveryItemOfTheAudit() {
        List<Audit> audits = audits();
        assertThat(audits.stream().filter(a -> a.level() == Level.MUST)).hasSize(13);
        assertThat(audits.stream().filter(a -> a.level() != Level.MUST)).hasSize(48);
        assertThat(audits.stream().map(Audit::id).distinct()).hasSize(61);
    }

    @TestFactory
    Stream<DynamicTest> shouldPassEveryItemOfTheGraphQlHttpServerAudit() {
        return audits().stream().map(audit -> DynamicTest.dynamicTest(
                audit.id() + " " + audit.level() + " " + audit.name(), () -> audit.check().run()));
    }
}
