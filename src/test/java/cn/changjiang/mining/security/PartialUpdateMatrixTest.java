package cn.changjiang.mining.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.TestFixtures;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write changes exactly what it names. Generated from the schema: for every mutation that changes an existing
 * object and every optional field of its input, a call that names every other field it may (with new values) and
 * leaves that one out must leave what that field stores unchanged, as the office and as the role with the least
 * rights that may call it. A mutation or input field the schema gains later fails here until it is placed.
 */
class PartialUpdateMatrixTest extends IntegrationTest {

    /** An optional input field: a new value, and where the object stores it. */
    record Field(String literal, List<String> storedAs) {
    }

    /**
     * A mutation on the fixture: its required arguments, its optional fields, the callers with the fields each may
     * name, and fields that only travel together.
     */
    record Case(String target, String required, Map<String, Field> optional, Map<String, Set<String>> callers,
                List<Set<String>> together) {
    }

    /** Mutations that create something new: nothing of theirs exists before, so there is nothing to keep. */
    private static final Set<String> CREATIONS = Set.of("reportIssue", "recordOutcome", "openJointEnforcementAction",
            "importPlan");

    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    static {
        Map<String, Field> assign = new LinkedHashMap<>();
        assign.put("leadUnit", new Field("\"区林业局\"", List.of("ASSIGNED_TO:LEAD")));
        assign.put("supportingUnits", new Field("[\"昌江公安分局\", \"区农水局\"]", List.of("ASSIGNED_TO:SUPPORTING")));
        assign.put("responsiblePersonId", new Field("\"demo-person-police-principal\"", List.of("RESPONSIBLE_PERSON:")));
        assign.put("supervisingUnit", new Field("\"区应急局\"", List.of("SUPERVISED_BY:")));
        assign.put("measures", new Field("\"新措施(测试)\"", List.of("measures")));
        assign.put("deadline", new Field("\"2099-12-31\"", List.of("deadline")));
        assign.put("supervised", new Field("false", List.of("supervised")));
        assign.put("supervisor", new Field("\"新督办人(测试)\"", List.of("supervisor")));
        CASES.put("assignIssue", new Case("issue", "issueId: \"sec-issue\"", assign, Map.of(
                "office", assign.keySet(), "ecology", Set.of("measures", "deadline", "responsiblePersonId")), List.of()));

        Map<String, Field> supervise = new LinkedHashMap<>();
        supervise.put("supervisor", new Field("\"区委(测试)\"", List.of("supervisor")));
        CASES.put("superviseIssue", new Case("issue", "issueId: \"sec-issue\", supervised: false", supervise, Map.of(
                "office", supervise.keySet(), "leader", supervise.keySet()), List.of()));

        Map<String, Field> transition = new LinkedHashMap<>();
        transition.put("note", new Field("\"申请验收(测试)\"", List.of("lastNote")));
        transition.put("acceptance", new Field("{acceptedBy: \"验收组(测试)\", acceptedOn: \"2024-03-01\", evidence: [\"报告\"]}",
                List.of("acceptedBy", "acceptedOn", "acceptanceEvidence")));
        CASES.put("transitionIssue", new Case("issue", "issueId: \"sec-issue\", to: ACCEPTANCE_REQUESTED", transition, Map.of(
                "office", transition.keySet(), "ecology", transition.keySet()), List.of()));

        Map<String, Field> mine = new LinkedHashMap<>();
        mine.put("licenceStatus", new Field("EXPIRED", List.of("licenceStatus")));
        mine.put("licenceValidUntil", new Field("\"2030-01-01\"", List.of("licenceValidUntil")));
        mine.put("miningMethod", new Field("UNDERGROUND", List.of("miningMethod")));
        mine.put("greenMine", new Field("true", List.of("greenMine")));
        mine.put("latitude", new Field("29.5", List.of("location")));
        mine.put("longitude", new Field("117.5", List.of("location")));
        CASES.put("registerMine", new Case("mine",
                "name: \"权限测试矿(测试)\", licenseNumber: \"SEC-0001\", mineral: \"钨\", township: \"权限测试镇(测试)\"",
                mine, Map.of("office", mine.keySet()), List.of(Set.of("latitude", "longitude"))));

        Map<String, Field> result = new LinkedHashMap<>();
        result.put("penaltyAmount", new Field("9999.0", List.of("penaltyAmount")));
        result.put("penaltyDecisions", new Field("[\"新决定书(测试)\"]", List.of("penaltyDecisions")));
        result.put("casesTransferred", new Field("7", List.of("casesTransferred")));
        result.put("mineClosed", new Field("false", List.of("mineClosed")));
        CASES.put("recordJointEnforcementResult", new Case("action",
                "actionId: \"sec-action\", inspectedOn: \"2026-11-01\", findings: \"复查(测试)\"", result,
                Map.of("office", result.keySet()), List.of()));

        Map<String, Field> met = new LinkedHashMap<>();
        met.put("note", new Field("\"更正说明(测试)\"", List.of("note")));
        CASES.put("recordObligationMet", new Case("obligation",
                "obligationId: \"O4.1-SCREENING-REPORT\", unit: \"POLICE\", metOn: \"2023-04-28\"", met,
                Map.of("office", met.keySet()), List.of()));

        Map<String, Field> close = new LinkedHashMap<>();
        close.put("summary", new Field("\"结案(测试)\"", List.of("summary")));
        CASES.put("closeJointEnforcementAction", new Case("action", "actionId: \"sec-action\"", close,
                Map.of("office", close.keySet()), List.of()));
    }

