package cn.changjiang.mining.insight;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.changjiang.mining.SmallGraphTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Subgraphs and counts with exact answers on the tests' own small graph (fixtures/joint-enforcement.cypher). */
class InsightTest extends SmallGraphTest {

    private static final String SUBGRAPH = """
            query($root: ID!, $depth: Int, $types: [String!], $limit: Int) {
              subgraph(rootId: $root, depth: $depth, relationshipTypes: $types, limit: $limit) {
                truncated
                nodes { id type label properties }
                edges { id type source target }
                cytoscapeElements
              }
            }""";

    @Test
    @SuppressWarnings("unchecked")
    void shouldReturnTheExactSubgraphAroundAMineWithStableIds() {
        var response = graphQl.document(SUBGRAPH).variable("root", "Mine:tf-mine-4").variable("depth", 2)
                .variable("types", List.of("AT", "OF_TYPE", "ASSIGNED_TO")).execute();
        response.path("subgraph.truncated").entity(Boolean.class).isEqualTo(false)
                .path("subgraph.nodes[*].id").entityList(String.class).contains("Mine:tf-mine-4").hasSize(9);
        List<String> nodeIds = response.path("subgraph.nodes[*].id").entityList(String.class).get();
        assertThat(nodeIds).containsExactlyInAnyOrder("Mine:tf-mine-4", "Issue:tf-issue-5", "Issue:tf-issue-6",
                "Issue:tf-issue-7", "ViolationType:T3.01", "ViolationType:T2.09", "ViolationType:X.01", "Unit:POLICE",
                "Unit:ECOLOGY");
        List<String> edgeIds = response.path("subgraph.edges[*].id").entityList(String.class).get();
        assertThat(edgeIds).hasSize(8).contains("AT:Issue:tf-issue-5->Mine:tf-mine-4",
                "ASSIGNED_TO:Issue:tf-issue-6->Unit:ECOLOGY", "OF_TYPE:Issue:tf-issue-7->ViolationType:X.01");

        Map<String, Object> elements = response.path("subgraph.cytoscapeElements").entity(Map.class).get();
        List<Map<String, Map<String, Object>>> cyNodes = (List<Map<String, Map<String, Object>>>) elements.get("nodes");
        List<Map<String, Map<String, Object>>> cyEdges = (List<Map<String, Map<String, Object>>>) elements.get("edges");
        Set<Object> ids = cyNodes.stream().map(n -> n.get("data").get("id")).collect(Collectors.toSet());
        assertThat(ids).hasSize(9);
        assertThat(cyEdges).hasSize(8).allSatisfy(e -> assertThat(ids).contains(e.get("data").get("source"), e.get("data").get("target")));
    }

    @Test
    void shouldTruncateAtTheLimitAndSayIt() {
        graphQl.document(SUBGRAPH).variable("root", "Mine:tf-mine-4").variable("depth", 2).variable("limit", 3).execute()
                .path("subgraph.truncated").entity(Boolean.class).isEqualTo(true)
                .path("subgraph.nodes").entityList(Object.class).hasSize(3);
    }

