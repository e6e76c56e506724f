package cn.changjiang.mining.security;

import static cn.changjiang.mining.TestFixtures.assertCode;
import static cn.changjiang.mining.TestFixtures.count;
import static cn.changjiang.mining.TestFixtures.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.common.IssueStatus;
import cn.changjiang.mining.common.Role;
import cn.changjiang.mining.plan.Scopes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scope by jurisdiction (docs/plan-graph.md#scope), on two more districts of the shared database: 珠山区 (ZHUSHAN, of
 * 景德镇市 like 昌江区) and 广信区 (GUANGXIN, of another city, 上饶市), each with a township, a mine and three problems
 * recorded through the API by an office whose token names that district. The home office (昌江区) sees none of it in any
 * scoped field, a city leader its city's districts, a province leader all; outside is FORBIDDEN, unknown NOT_FOUND, a
 * read by id outside answers as an unknown id does, and a write outside is answered as an unknown id (NOT_FOUND) and changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JurisdictionScopeTest extends IntegrationTest {

    private static final String LICENCE = "SCOPE-TEST-";
    private static final String WORD = "范围测试";
    private static final List<String> DISTRICTS = List.of("ZHUSHAN", "GUANGXIN");

    @Autowired
    Driver driver;

    @Autowired
    Scopes scopes;

    private final Map<String, String> mines = new HashMap<>();
    private final Map<String, List<String>> issues = new HashMap<>();

    @BeforeAll
    void addTwoDistricts() {
        cleanUp();
        write(driver, """
                MATCH (province:Jurisdiction {id: 'JIANGXI'}), (jingdezhen:Jurisdiction {id: 'JINGDEZHEN'})
                MERGE (zhushan:Jurisdiction {id: 'ZHUSHAN'})
                  ON CREATE SET zhushan.name = '珠山区', zhushan.nameEn = 'Zhushan District', zhushan.level = 'DISTRICT',
                                zhushan.scopeTest = true
                MERGE (zhushan)-[:PART_OF]->(jingdezhen)
                CREATE (shangrao:Jurisdiction {id: 'SHANGRAO', name: '上饶市', nameEn: 'Shangrao', level: 'CITY', scopeTest: true})
                       -[:PART_OF]->(province)
                CREATE (:Jurisdiction {id: 'GUANGXIN', name: '广信区', nameEn: 'Guangxin District', level: 'DISTRICT',
                                       scopeTest: true})-[:PART_OF]->(shangrao)""", Map.of());
        scopes.changed();
        for (String district : DISTRICTS) {
            HttpGraphQlTester office = as(Role.OFFICE, district);
            String mine = office.document("""
                    mutation($input: RegisterMineInput!) { registerMine(input: $input) { mine { id } } }""")
                    .variable("input", Map.of("name", WORD + "矿" + district + "(测试)", "licenseNumber", LICENCE + district,
                            "mineral", "钨", "township", WORD + "镇" + district + "(测试)", "latitude", 29.30,
                            "longitude", 117.20))
                    .execute().path("registerMine.mine.id").entity(String.class).get();
            mines.put(district, mine);
            List<String> reported = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                reported.add(office.document("""
                        mutation($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id } } }""")
                        .variable("input", Map.of("mineId", mine, "violationTypeCodes", List.of("T2.03"),
                                "source", "PUBLIC_REPORT", "foundOn", "2023-05-1" + n, "title", WORD + "问题" + district + n,
                                "description", WORD + "描述"))
                        .execute().path("reportIssue.issue.id").entity(String.class).get());
            }
            issues.put(district, reported);
            office.document("""
                    mutation($input: AssignIssueInput!) { assignIssue(input: $input) { issue { id } } }""")
                    .variable("input", Map.of("issueId", reported.getFirst(), "leadUnit", "NATURAL_RESOURCES"))
                    .execute().path("assignIssue.issue.id").entity(String.class).isEqualTo(reported.getFirst());
        }
        // Overdue: ZHUSHAN two problems past their deadline, GUANGXIN one; the rest due far ahead or undated.
        write(driver, """
                UNWIND $past AS id MATCH (i:Issue {id: id}) SET i.deadline = date('2023-06-30')""",
                Map.of("past", List.of(issues.get("ZHUSHAN").get(0), issues.get("ZHUSHAN").get(1), issues.get("GUANGXIN").get(0))));
        write(driver, "MATCH (i:Issue {id: $id}) SET i.deadline = date('2099-01-01')", Map.of("id", issues.get("GUANGXIN").get(1)));
    }

    @AfterAll
    void cleanUp() {
        write(driver, """
                MATCH (m:Mine) WHERE m.licenceNumber STARTS WITH $prefix
                OPTIONAL MATCH (i:Issue)-[:AT]->(m)
                OPTIONAL MATCH (c:Change) WHERE c.entityId IN [m.id, i.id]
                OPTIONAL MATCH (k:IdempotencyKey) WHERE k.resultId IN [m.id, i.id]
                DETACH DELETE c, k, i, m""", Map.of("prefix", LICENCE));
        write(driver, "MATCH (t:Township) WHERE t.name STARTS WITH $word DETACH DELETE t", Map.of("word", WORD));
        write(driver, "MATCH (j:Jurisdiction {scopeTest: true}) DETACH DELETE j", Map.of());
        scopes.changed();
    }

    @Test
    void shouldShowTheHomeOfficeNothingOfOtherDistrictsInAnyScopedField() {
        List<String> others = allIssues();
        HttpGraphQlTester office = graphQl;
        var lists = office.document("""
                query($word: String!) {
                  all: issues(first: 100) { totalCount edges { node { id } } }
                  found: issues(filter: {text: $word}) { totalCount }
                  mines(filter: {text: $word}) { totalCount }
                  allMines: mines(first: 100) { edges { node { id } } }
                  townships { name }
                  search(text: $word) { id }
                  minesNear(latitude: 29.30, longitude: 117.20, radiusKm: 1) { mine { id } }
                  minesGeoJson
                  overdueIssues { id }
                  supervisedIssues { id }
                  jointEnforcementCandidates(minDepartments: 1, first: 100) { edges { node { mine { id } } } }
                  byDistrict: issueCounts(groupBy: [DISTRICT]) { keys count }
                  series: issueTimeSeries(interval: MONTH, from: "2023-05-01", to: "2023-05-31") { opened }
                  unitScorecards { unit { id } assigned }
                }""").variable("word", WORD).execute();
        lists.path("all.totalCount").entity(Long.class).isEqualTo(count(driver, "MATCH (i:Issue {district: 'CHANGJIANG'}) RETURN count(i)"))
                .path("all.edges[*].node.id").entityList(String.class).satisfies(ids -> assertThat(ids).doesNotContainAnyElementsOf(others))
                .path("found.totalCount").entity(Integer.class).isEqualTo(0)
                .path("mines.totalCount").entity(Integer.class).isEqualTo(0)
                .path("allMines.edges[*].node.id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).doesNotContainAnyElementsOf(mines.values()))
                .path("townships[*].name").entityList(String.class).satisfies(names -> assertThat(names).noneMatch(n -> n.startsWith(WORD)))
                .path("search").entityList(Object.class).hasSize(0)
                .path("minesNear[*].mine.id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).doesNotContainAnyElementsOf(mines.values()))
                .path("minesGeoJson.features[*].id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).doesNotContainAnyElementsOf(mines.values()))
                .path("overdueIssues[*].id").entityList(String.class).satisfies(ids -> assertThat(ids).doesNotContainAnyElementsOf(others))
                .path("supervisedIssues[*].id").entityList(String.class).satisfies(ids -> assertThat(ids).doesNotContainAnyElementsOf(others))
                .path("jointEnforcementCandidates.edges[*].node.mine.id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).doesNotContainAnyElementsOf(mines.values()))
                .path("byDistrict[*].keys[0]").entityList(String.class).containsExactly("CHANGJIANG")
                .path("series[*].opened").entityList(Integer.class).satisfies(opened -> assertThat(opened.stream().mapToLong(Integer::longValue).sum())
                        .isEqualTo(count(driver, """
                                MATCH (i:Issue {district: 'CHANGJIANG'})
                                WHERE i.foundOn >= date('2023-05-01') AND i.foundOn <= date('2023-05-31') RETURN count(i)""")))
                .path("unitScorecards[?(@.unit.id == 'NATURAL_RESOURCES')].assigned").entityList(Long.class)
                .containsExactly(count(driver, "MATCH (i:Issue {district: 'CHANGJIANG'})-[:ASSIGNED_TO]->(:Unit {id: 'NATURAL_RESOURCES'}) RETURN count(i)"));
        assertThat(count(driver, "MATCH (i:Issue) WHERE i.district IN ['ZHUSHAN', 'GUANGXIN'] AND i.title STARTS WITH '" + WORD + "' RETURN count(i)"))
                .as("the other districts' problems are there to be hidden").isEqualTo(6);
    }

    @Test
    void shouldShowACityLeaderItsDistrictsAndNarrowToOne() {
        HttpGraphQlTester cityLeader = as(Role.LEADER, "JINGDEZHEN");
        var response = cityLeader.document("""
                query($word: String!) {
                  all: issues(first: 1) { totalCount }
                  found: issues(filter: {text: $word}, first: 100) { edges { node { id } } }
                  mines(filter: {text: $word}) { edges { node { id } } }
                  zhushan: issues(jurisdiction: "ZHUSHAN", first: 100) { totalCount edges { node { id } } }
                  zhushanMines: mines(jurisdiction: "ZHUSHAN") { edges { node { id } } }
                  search(text: $word, types: [Issue]) { id }
                  units(jurisdiction: "ZHUSHAN") { id }
                }""").variable("word", WORD).execute();
        response.path("all.totalCount").entity(Long.class)
                .isEqualTo(count(driver, "MATCH (i:Issue) WHERE i.district IN ['CHANGJIANG', 'ZHUSHAN'] RETURN count(i)"))
                .path("found.edges[*].node.id").entityList(String.class).satisfies(ids -> assertThat(ids).containsExactlyInAnyOrderElementsOf(issues.get("ZHUSHAN")))
                .path("mines.edges[*].node.id").entityList(String.class).containsExactly(mines.get("ZHUSHAN"))
                .path("zhushan.totalCount").entity(Integer.class).isEqualTo(3)
                .path("zhushan.edges[*].node.id").entityList(String.class).satisfies(ids -> assertThat(ids).containsExactlyInAnyOrderElementsOf(issues.get("ZHUSHAN")))
                .path("zhushanMines.edges[*].node.id").entityList(String.class).containsExactly(mines.get("ZHUSHAN"))
                .path("search[*].id").entityList(String.class).satisfies(ids -> assertThat(ids).containsExactlyInAnyOrderElementsOf(
                        issues.get("ZHUSHAN").stream().map(id -> "Issue:" + id).toList()))
                .path("units").entityList(Object.class).hasSize((int) count(driver, """
                        MATCH (u:Unit)
                        WITH u, coalesce([(u)-[:SERVES]->(s:Jurisdiction) | s.id][0], [(u)-[:BELONGS_TO]->(b:Jurisdiction) | b.id][0]) AS j
                        WHERE j = 'ZHUSHAN' RETURN count(u)"""));
        assertCode(cityLeader.document("{ issues(jurisdiction: \"GUANGXIN\") { totalCount } }").execute(), "FORBIDDEN");
        cityLeader.document("query($id: ID!) { issue(id: $id) { id } }").variable("id", issues.get("GUANGXIN").getFirst())
                .execute().path("issue").valueIsNull();
        cityLeader.document("query($id: ID!) { issue(id: $id) { id } }").variable("id", issues.get("ZHUSHAN").getFirst())
                .execute().path("issue.id").entity(String.class).isEqualTo(issues.get("ZHUSHAN").getFirst());
    }

    @Test
    void shouldShowAProvinceLeaderEveryDistrict() {
        as(Role.LEADER, "JIANGXI").document("""
                query($word: String!) {
                  found: issues(filter: {text: $word}, first: 100) { edges { node { id } } }
                  mines(filter: {text: $word}) { edges { node { id } } }
                  shangrao: issues(jurisdiction: "SHANGRAO", filter: {text: $word}) { edges { node { id } } }
                }""").variable("word", WORD).execute()
                .path("found.edges[*].node.id").entityList(String.class).satisfies(ids -> assertThat(ids).containsExactlyInAnyOrderElementsOf(allIssues()))
                .path("mines.edges[*].node.id").entityList(String.class).satisfies(ids -> assertThat(ids).containsExactlyInAnyOrderElementsOf(mines.values()))
                .path("shangrao.edges[*].node.id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrderElementsOf(issues.get("GUANGXIN")));
    }

    @Test
    void shouldRefuseAJurisdictionOutsideAndNotFindAnUnknownOne() {
        for (String field : List.of("issues(jurisdiction: $j) { totalCount }", "mines(jurisdiction: $j) { totalCount }",
                "issueCounts(groupBy: [STATUS], jurisdiction: $j) { count }", "unitScorecards(jurisdiction: $j) { assigned }",
                "jointEnforcementCandidates(jurisdiction: $j) { totalCount }", "people(jurisdiction: $j) { totalCount }")) {
            String document = "query($j: ID) { " + field + " }";
            assertCode(graphQl.document(document).variable("j", "JINGDEZHEN").execute(), "FORBIDDEN");
            assertCode(graphQl.document(document).variable("j", "ZHUSHAN").execute(), "FORBIDDEN");
            assertCode(graphQl.document(document).variable("j", "NOWHERE").execute(), "NOT_FOUND");
        }
    }

    @Test
    void shouldAnswerAReadByIdOutsideAsAnUnknownId() {
        String issue = issues.get("ZHUSHAN").getFirst();
        String mine = mines.get("ZHUSHAN");
        graphQl.document("query($i: ID!, $m: ID!) { issue(id: $i) { id } mine(id: $m) { id } history(id: $i) { action } }")
                .variable("i", issue).variable("m", mine).execute()
                .path("issue").valueIsNull().path("mine").valueIsNull().path("history").entityList(Object.class).hasSize(0);
        for (String id : List.of(issue, "no-such-issue")) {
            assertCode(graphQl.document("query($i: ID!) { accountabilityChain(issueId: $i) { level } }").variable("i", id).execute(),
                    "NOT_FOUND");
            assertCode(graphQl.document("query($i: ID!) { whoIsAccountable(for: {issue: $i}) { subject } }").variable("i", id)
                    .execute(), "NOT_FOUND");
        }
        for (String id : List.of(mine, "no-such-mine")) {
            assertCode(graphQl.document("query($m: ID!) { mineAccountabilityChain(mineId: $m) { level } }").variable("m", id)
                    .execute(), "NOT_FOUND");
        }
        assertCode(graphQl.document("query($m: ID!) { mineNetwork(mineId: $m) { nodes { id } } }").variable("m", mine).execute(),
                "NOT_FOUND");
        graphQl.document("{ unitPortfolio(unitId: \"NATURAL_RESOURCES\", limit: 1000) { nodes { id } } }").execute()
                .path("unitPortfolio.nodes[*].id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).doesNotContain("Issue:" + issue, "Mine:" + mine));
        as(Role.LEADER, "JINGDEZHEN").document("{ unitPortfolio(unitId: \"NATURAL_RESOURCES\", limit: 1000) { nodes { id } } }")
                .execute().path("unitPortfolio.nodes[*].id").entityList(String.class).contains("Issue:" + issue);
        as(Role.LEADER, "JINGDEZHEN").document("query($i: ID!) { accountabilityChain(issueId: $i) { level name } }")
                .variable("i", issue).execute().path("accountabilityChain[0].name").entity(String.class).isEqualTo(WORD + "问题ZHUSHAN0");
    }

    @Test
    void shouldRefuseAWriteOutsideAndChangeNothing() {
        String issue = issues.get("ZHUSHAN").get(2);
        String before = state(issue);
        assertCode(graphQl.document("""
                mutation($id: ID!) { superviseIssue(input: {issueId: $id, supervised: true}) { issue { id } } }""")
                .variable("id", issue).execute(), "NOT_FOUND");
        assertCode(graphQl.document("""
                mutation($id: ID!) { assignIssue(input: {issueId: $id, leadUnit: "POLICE"}) { issue { id } } }""")
                .variable("id", issue).execute(), "NOT_FOUND");
        assertCode(graphQl.document("""
                mutation($id: ID!) { transitionIssue(input: {issueId: $id, to: SHUT_DOWN}) { issue { id } } }""")
                .variable("id", issue).execute(), "NOT_FOUND");
        assertThat(state(issue)).isEqualTo(before);
        // Answered exactly as an unknown id is: the error does not tell that the problem exists.
        String supervise = "mutation($id: ID!) { superviseIssue(input: {issueId: $id, supervised: true}) { issue { id } } }";
        List<String> answers = new ArrayList<>();
        for (String id : List.of(issue, "no-such-problem")) {
            graphQl.document(supervise).variable("id", id).execute().errors().satisfy(errors -> {
                assertThat(errors).hasSize(1);
                answers.add(errors.getFirst().getExtensions().get("code") + " " + errors.getFirst().getMessage().replace(id, "ID"));
            });
        }
        assertThat(answers.get(0)).isEqualTo(answers.get(1));
        long atMine = count(driver, "MATCH (i:Issue)-[:AT]->(:Mine {licenceNumber: '" + LICENCE + "ZHUSHAN'}) RETURN count(i)");
        assertCode(graphQl.document("""
                mutation($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id } } }""")
                .variable("input", Map.of("mineId", mines.get("ZHUSHAN"), "violationTypeCodes", List.of("T2.03"),
                        "source", "PUBLIC_REPORT", "foundOn", "2023-05-20"))
                .execute(), "NOT_FOUND");
        assertThat(count(driver, "MATCH (i:Issue)-[:AT]->(:Mine {licenceNumber: '" + LICENCE + "ZHUSHAN'}) RETURN count(i)"))
                .isEqualTo(atMine);
        // The same write inside the caller's jurisdiction passes the scope: the district's own office may.
        as(Role.OFFICE, "ZHUSHAN").document("""
                mutation($id: ID!) { superviseIssue(input: {issueId: $id, supervised: true}) { issue { supervised } } }""")
                .variable("id", issue).execute().path("superviseIssue.issue.supervised").entity(Boolean.class).isEqualTo(true);
        write(driver, "MATCH (i:Issue {id: $id}) SET i.supervised = false", Map.of("id", issue));
    }

    @Test
    void shouldRankDistrictsAndCitiesByOverdueProblemsAsARecountDoes() {
        Map<String, Object> params = new HashMap<>(IssueStatus.CYPHER_PARAMETERS);
        List<List<Object>> expected = new ArrayList<>();
        List<List<Object>> expectedCities = new ArrayList<>();
        try (var session = driver.session()) {
            session.run("""
                    MATCH (i:Issue) WHERE i.district IN ['CHANGJIANG', 'ZHUSHAN', 'GUANGXIN']
                      AND i.status IN $openStatuses AND i.deadline < date()
                    MATCH (d:Jurisdiction {id: i.district})
                    RETURN d.id AS key, d.name AS label, count(i) AS count ORDER BY count DESC, key""", params)
                    .forEachRemaining(r -> expected.add(List.of(r.get("key").asString(), r.get("label").asString(),
                            r.get("count").asInt())));
            session.run("""
                    MATCH (i:Issue) WHERE i.district IN ['CHANGJIANG', 'ZHUSHAN', 'GUANGXIN']
                      AND i.status IN $openStatuses AND i.deadline < date()
                    MATCH (:Jurisdiction {id: i.district})-[:PART_OF]->(c:Jurisdiction)
                    RETURN c.id AS key, c.name AS label, count(i) AS count ORDER BY count DESC, key""", params)
                    .forEachRemaining(r -> expectedCities.add(List.of(r.get("key").asString(), r.get("label").asString(),
                            r.get("count").asInt())));
        }
        assertThat(expected).extracting(row -> row.get(0)).contains("ZHUSHAN", "GUANGXIN");
        var response = as(Role.LEADER, "JIANGXI").document("""
                { districts: issueCounts(groupBy: [DISTRICT], filter: {overdue: true}) { keys labels count overdue }
                  cities: issueCounts(groupBy: [CITY], filter: {overdue: true}) { keys labels count } }""").execute();
        assertThat(rows(response, "districts")).isEqualTo(expected);
        assertThat(rows(response, "cities")).isEqualTo(expectedCities);
        response.path("districts[*].overdue").entityList(Integer.class)
                .isEqualTo(expected.stream().map(row -> (Integer) row.get(2)).toList());
    }

    private static List<List<Object>> rows(GraphQlTester.Response response, String path) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object group : response.path(path).entityList(Map.class).get()) {
            Map<?, ?> g = (Map<?, ?>) group;
            rows.add(List.of(((List<?>) g.get("keys")).getFirst(), ((List<?>) g.get("labels")).getFirst(), g.get("count")));
        }
        return rows;
    }

    private List<String> allIssues() {
        return DISTRICTS.stream().flatMap(d -> issues.get(d).stream()).toList();
    }

    private String state(String issueId) {
        try (var session = driver.session()) {
            return session.run("""
                    MATCH (i:Issue {id: $id})
                    RETURN i.version + '/' + i.status + '/' + coalesce(i.supervised, false) + '/'
                           + COUNT { (i)-[:ASSIGNED_TO]->() } + '/' + COUNT { (c:Change {entityId: $id}) } AS state""",
                    Map.of("id", issueId)).single().get("state").asString();
        }
    }
}