    private static Driver driver;

    @Autowired
    GraphQlSource graphQlSource;

    @BeforeAll
    static void keepDriver(@Autowired Driver neo4j) {
        driver = neo4j;
    }

    @AfterAll
    static void removeFixture() {
        TestFixtures.remove(driver);
        try (var session = driver.session()) {
            session.run("MATCH (:Unit {id: 'POLICE'})-[m:MET]->(:Obligation {id: 'O4.1-SCREENING-REPORT'}) DELETE m").consume();
            session.run("MATCH (c:Change {entityId: 'O4.1-SCREENING-REPORT'}) DELETE c").consume();
        }
    }

    /** The fixture with every optional field set, so that leaving one out has something to keep. */
    private static void reset() {
        TestFixtures.remove(driver);
        TestFixtures.load(driver, "fixtures/security.cypher");
        try (var session = driver.session()) {
            session.run("""
                    MATCH (i:Issue {id: 'sec-issue'}), (police:Unit {id: 'POLICE'}), (p:Person {id: 'demo-person-police-officer'}),
                          (i)-[old:RESPONSIBLE_PERSON]->()
                    DELETE old
                    CREATE (i)-[:ASSIGNED_TO {role: 'SUPPORTING'}]->(police), (i)-[:RESPONSIBLE_PERSON]->(p)
                    SET i.supervised = true, i.supervisor = '区政府(测试)', i.lastNote = '旧说明(测试)',
                        i.acceptedBy = '旧验收(测试)', i.acceptedOn = date('2024-02-01'), i.acceptanceEvidence = ['旧证据']""").consume();
            session.run("""
                    MATCH (m:Mine {id: 'sec-mine'})
                    SET m.licenceValidUntil = date('2025-01-01'), m.location = point({latitude: 29.2, longitude: 117.1})
                    WITH m
                    MERGE (x:Mineral {name: '钨'}) MERGE (m)-[:PRODUCES]->(x)""").consume();
            session.run("""
                    MATCH (m:Mine {id: 'sec-mine'}), (u:Unit {id: 'ECOLOGY'}), (i:Issue {id: 'sec-issue'})
                    CREATE (a:JointEnforcementAction:TestFixture {id: 'sec-action', status: 'RESULT_RECORDED',
                            plannedOn: date('2026-10-01'), openedAt: datetime(), inspectedOn: date('2026-10-15'), findings: '初查',
                            penaltyAmount: 100.0, penaltyDecisions: ['旧决定书'], casesTransferred: 1, mineClosed: true,
                            summary: '旧小结(测试)'})
                    CREATE (a)-[:FOR_MINE]->(m), (a)-[:LED_BY]->(u), (a)-[:COVERS_ISSUE]->(i)""").consume();
            session.run("""
                    MATCH (u:Unit {id: 'POLICE'}), (o:Obligation {id: 'O4.1-SCREENING-REPORT'})
                    MERGE (u)-[m:MET]->(o)
                    SET m.on = date('2023-04-20'), m.note = '旧说明(测试)', m.recordedBy = 'test', m.recordedAt = datetime()""").consume();
        }
    }