    @Test
    void shouldDrawTheNamedViews() {
        graphQl.document("{ taskReach(taskNumber: 91) { nodes { id } edges { type } } }").execute()
                .path("taskReach.nodes[*].id").entityList(String.class)
                .contains("Task:91", "ViolationType:X.01", "Unit:FORESTRY", "Unit:EMERGENCY").hasSize(4);
        graphQl.document("{ mineNetwork(mineId: \"tf-mine-3\") { nodes { id } } }").execute()
                .path("mineNetwork.nodes[*].id").entityList(String.class)
                .contains("Mine:tf-mine-3", "Issue:tf-issue-4", "ViolationType:T2.01", "Unit:NATURAL_RESOURCES",
                        "Unit:AGRI_WATER", "Township:测试镇(测试)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldLeaveContactDetailsOutOfAnAnalystsSubgraph() {
        String people = "{ subgraph(rootId: \"Unit:POLICE\", depth: 1, relationshipTypes: [\"SERVES_IN\"]) { nodes { type properties } } }";
        List<Map<String, Object>> forAnalyst = as("analyst").document(people).execute()
                .path("subgraph.nodes").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        List<Map<String, Object>> forOffice = graphQl.document(people).execute()
                .path("subgraph.nodes").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(forOffice).anyMatch(n -> n.get("type").equals("Person") && ((Map<?, ?>) n.get("properties")).containsKey("phone"));
        assertThat(forAnalyst).filteredOn(n -> n.get("type").equals("Person")).isNotEmpty()
                .allMatch(n -> !((Map<?, ?>) n.get("properties")).containsKey("phone"));
    }

    @Test
    void shouldRefuseBadSubgraphRequestsWithCodes() {
        for (var bad : List.of(Map.of("root", "Mine:tf-mine-4", "depth", 9), Map.of("root", "Change:x", "depth", 1),
                Map.of("root", "Task:two", "depth", 1))) {
            graphQl.document(SUBGRAPH).variable("root", bad.get("root")).variable("depth", bad.get("depth")).execute()
                    .errors().satisfy(errors -> assertThat(errors.getFirst().getExtensions()).containsEntry("code", "BAD_REQUEST"));
        }
        graphQl.document(SUBGRAPH).variable("root", "Mine:no-such-mine").execute()
                .errors().satisfy(errors -> assertThat(errors.getFirst().getExtensions()).containsEntry("code", "NOT_FOUND"));
        anonymous.document(SUBGRAPH).variable("root", "Task:2").execute()
                .errors().satisfy(errors -> assertThat(errors.getFirst().getExtensions()).containsEntry("code", "UNAUTHENTICATED"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCountProblemsByStatusAndByUnitAndSeverityExactly() {
        String counts = """
                query($by: [IssueDimension!]!) { issueCounts(groupBy: $by, filter: {township: "测试镇(测试)"}) { keys count open overdue } }""";
        List<Map<String, Object>> byStatus = graphQl.document(counts).variable("by", List.of("STATUS")).execute()
                .path("issueCounts").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(byStatus).extracting(g -> ((List<?>) g.get("keys")).getFirst() + "=" + g.get("count") + "/" + g.get("open") + "/" + g.get("overdue"))
                .containsExactlyInAnyOrder("RECTIFYING=3/3/0", "CLOSED=2/0/0", "CARRIED_OVER=1/1/1", "PENDING_ASSIGNMENT=1/1/0");
        List<Map<String, Object>> byUnit = graphQl.document(counts).variable("by", List.of("UNIT", "SEVERITY")).execute()
                .path("issueCounts").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(byUnit).extracting(g -> g.get("keys") + "=" + g.get("count")).containsExactlyInAnyOrder(
                "[昌江公安分局, SERIOUS]=1", "[昌江公安分局, MAJOR]=1", "[昌江生态环境局, GENERAL]=2",
                "[市自然资源和规划局昌江分局, GENERAL]=2", "[null, GENERAL]=1");
    }

    @Test
    void shouldFindMinesProblemsAndUnitsByChineseText() {
        graphQl.document("{ search(text: \"萤石\") { id type label score } }").execute()
                .path("search[*].id").entityList(String.class).contains("Mine:demo-mine-08", "Issue:demo-issue-022");
        graphQl.document("{ search(text: \"萤石\", types: [Mine]) { id } }").execute()
                .path("search[*].id").entityList(String.class).containsExactly("Mine:demo-mine-08");
        graphQl.document("{ search(text: \"公安\", types: [Unit]) { id } }").execute()
                .path("search[*].id").entityList(String.class).containsExactly("Unit:POLICE");
        graphQl.document("{ search(text: \"民用爆炸物品\", types: [Issue, ViolationType]) { id type } }").execute()
                .path("search[*].id").entityList(String.class).contains("ViolationType:T3.01");
        graphQl.document("query($t: String!) { search(text: $t) { id } }").variable("t", "(萤石 OR \\\") AND * ~ [a TO z]")
                .execute().errors().verify();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldMapMinesAsGeoJsonWithinABoxAndFindThoseNearAPoint() {
        Map<String, Object> collection = graphQl.document(
                        "{ minesGeoJson(bbox: {west: 117.15, south: 29.38, east: 117.18, north: 29.42}) }")
                .execute().path("minesGeoJson").entity(Map.class).get();
        assertThat(collection).containsEntry("type", "FeatureCollection");
        List<Map<String, Object>> features = (List<Map<String, Object>>) collection.get("features");
        assertThat(features).extracting(f -> f.get("id")).containsExactly("demo-mine-07", "demo-mine-08", "demo-mine-09");
        Map<String, Object> fluorite = features.get(1);
        assertThat((Map<String, Object>) fluorite.get("geometry")).containsEntry("type", "Point")
                .containsEntry("coordinates", List.of(117.1611, 29.3877));
        assertThat((Map<String, Object>) fluorite.get("properties")).containsEntry("jointEnforcementCandidate", true)
                .containsEntry("openIssueCount", 4);
        assertThat((Map<String, Object>) features.get(2).get("properties")).containsEntry("jointEnforcementCandidate", false);
        graphQl.document("{ minesNear(latitude: 29.4012, longitude: 117.1755, radiusKm: 3) { mine { id } distanceKm } }").execute()
                .path("minesNear[0].mine.id").entity(String.class).isEqualTo("demo-mine-07")
                .path("minesNear[0].distanceKm").entity(Double.class).satisfies(d -> assertThat(d).isLessThan(0.01))
                .path("minesNear[*].mine.id").entityList(String.class).contains("demo-mine-08");
    }

    @Test
    void shouldSeriesProblemsFoundAndClosedPerMonth() {
        graphQl.document("""
                        { issueTimeSeries(interval: MONTH, filter: {township: "测试镇(测试)"}) { period opened closed } }""")
                .execute()
                .path("issueTimeSeries[*].period").entityList(String.class).containsExactly("2020-02-01", "2020-04-01")
                .path("issueTimeSeries[*].opened").entityList(Integer.class).containsExactly(7, 0)
                .path("issueTimeSeries[*].closed").entityList(Integer.class).containsExactly(1, 1);
    }

    @Test
    void shouldListProblemsFilteredAndSortedPageByPage() {
        String list = """
                query($after: String, $text: String) {
                  issues(first: 2, after: $after, filter: {township: "测试镇(测试)", open: true, text: $text},
                         orderBy: {field: DEADLINE, direction: ASC}) {
                    totalCount pageInfo { hasNextPage endCursor } edges { node { id deadline } }
                  }
                }""";
        var first = graphQl.document(list).execute();
        first.path("issues.totalCount").entity(Integer.class).isEqualTo(5)
                .path("issues.edges[*].node.id").entityList(String.class).containsExactly("tf-issue-6", "tf-issue-3")
                .path("issues.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("issues.pageInfo.endCursor").entity(String.class).get();
        graphQl.document(list).variable("after", cursor).execute()
                .path("issues.edges[*].node.id").entityList(String.class).containsExactly("tf-issue-4", "tf-issue-5");
        graphQl.document(list).variable("text", "tf-issue-7").execute()
                .path("issues.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void shouldListMinesFilteredAndSortedByOpenProblems() {
        String list = """
                query($after: String) {
                  mines(first: 2, after: $after, filter: {township: "测试镇(测试)", hasOpenIssues: true},
                        orderBy: {field: OPEN_ISSUES, direction: DESC}) {
                    totalCount pageInfo { hasNextPage endCursor } edges { node { id } }
                  }
                }""";
        var first = graphQl.document(list).execute();
        first.path("mines.totalCount").entity(Integer.class).isEqualTo(3)
                .path("mines.edges[*].node.id").entityList(String.class).containsExactly("tf-mine-4", "tf-mine-2")
                .path("mines.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("mines.pageInfo.endCursor").entity(String.class).get();
        graphQl.document(list).variable("after", cursor).execute()
                .path("mines.edges[*].node.id").entityList(String.class).containsExactly("tf-mine-3")
                .path("mines.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        graphQl.document("""
                        { mines(filter: {township: "测试镇(测试)", hasOpenIssues: false, text: "测试矿"}) { totalCount edges { node { id } } } }""")
                .execute()
                .path("mines.edges[*].node.id").entityList(String.class).containsExactly("tf-mine-1");
    }

    @Test
    void shouldListUnitsCompetentForAKindOfProblem() {
        anonymous.document("""
                        { unitsConnection(filter: {competentFor: "T3.01"}, orderBy: {field: DOCUMENT}) {
                            totalCount edges { node { id } } } }""")
                .execute()
                .path("unitsConnection.edges[*].node.id").entityList(String.class).containsExactly("POLICE", "EMERGENCY")
                .path("unitsConnection.totalCount").entity(Integer.class).isEqualTo(2);
        anonymous.document("{ unitsConnection(orderBy: {field: OPEN_ISSUES}) { totalCount } }").execute()
                .errors().expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code")));
        graphQl.document("""
                        { unitsConnection(first: 1, filter: {task: 91}, orderBy: {field: NAME, direction: DESC}) {
                            totalCount pageInfo { hasNextPage } edges { node { name } } } }""")
                .execute()
                .path("unitsConnection.totalCount").entity(Integer.class).isEqualTo(2)
                .path("unitsConnection.edges[*].node.name").entityList(String.class).hasSize(1)
                .path("unitsConnection.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void shouldListPeopleWithOpenProblemsOfAUnit() {
        graphQl.document("""
                        { people(filter: {unit: "区公安局", text: "(测试)", hasOpenIssues: true}) {
                            totalCount edges { node { id name } } } }""")
                .execute()
                .path("people.totalCount").entity(Integer.class).isEqualTo(1)
                .path("people.edges[0].node.id").entity(String.class).isEqualTo("tf-person-police");
        anonymous.document("{ people { totalCount } }").execute()
                .errors().expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code")));
    }
}
