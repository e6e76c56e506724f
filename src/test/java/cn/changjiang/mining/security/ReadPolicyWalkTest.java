package cn.changjiang.mining.security;

import cn.changjiang.mining.common.Role;
import cn.changjiang.mining.common.Viewer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.TestFixtures;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read policy as a hostile user meets it: every root field of the schema is called (with generated arguments,
 * and once more with each text argument set to a secret) by a role, in two worlds that differ only in what that role
 * may not read according to {@link ReadPolicy}; every answer, count and match must be the same in both. The
 * differences are generated from the policy itself (each hidden property of the fixture's nodes and edges gets
 * another value, and the hidden responsible-person edge another target), so a field, edge or path added later is
 * walked and checked without anyone remembering to.
 */
class ReadPolicyWalkTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET_A = "机密甲WALK";
    private static final String SECRET_B = "机密乙WALK";
    /** Arguments by name, for the ids the walk aims at: the hidden problem, its mine, person and units. */
    private static final Map<String, Object> ARGUMENTS = Map.ofEntries(
            Map.entry("issueId", "walk-issue"), Map.entry("mineId", "walk-mine"), Map.entry("personId", "walk-person-a"),
            Map.entry("unitId", "NATURAL_RESOURCES"), Map.entry("taskNumber", 2), Map.entry("number", 2),
            Map.entry("code", "T2.09"), Map.entry("name", "市自然资源和规划局昌江分局"), Map.entry("rootId", "Issue:walk-issue"),
            Map.entry("latitude", 29.2), Map.entry("longitude", 117.1), Map.entry("radiusKm", 50.0),
            Map.entry("first", 5), Map.entry("limit", 100), Map.entry("depth", 3), Map.entry("minDepartments", 1));
    /** An {@code id} argument's value by the type the field returns. */
    private static final Map<String, String> ID_BY_TYPE = Map.of("Person", "walk-person-a", "Unit", "NATURAL_RESOURCES",
            "Mine", "walk-mine", "JointEnforcementAction", "walk-action");

    private static Driver driver;

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    ReadPolicy policy;

    @BeforeAll
    static void loadWorldA(@Autowired Driver neo4j) {
        driver = neo4j;
        TestFixtures.remove(driver);
        TestFixtures.load(driver, "fixtures/read-walk.cypher");
    }

    @AfterAll
    static void removeFixture() {
        TestFixtures.remove(driver);
    }

    @Test
    void shouldAnswerEveryRoleAlikeWhateverItMayNotReadSays() {
        Map<String, Viewer> roles = new LinkedHashMap<>();
        roles.put("police", new Viewer("police", Role.UNIT_OFFICER, "POLICE"));
        roles.put("analyst", new Viewer("analyst", Role.ANALYST, null));
        roles.put("anonymous", Viewer.ANONYMOUS);
        List<String> documents = documents();
        assertThat(documents).as("the walk covers every root field").hasSizeGreaterThan(40);
        for (var role : roles.entrySet()) {
            TestFixtures.remove(driver);
            TestFixtures.load(driver, "fixtures/read-walk.cypher");
            Map<String, String> worldA = walk(role.getKey(), documents);
            int varied = vary(role.getValue());
            assertThat(varied).as("%s: the policy hides something of the fixture from this role", role.getKey()).isPositive();
            Map<String, String> worldB = walk(role.getKey(), documents);
            List<String> leaks = new ArrayList<>();
            worldA.forEach((document, answer) -> {
                if (!answer.equals(worldB.get(document))) {
                    leaks.add(document + "\n" + difference(answer, worldB.get(document)));
                }
            });
            assertThat(leaks).as("answers to %s that tell what it may not read", role.getKey()).isEmpty();
            // Only the values hidden from this role were changed to carry the second secret.
            assertThat(String.join("", worldB.values())).as(role.getKey()).doesNotContain(SECRET_B);
        }
    }

    @Test
    void shouldHaveEverySchemaFileAndObjectTypeDeclaredByTheFeatureThatOwnsIt() {
        assertThat(policy.undeclaredSchemaFiles()).as("schema files no feature's ReadRules declares").isEmpty();
        List<String> undeclared = graphQlSource.schema().getAllTypesAsList().stream()
                .filter(t -> t instanceof GraphQLObjectType && !t.getName().startsWith("__"))
                .map(GraphQLNamedType::getName)
                .filter(name -> !policy.declaresType(name))
                .toList();
        assertThat(undeclared).as("object types with no audience").isEmpty();
    }

    @Test
    void shouldShowTheSameVariationsToTheOfficeSoTheWalkCanSeeThem() {
        TestFixtures.remove(driver);
        TestFixtures.load(driver, "fixtures/read-walk.cypher");
        List<String> documents = documents();
        Map<String, String> worldA = walk("office", documents);
        vary(new Viewer("police", Role.UNIT_OFFICER, "POLICE"));
        Map<String, String> worldB = walk("office", documents);
        long differing = worldA.keySet().stream().filter(d -> !worldA.get(d).equals(worldB.get(d))).count();
        assertThat(differing).as("documents whose answer shows the office the hidden variation").isGreaterThan(5);
        assertThat(String.join("", worldA.values())).contains(SECRET_A);
    }

    @Test
    void shouldTellAUnitOfficersSubscriptionsNothingOfAnotherUnitsProblem() throws InterruptedException {
        TestFixtures.remove(driver);
        TestFixtures.load(driver, "fixtures/read-walk.cypher");
        var events = new java.util.concurrent.LinkedBlockingQueue<String>();
        var client = org.springframework.graphql.client.WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql",
                        new org.springframework.web.reactive.socket.client.StandardWebSocketClient())
                .interceptor(new org.springframework.graphql.client.WebSocketGraphQlClientInterceptor() {
                    @Override
                    public reactor.core.publisher.Mono<Object> connectionInitPayload() {
                        return reactor.core.publisher.Mono.just(Map.of("Authorization", "Bearer " + token("police")));
                    }
                }).build();
        var subscriptions = reactor.core.Disposables.composite();
        for (String subscription : List.of(
                "subscription { ledgerChanged { action entityId entityType changes { field from to } } }",
                "subscription { jointEnforcementCandidateAppeared(minDepartments: 1) { mine { id name } departments { unit { id } "
                        + "issues { id title description measures evidence responsiblePerson { id } outcomeRecords { note } } } } }")) {
            subscriptions.add(client.document(subscription).executeSubscription()
                    .subscribe(response -> events.add(String.valueOf(response.isValid() ? response.getData() : response.getErrors())),
                            error -> events.add("error " + error)));
        }
        try {
            String heard = null;
            for (int attempt = 0; attempt < 20 && heard == null; attempt++) {
                graphQl.document("""
                        mutation { assignIssue(input: {issueId: "walk-issue", measures: "新措施 %s", deadline: "2099-01-0%d"}) { issue { id } } }"""
                        .formatted(SECRET_A, 1 + attempt % 9)).execute().errors().verify();
                graphQl.document("""
                        mutation { registerMine(input: {name: "巡查订阅矿%d(测试)", licenseNumber: "WALK-LIVE-1", mineral: "钨",
                          township: "巡查测试镇(测试)"}) { mine { id } } }""".formatted(attempt)).execute().errors().verify();
                heard = events.poll(2, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(heard).as("the officer's subscription is live: it hears the mine").isNotNull();
            Thread.sleep(500);
            List<String> all = new ArrayList<>(List.of(heard));
            events.drainTo(all);
            assertThat(String.join("\n", all)).doesNotContain("walk-issue").doesNotContain(SECRET_A);
        } finally {
            subscriptions.dispose();
            TestFixtures.removeRegisteredMines(driver, "WALK-LIVE-");
        }
    }

    /** Sets another value on every property and edge of the fixture the viewer may not read; returns how many. */
    private int vary(Viewer viewer) {
        int varied = 0;
        try (var session = driver.session()) {
            for (String label : List.of("Issue", "Mine", "Person", "Township")) {
                for (var row : session.run("MATCH (n:TestFixture) WHERE $label IN labels(n) RETURN elementId(n) AS id, properties(n) AS p",
                        Map.of("label", label)).list()) {
                    Map<String, Object> stored = row.get("p").asMap();
                    Set<String> visible = policy.visibleProperties(viewer, label, stored, false).keySet();
                    for (var property : stored.entrySet()) {
                        if (!visible.contains(property.getKey()) && !property.getKey().equals("id")) {
                            session.run("MATCH (n) WHERE elementId(n) = $id SET n[$key] = $value", Map.of("id",
                                    row.get("id").asString(), "key", property.getKey(), "value", other(property.getValue()))).consume();
                            varied++;
                        }
                    }
                }
            }
            for (var row : session.run("""
                    MATCH (:TestFixture)-[r]->() RETURN elementId(r) AS id, type(r) AS type, properties(r) AS p""").list()) {
                String type = row.get("type").asString();
                Map<String, Object> stored = row.get("p").asMap();
                if (!policy.mayShow(viewer, type, false)) {
                    varied += session.run("""
                            MATCH (i)-[r]->(old) WHERE elementId(r) = $id
                            MATCH (other:TestFixture) WHERE other.id = old.id + '-b' OR other.id = replace(old.id, '-a', '-b')
                            WITH i, r, other LIMIT 1
                            CALL (i, r, other) { CREATE (i)-[copy:$(type(r))]->(other) SET copy = properties(r) }
                            DELETE r RETURN count(*) AS n""", Map.of("id", row.get("id").asString())).single().get("n").asInt();
                    continue;
                }
                Set<String> visible = policy.visibleProperties(viewer, type, stored, false).keySet();
                for (var property : stored.entrySet()) {
                    if (!visible.contains(property.getKey())) {
                        session.run("MATCH ()-[r]->() WHERE elementId(r) = $id SET r[$key] = $value", Map.of("id",
                                row.get("id").asString(), "key", property.getKey(), "value", other(property.getValue()))).consume();
                        varied++;
                    }
                }
            }
        }
        return varied;
    }

    /** Where two answers part, with some context, so a failure shows the leak rather than the whole answer. */
    private static String difference(String a, String b) {
        int at = 0;
        while (at < Math.min(a.length(), b.length()) && a.charAt(at) == b.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 200);
        return "  A: …" + a.substring(from, Math.min(a.length(), at + 200)) + "\n  B: …" + b.substring(from, Math.min(b.length(), at + 200));
    }

    private static Object other(Object value) {
        if (value instanceof String text) {
            return text.replace(SECRET_A, SECRET_B) + (text.contains(SECRET_A) ? "" : "乙");
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ReadPolicyWalkTest::other).toList();
        }
        if (value instanceof Number number) {
            return number.doubleValue() + 7;
        }
        if (value instanceof Boolean bool) {
            return !bool;
        }
        if (value instanceof java.time.LocalDate date) {
            return date.plusDays(3);
        }
        return value;
    }

    /** Each document's answer as the role gets it: the data and the error codes, with ranking scores left out. */
    private Map<String, String> walk(String role, List<String> documents) {
        RestClient http = RestClient.create("http://localhost:" + port);
        String authorization = role.equals("anonymous") ? null : "Bearer " + token(role);
        Map<String, String> answers = new TreeMap<>();
        for (String document : documents) {
            String answer = null;
            // A loaded machine can run out of pooled connections or time on the widest documents (INTERNAL_ERROR, or
            // a 503 with no GraphQL body): ask again rather than compare an outage with an answer.
            for (int attempt = 0; attempt < 5 && (answer == null || answer.contains("INTERNAL_ERROR")); attempt++) {
                var request = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON);
                if (authorization != null) {
                    request = request.header("Authorization", authorization);
                }
                answer = canonical(request.body(Map.of("query", document)).exchange((req, res) ->
                        new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
            }
            answers.put(document, answer == null ? "no answer" : answer);
        }
        return answers;
    }

    private static String canonical(String body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
        if (!tree.has("data") && !tree.has("errors")) {
            return null;
        }
        strip(tree);
        List<String> codes = new ArrayList<>();
        tree.path("errors").forEach(e -> codes.add(e.path("extensions").path("code").asString("") + "@" + e.path("path")));
        codes.sort(null);
        return "data=" + tree.path("data") + " errors=" + codes;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("score");
            object.remove("requestId");
            object.values().forEach(ReadPolicyWalkTest::strip);
        } else if (node != null && node.isArray()) {
            node.forEach(ReadPolicyWalkTest::strip);
        }
    }

    /**
     * One document per root field with its arguments aimed at the fixture, then one more per text argument (and
     * per text field of an input argument) set to the secret that only hidden fields hold.
     */
    private List<String> documents() {
        GraphQLObjectType query = graphQlSource.schema().getQueryType();
        List<String> documents = new ArrayList<>();
        for (GraphQLFieldDefinition field : query.getFieldDefinitions()) {
            String returns = ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType())).getName();
            Map<String, String> base = new LinkedHashMap<>();
            for (GraphQLArgument argument : field.getArguments()) {
                String value = value(argument.getName(), argument.getType(), returns, GraphQLTypeUtil.isNonNull(argument.getType()));
                if (value != null) {
                    base.put(argument.getName(), value);
                }
            }
            String selection = selection(field.getType(), 3);
            documents.add(document(field.getName(), base, selection));
            for (GraphQLArgument argument : field.getArguments()) {
                var type = GraphQLTypeUtil.unwrapNonNull(argument.getType());
                if (type instanceof GraphQLScalarType scalar && scalar.getName().equals("String")) {
                    Map<String, String> secret = new LinkedHashMap<>(base);
                    secret.put(argument.getName(), quote(SECRET_A));
                    documents.add(document(field.getName(), secret, selection));
                } else if (type instanceof GraphQLInputObjectType input) {
                    for (var inputField : input.getFieldDefinitions()) {
                        if (GraphQLTypeUtil.unwrapNonNull(inputField.getType()) instanceof GraphQLScalarType s && s.getName().equals("String")) {
                            Map<String, String> secret = new LinkedHashMap<>(base);
                            secret.put(argument.getName(), "{" + inputField.getName() + ": " + quote(SECRET_A) + "}");
                            documents.add(document(field.getName(), secret, selection));
                        }
                    }
                }
            }
        }
        return documents;
    }

    private static String document(String field, Map<String, String> arguments, String selection) {
        String args = arguments.isEmpty() ? "" : "(" + String.join(", ", arguments.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).toList()) + ")";
        return "{ " + field + args + (selection.isEmpty() ? "" : " " + selection) + " }";
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    /** A literal for an argument: by its name where the walk aims at the fixture, else a plain value; null to omit. */
    private static String value(String name, GraphQLInputType type, String returns, boolean required) {
        var bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (name.equals("id")) {
            return quote(ID_BY_TYPE.getOrDefault(returns, "walk-issue"));
        }
        Object known = ARGUMENTS.get(name);
        if (bare instanceof GraphQLList list) {
            String item = value(name, (GraphQLInputType) list.getWrappedType(), returns, true);
            return required && item != null ? "[" + item + "]" : null;
        }
        if (known != null && (required || name.equals("first") || name.equals("depth") || name.equals("minDepartments"))) {
            return known instanceof String text ? quote(text) : known.toString();
        }
        if (!required) {
            return null;
        }
        if (bare instanceof GraphQLEnumType enumType) {
            return enumType.getValues().getFirst().getName();
        }
        if (bare instanceof GraphQLInputObjectType input) {
            if (input.getName().equals("AccountabilitySubject")) {
                return "{issue: \"walk-issue\"}";
            }
            List<String> fields = new ArrayList<>();
            for (var f : input.getFieldDefinitions()) {
                String v = value(f.getName(), f.getType(), returns, GraphQLTypeUtil.isNonNull(f.getType()));
                if (v != null) {
                    fields.add(f.getName() + ": " + v);
                }
            }
            return "{" + String.join(", ", fields) + "}";
        }
        return switch (((GraphQLNamedType) bare).getName()) {
            case "Int" -> "1";
            case "Float" -> "1.0";
            case "Boolean" -> "true";
            case "Date" -> quote("2024-01-01");
            default -> quote("walk-issue");
        };
    }

    /** Every field to the given depth that needs no argument, so whatever a type shows is asked for. */
    private static String selection(graphql.schema.GraphQLOutputType type, int depth) {
        var bare = GraphQLTypeUtil.unwrapAll(type);
        if (!(bare instanceof GraphQLObjectType object)) {
            return "";
        }
        if (depth == 0) {
            return "{ __typename }";
        }
        List<String> fields = new ArrayList<>();
        for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
            if (field.getArguments().stream().anyMatch(a -> GraphQLTypeUtil.isNonNull(a.getType()))) {
                continue;
            }
            String nested = selection(field.getType(), depth - 1);
            fields.add(field.getName() + (nested.isEmpty() ? "" : " " + nested));
        }
        return "{ " + String.join(" ", fields) + " }";
    }
}