    /** What the target stores: its properties and its assignments, as text by key. */
    private static Map<String, String> stored(String target) {
        String cypher = switch (target) {
            case "issue" -> """
                    MATCH (n:Issue {id: 'sec-issue'})
                    RETURN properties(n) AS p, [(n)-[r:ASSIGNED_TO|SUPERVISED_BY|RESPONSIBLE_PERSON]->(x) |
                           type(r) + ':' + coalesce(r.role, '') + '=' + x.id] AS rels""";
            case "mine" -> """
                    MATCH (n:Mine {id: 'sec-mine'})
                    RETURN properties(n) AS p, [(n)-[r:PRODUCES|LOCATED_IN]->(x) | type(r) + ':=' + x.name] AS rels""";
            case "obligation" -> """
                    MATCH (:Unit {id: 'POLICE'})-[n:MET]->(:Obligation {id: 'O4.1-SCREENING-REPORT'})
                    RETURN properties(n) AS p, [] AS rels""";
            default -> """
                    MATCH (n:JointEnforcementAction {id: 'sec-action'}) RETURN properties(n) AS p, [] AS rels""";
        };
        try (var session = driver.session()) {
            var row = session.run(cypher).single();
            Map<String, String> stored = new TreeMap<>();
            row.get("p").asMap().forEach((k, v) -> stored.put(k, String.valueOf(v)));
            Map<String, List<String>> rels = new TreeMap<>();
            row.get("rels").asList(v -> v.asString()).forEach(r -> rels.computeIfAbsent(r.substring(0, r.indexOf('=')),
                    k -> new ArrayList<>()).add(r.substring(r.indexOf('=') + 1)));
            rels.forEach((k, v) -> stored.put(k, v.stream().sorted().toList().toString()));
            return stored;
        }
    }

    @Test
    void shouldPlaceEveryMutationAndEveryOptionalInputFieldOfTheSchema() {
        List<String> unplaced = new ArrayList<>();
        for (GraphQLFieldDefinition mutation : graphQlSource.schema().getMutationType().getFieldDefinitions()) {
            if (CREATIONS.contains(mutation.getName())) {
                continue;
            }
            Case known = CASES.get(mutation.getName());
            if (known == null) {
                unplaced.add(mutation.getName());
                continue;
            }
            var input = (GraphQLInputObjectType) GraphQLTypeUtil.unwrapNonNull(mutation.getArgument("input").getType());
            input.getFieldDefinitions().stream()
                    .filter(f -> !GraphQLTypeUtil.isNonNull(f.getType()) && !f.getName().equals("version"))
                    .filter(f -> !known.optional().containsKey(f.getName()))
                    .forEach(f -> unplaced.add(mutation.getName() + "." + f.getName()));
        }
        assertThat(unplaced).as("mutations and optional input fields the matrix does not place").isEmpty();
    }

    @Test
    void shouldKeepEveryOptionalFieldACallLeavesOut() {
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (var entry : CASES.entrySet()) {
            String mutation = entry.getKey();
            Case c = entry.getValue();
            for (var caller : c.callers().entrySet()) {
                for (String omitted : c.optional().keySet()) {
                    Set<String> leftOut = c.together().stream().filter(g -> g.contains(omitted)).findFirst().orElse(Set.of(omitted));
                    List<String> named = caller.getValue().stream().filter(f -> !leftOut.contains(f))
                            .filter(f -> c.together().stream().noneMatch(g -> g.contains(f) && !caller.getValue().containsAll(g)))
                            .sorted().toList();
                    reset();
                    Map<String, String> before = stored(c.target());
                    String arguments = c.required() + named.stream().map(f -> ", " + f + ": " + c.optional().get(f).literal())
                            .reduce("", String::concat);
                    String document = "mutation { " + mutation + "(input: {" + arguments + "}) { __typename } }";
                    calls++;
                    var response = as(caller.getKey()).document(document).execute();
                    List<String> errors = new ArrayList<>();
                    response.errors().satisfy(e -> e.forEach(error -> errors.add(error.getMessage())));
                    if (!errors.isEmpty()) {
                        failures.add(caller.getKey() + " " + document + " refused: " + errors);
                        continue;
                    }
                    Map<String, String> after = stored(c.target());
                    for (String key : c.optional().get(omitted).storedAs()) {
                        if (!java.util.Objects.equals(before.get(key), after.get(key))) {
                            failures.add(caller.getKey() + " left out " + mutation + "." + omitted + " but " + key + " went from "
                                    + before.get(key) + " to " + after.get(key));
                        }
                    }
                    for (String field : named) {
                        for (String key : c.optional().get(field).storedAs()) {
                            if (java.util.Objects.equals(before.get(key), after.get(key)) && !mutation.equals("transitionIssue")) {
                                failures.add(caller.getKey() + " named " + mutation + "." + field + " but " + key + " stayed "
                                        + before.get(key));
                            }
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(calls).isGreaterThan(20);
    }
}
