package cn.changjiang.mining.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.graph.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance to the GraphQL-over-HTTP specification (graphql.github.io/graphql-over-http), over plain HTTP with
 * exactly the headers each case names: media types both ways, status codes, and GET for queries only.
 */
class GraphQlOverHttpTest extends IntegrationTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String JSON = "application/json";
    private static final String TASKS = "{\"query\":\"{ tasks { number } }\"}";

    private final HttpClient http = HttpClient.newHttpClient();

    private record Answer(int status, String contentType, String allow, String body) {
    }

    /**
     * The database's transaction limit comes before the HTTP request's, so a query that runs too long is answered as
     * a GraphQL error with its code ({@code TRANSACTION_TIMED_OUT}) rather than cut off; shutdown waits for the longest.
     */
    @Test
    void theDatabasesTimeLimitComesBeforeTheRequestsAndShutdownWaitsLonger(
            @Value("${spring.mvc.async.request-timeout}") Duration request,
            @Value("${spring.lifecycle.timeout-per-shutdown-phase}") Duration grace) {
        assertThat(request).isGreaterThan(EmbeddedNeo4j.TRANSACTION_TIMEOUT);
        assertThat(grace).isGreaterThan(request);
    }

    private Answer post(String contentType, String accept, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request, accept, null);
    }

    private Answer get(String parameters, String accept, String token) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql?" + parameters)).GET(), accept, token);
    }

    private Answer send(HttpRequest.Builder request, String accept, String token) {
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Allow").orElse(""), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withoutRequestId(String body) {
        return body.replaceAll("\"requestId\":\"[^\"]*\"", "");
    }

    private static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void shouldAnswerInTheMediaTypeTheClientPrefers() {
        assertThat(post(JSON, GRAPHQL_RESPONSE, TASKS)).satisfies(a -> {
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.contentType()).startsWith(GRAPHQL_RESPONSE);
            assertThat(a.body()).contains("\"tasks\"");
        });
        assertThat(post(JSON, JSON, TASKS).contentType()).startsWith(JSON);
        assertThat(post(JSON, null, TASKS).contentType()).as("no Accept: the GraphQL response type").startsWith(GRAPHQL_RESPONSE);
        assertThat(post(JSON, "*/*", TASKS).contentType()).as("wildcard, as curl sends: legacy JSON").startsWith(JSON);
        assertThat(post(JSON, "application/json;q=0.5, application/graphql-response+json", TASKS).contentType())
                .startsWith(GRAPHQL_RESPONSE);
        assertThat(post(JSON, "application/graphql-response+json;q=0.2, application/json;q=0.9", TASKS).contentType())
                .startsWith(JSON);
        assertThat(post("application/json; charset=utf-8", GRAPHQL_RESPONSE, TASKS).status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseMediaTypesItCannotReadOrWrite() {
        assertThat(post(JSON, "text/html", TASKS).status()).isEqualTo(406);
        assertThat(post(JSON, "application/xml, text/plain;q=0.5", TASKS).status()).isEqualTo(406);
        assertThat(post("text/plain", GRAPHQL_RESPONSE, TASKS).status()).isEqualTo(415);
        assertThat(post(null, GRAPHQL_RESPONSE, TASKS).status()).isEqualTo(415);
        assertThat(post("application/x-www-form-urlencoded", GRAPHQL_RESPONSE, "query=%7B%20tasks%20%7B%20number%20%7D%20%7D").status())
                .as("a form post, which browsers send cross-site without a preflight").isEqualTo(415);
    }

    @Test
    void shouldAnswer400ForABodyThatIsNotAGraphQlRequest() {
        for (String body : new String[] {"NONSENSE", "{\"query\":", "{\"qeury\": \"{ tasks { number } }\"}",
                "{\"query\": \"query Q($i: Int!) { task(number: $i) { number } }\", \"variables\": [7]}"}) {
            Answer answer = post(JSON, GRAPHQL_RESPONSE, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).contains("\"code\":\"BAD_REQUEST\"");
        }
    }

    @Test
    void shouldAnswer400ForDocumentsThatFailOnlyWithTheGraphQlResponseType() {
        String unparseable = "{\"query\": \"{\"}";
        String invalid = "{\"query\": \"{ noSuchField }\"}";
        String badVariable = "{\"query\": \"query Q($i: Int!) { task(number: $i) { number } }\", \"variables\": {\"i\": \"two\"}}";
        assertThat(post(JSON, GRAPHQL_RESPONSE, unparseable)).satisfies(a -> {
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.contentType()).startsWith(GRAPHQL_RESPONSE);
            assertThat(a.body()).contains("GRAPHQL_PARSE_FAILED").doesNotContain("\"data\"");
        });
        assertThat(post(JSON, GRAPHQL_RESPONSE, invalid).status()).isEqualTo(400);
        assertThat(post(JSON, GRAPHQL_RESPONSE, badVariable).status()).isEqualTo(400);
        assertThat(post(JSON, JSON, unparseable).status()).as("legacy JSON keeps 200").isEqualTo(200);
        assertThat(post(JSON, JSON, invalid).status()).isEqualTo(200);
        Answer fieldError = post(JSON, GRAPHQL_RESPONSE, "{\"query\": \"{ tasks { number } mines(first: 1) { totalCount } }\"}");
        assertThat(fieldError.status()).as("a field error (refused read) still executes: 200").isEqualTo(200);
        assertThat(fieldError.body()).contains("\"data\":").contains("UNAUTHENTICATED");
    }

    @Test
    void shouldRunQueriesByGetWithVariablesAndOperationName() {
        String query = "query One($n: Int!) { task(number: $n) { number title } } query Two { tasks { number } }";
        Answer answer = get(param("query", query) + "&" + param("variables", "{\"n\": 2}") + "&" + param("operationName", "One"),
                GRAPHQL_RESPONSE, null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith(GRAPHQL_RESPONSE);
        assertThat(answer.body()).contains("\"number\":2");
        assertThat(withoutRequestId(get(param("query", "{ tasks { number } }"), JSON, null).body()))
                .as("GET and POST answer alike").isEqualTo(withoutRequestId(post(JSON, JSON, TASKS).body()));
        assertThat(get("", GRAPHQL_RESPONSE, null).status()).as("no query").isEqualTo(400);
        assertThat(get(param("query", "{ tasks { number } }") + "&" + param("variables", "[1]"), GRAPHQL_RESPONSE, null).status())
                .isEqualTo(400);
        assertThat(get(param("query", "{ tasks { number } }"), "text/html", null).status()).isEqualTo(406);
    }

    @Test
    void shouldRefuseMutationsByGetWith405AndRunNothing() {
        String mutation = "mutation { registerMine(input: {name: \"GET 登记(测试)\", licenseNumber: \"TEST-GET-001\", mineral: \"钨\","
                + " township: \"鲇鱼山镇\"}) { mine { id } } }";
        Answer answer = get(param("query", mutation), GRAPHQL_RESPONSE, token("office"));
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.allow()).isEqualTo("POST");
        assertThat(answer.body()).contains("METHOD_NOT_ALLOWED");
        graphQl.document("{ search(text: \"GET 登记\", types: [Mine]) { id } }").execute()
                .path("search").entityList(Object.class).hasSize(0);

        String both = "query Read { tasks { number } } " + mutation.replace("mutation {", "mutation Write {");
        assertThat(get(param("query", both) + "&" + param("operationName", "Write"), GRAPHQL_RESPONSE, token("office")).status())
                .isEqualTo(405);
        assertThat(get(param("query", both) + "&" + param("operationName", "Read"), GRAPHQL_RESPONSE, token("office")).status())
                .isEqualTo(200);
    }

    @Test
    void shouldRefuseSubscriptionsOverHttpAndPointToTheWebSocket() {
        String subscription = "subscription { ledgerChanged { id } }";
        String body = "{\"query\":\"" + subscription + "\"}";
        for (Answer answer : java.util.List.of(post(JSON, GRAPHQL_RESPONSE, body),
                get(param("query", subscription), GRAPHQL_RESPONSE, token("office")))) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("\"code\":\"SUBSCRIPTION_OVER_HTTP\"").contains("WebSocket")
                    .doesNotContain("\"data\"").doesNotContain("upstreamPublisher");
        }
        Answer legacy = post(JSON, JSON, body);
        assertThat(legacy.status()).as("legacy JSON keeps 200 for GraphQL errors").isEqualTo(200);
        assertThat(legacy.body()).contains("SUBSCRIPTION_OVER_HTTP").doesNotContain("upstreamPublisher");
        String mixed = "query Read { tasks { number } } subscription Watch { ledgerChanged { id } }";
        assertThat(get(param("query", mixed) + "&" + param("operationName", "Read"), GRAPHQL_RESPONSE, null).status())
                .as("a query beside a subscription still runs").isEqualTo(200);
    }

    @Test
    void shouldApplyTheSameAuthorizationToGetAsToPost() {
        String mines = "{ mines(first: 1) { totalCount } }";
        assertThat(get(param("query", mines), GRAPHQL_RESPONSE, null).body()).contains("\"errors\"").doesNotContain("\"totalCount\"");
        assertThat(get(param("query", mines), GRAPHQL_RESPONSE, token("office")).body()).contains("\"totalCount\"");
        assertThat(get(param("query", mines), GRAPHQL_RESPONSE, "not-a-token").status()).isEqualTo(401);
    }
}
