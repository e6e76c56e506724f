package cn.changjiang.mining.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.common.IssueStatus;
import cn.changjiang.mining.common.Role;
import cn.changjiang.mining.plan.Scopes;
import cn.changjiang.mining.security.SecurityProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated province (南岭省, id GENP: 3 cities, 7 districts, 2 townships and 3 mines each, 42 problems): its 11 plans
 * written as text and loaded through importPlan with createUnits, then mines and problems. Asserted against recounts in
 * Cypher and the generator's own rows: every plan imported whole, districts ranked by overdue problems, the chain from
 * a district's problem up to the province's 专班, and cross-border candidates of both kinds. Everything it creates is
 * under GENP, outside 昌江区, and removed afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedProvinceTest extends IntegrationTest {

    private static final String PROVINCE = "GENP";
    private static final String IMPORT = """
            mutation($text: String!, $jurisdiction: ID) {
              importPlan(input: {text: $text, dryRun: false, jurisdiction: $jurisdiction, createUnits: true}) {
                planId tasks { number responsibleUnits { nameInDocument unit { id } } } unplaced } }""";

    @Autowired
    Driver driver;
    @Autowired
    Scopes scopes;
    @Autowired
    SecurityProperties security;

    private ProvinceGenerator generator;
    private ProvinceGenerator.Catalogue catalogue;
    private final List<ProvinceGenerator.Imported> imported = new ArrayList<>();

    @BeforeAll
    void generate() {
        ProvinceGenerator.remove(driver, PROVINCE);
        generator = new ProvinceGenerator(new ProvinceGenerator.Shape(PROVINCE, "南岭省", 3, 7, 2, 21, 42, 7));
        generator.writeJurisdictions(driver);
        scopes.changed();
        HttpGraphQlTester office = as(Role.OFFICE, PROVINCE);
        imported.addAll(generator.importPlans((text, jurisdiction) -> {
            var response = office.document(IMPORT).variable("text", text).variable("jurisdiction", jurisdiction).execute();
            List<Map<String, Object>> units = response.path("importPlan.tasks[*].responsibleUnits[*]")
                    .entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
            return new ProvinceGenerator.Imported(response.path("importPlan.planId").entity(String.class).get(),
                    response.path("importPlan.tasks").entityList(Object.class).get().size(), units.size(),
                    (int) units.stream().filter(u -> u.get("unit") != null).count(),
                    response.path("importPlan.unplaced").entityList(String.class).get().size());
        }));
        catalogue = ProvinceGenerator.catalogue(driver);
        generator.writeMines(driver);
        generator.writeProblems(driver, catalogue, 5);
        scopes.changed();
    }

    @AfterAll
    void remove() {
        ProvinceGenerator.remove(driver, PROVINCE);
        scopes.changed();
    }

    private List<Record> cypher(String query, Map<String, Object> params) {
        Map<String, Object> all = new java.util.HashMap<>(params);
        all.putAll(IssueStatus.CYPHER_PARAMETERS);
        try (var session = driver.session()) {
            return session.run(query, all).list();
        }
    }

    @Test
    void shouldImportEveryGeneratedPlanWithAllItsTasksAndUnitsMatched() {
        assertThat(imported).hasSize(generator.plans().size()).hasSize(11);
        for (int n = 0; n < imported.size(); n++) {
            ProvinceGenerator.PlanText plan = generator.plans().get(n);
            ProvinceGenerator.Imported result = imported.get(n);
            assertThat(result.tasks()).as("tasks of %s", plan.jurisdiction()).isEqualTo(plan.tasks());
            assertThat(result.unitsMatched()).as("units of %s matched", plan.jurisdiction()).isEqualTo(result.unitsNamed())
                    .isPositive();
        }
        int unplaced = imported.stream().mapToInt(ProvinceGenerator.Imported::unplaced).sum();
        System.out.printf("Generated province: %d plans imported, %d unplaced sentences%n", imported.size(), unplaced);
        assertThat(unplaced).as("only the province's preamble, which cites no parent plan").isLessThanOrEqualTo(1);

        // Every district's police unit climbs to the city's and the province's, each created from the plans' texts.
        List<Record> chains = cypher("""
                MATCH (d:Jurisdiction {generated: $province, level: 'DISTRICT'})
                OPTIONAL MATCH (u:Unit {function: 'POLICE'})-[:BELONGS_TO]->(d)
                OPTIONAL MATCH (u)-[:COUNTERPART_OF]->(c:UpperUnit)-[:COUNTERPART_OF]->(p:UpperUnit)-[:BELONGS_TO]->(:Jurisdiction {id: $province})
                RETURN d.id AS district, u.id AS unit, p.id AS top""", Map.of("province", PROVINCE));
        assertThat(chains).hasSize(7).allSatisfy(r -> {
            assertThat(r.get("unit").asString(null)).isEqualTo(r.get("district").asString() + "-POLICE");
            assertThat(r.get("top").asString(null)).isEqualTo(PROVINCE + "-POLICE");
        });

        String district = generator.places("DISTRICT").getFirst().id();
        as(Role.OFFICE, PROVINCE).document("""
                query($id: ID!) { jurisdiction(id: $id) { plans { workingGroup { name convenerRank convenerUnit { id } quote } } } }""")
                .variable("id", district).execute()
                .path("jurisdiction.plans[0].workingGroup.convenerUnit.id").entity(String.class)
                .isEqualTo(district + "-NATURAL_RESOURCES")
                .path("jurisdiction.plans[0].workingGroup.convenerRank").entity(String.class).isEqualTo("主要负责同志")
                .path("jurisdiction.plans[0].workingGroup.quote").entity(String.class)
                .satisfies(q -> assertThat(q).contains("召集人"));
    }

    @Test
    void shouldRankDistrictsByOverdueProblemsAsTheirRowsSay() {
        LocalDate today = LocalDate.now();
        Map<String, Long> expected = new TreeMap<>(generator.problemRows(catalogue, 5).stream()
                .filter(r -> !"CLOSED".equals(r.get("status")) && ((LocalDate) r.get("deadline")).isBefore(today))
                .collect(Collectors.groupingBy(r -> (String) r.get("district"), Collectors.counting())));
        // The graph's own answer, through the indexed district of each problem …
        Map<String, Long> byDistrict = new TreeMap<>();
        cypher("""
                MATCH (d:Jurisdiction {generated: $province, level: 'DISTRICT'})
                MATCH (i:Issue) WHERE i.district = d.id AND i.status IN $openStatuses AND i.deadline < date()
                RETURN d.id AS district, count(i) AS overdue ORDER BY overdue DESC, district""", Map.of("province", PROVINCE))
                .forEach(r -> byDistrict.put(r.get("district").asString(), r.get("overdue").asLong()));
        // … and again through where each mine lies (township PART_OF district).
        Map<String, Long> byPlace = new TreeMap<>();
        cypher("""
                MATCH (i:Issue)-[:AT]->(:Mine)-[:LOCATED_IN]->(:Township)-[:PART_OF]->(d:Jurisdiction {generated: $province})
                WHERE i.status IN $openStatuses AND i.deadline < date()
                RETURN d.id AS district, count(i) AS overdue""", Map.of("province", PROVINCE))
                .forEach(r -> byPlace.put(r.get("district").asString(), r.get("overdue").asLong()));
        assertThat(expected).isNotEmpty();
        assertThat(byDistrict).isEqualTo(expected).isEqualTo(byPlace);
    }

    @Test
    void shouldClimbFromADistrictsProblemToTheProvincesWorkingGroup() {
        ProvinceGenerator.Place district = generator.places("DISTRICT").getFirst();
        String city = district.parent();
        Record problem = cypher("""
                MATCH (i:Issue {generated: $province, district: $district}) WHERE i.status IN $openStatuses
                MATCH (dp:Plan)-[:FOR]->(:Jurisdiction {id: $district})
                MATCH (dp)-[di:IMPLEMENTS]->(cp:Plan)-[ci:IMPLEMENTS]->(:Plan)
                RETURN i.id AS id, di.quote AS cityQuote, ci.quote AS provinceQuote ORDER BY i.id LIMIT 1""",
                Map.of("province", PROVINCE, "district", district.id())).getFirst();
        List<Map<String, Object>> chain = as(Role.OFFICE, PROVINCE).document("""
                query($id: ID!) { accountabilityChain(issueId: $id) { level kind id name role grounds unitId } }""")
                .variable("id", problem.get("id").asString()).execute()
                .path("accountabilityChain").entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        List<Map<String, Object>> groups = chain.stream().filter(l -> "WORKING_GROUP".equals(l.get("kind"))).toList();
        assertThat(groups).extracting(l -> l.get("level")).containsExactly(6, 7, 8);
        assertThat(groups).extracting(l -> l.get("unitId")).containsExactly(district.id() + "-NATURAL_RESOURCES",
                city + "-NATURAL_RESOURCES", PROVINCE + "-NATURAL_RESOURCES");
        assertThat(groups).extracting(l -> l.get("role")).containsExactly("CONVENER_DISTRICT", "CONVENER_CITY",
                "CONVENER_PROVINCE");
        assertThat((String) groups.get(0).get("grounds")).contains("召集人");
        assertThat((String) groups.get(1).get("grounds")).startsWith(problem.get("cityQuote").asString()).contains("召集人");
        assertThat((String) groups.get(2).get("grounds")).startsWith(problem.get("provinceQuote").asString()).contains("召集人");
        assertThat(chain).as("the seeded district's office is not this district's").noneMatch(l -> "OFFICE".equals(l.get("kind")));
        // The units competent for it are its own district's; any other unit of the chain is one the ledger assigned.
        Set<String> ofDistrict = new HashSet<>(cypher("""
                MATCH (u:Unit)-[:BELONGS_TO]->(:Jurisdiction {id: $district}) RETURN u.id AS id""",
                Map.of("district", district.id())).stream().map(r -> r.get("id").asString()).toList());
        Set<String> assigned = new HashSet<>(cypher("""
                MATCH (:Issue {id: $id})-[:ASSIGNED_TO]->(u:Unit) RETURN u.id AS id""",
                Map.of("id", problem.get("id").asString())).stream().map(r -> r.get("id").asString()).toList());
        List<Map<String, Object>> units = chain.stream().filter(l -> "UNIT".equals(l.get("kind"))).toList();
        assertThat(units).isNotEmpty().allSatisfy(u -> assertThat(
                ofDistrict.contains((String) u.get("id")) || assigned.contains((String) u.get("id")))
                .as("unit %s of the chain", u.get("id")).isTrue());
        assertThat(units).filteredOn(u -> ((String) u.get("role")).startsWith("COMPETENT_") || "ASSIGNED_LEAD".equals(u.get("role")))
                .isNotEmpty()
                .allSatisfy(u -> assertThat(ofDistrict).contains((String) u.get("id")));
    }

    @Test
    void shouldFindCrossBorderCandidatesOfBothKinds() {
        List<Map<String, Object>> candidates = as(Role.OFFICE, PROVINCE).document("""
                query { crossBorderCandidates(jurisdiction: "GENP", withinKm: 5, first: 100) {
                  kind mines { id } jurisdictions { id } commonParent { id level } distanceKm openIssueCount } }""")
                .execute().path("crossBorderCandidates")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();

        Set<String> sharedExpected = new HashSet<>(cypher("""
                MATCH (i:Issue {generated: $province}) WHERE i.status IN $openStatuses
                MATCH (i)-[:AT]->(m:Mine), (i)-[:ASSIGNED_TO]->(:Unit)-[:BELONGS_TO]->(j:Jurisdiction)
                WITH m, collect(DISTINCT j.id) AS places WHERE size(places) >= 2
                RETURN m.id AS id""", Map.of("province", PROVINCE)).stream().map(r -> r.get("id").asString()).toList());
        Set<String> pairsExpected = new HashSet<>(cypher("""
                MATCH (m:Mine), (n:Mine)
                WHERE m.district STARTS WITH $province AND n.district STARTS WITH $province AND m.district < n.district
                  AND point.distance(m.location, n.location) <= 5000
                  AND EXISTS { MATCH (i:Issue)-[:AT]->(m) WHERE i.status IN $openStatuses }
                  AND EXISTS { MATCH (i:Issue)-[:AT]->(n) WHERE i.status IN $openStatuses }
                RETURN m.id + '|' + n.id AS pair""", Map.of("province", PROVINCE + "-")).stream()
                .map(r -> r.get("pair").asString()).toList());
        assertThat(sharedExpected).as("the generator assigns some problems to a neighbour's unit").isNotEmpty();
        assertThat(pairsExpected).as("neighbouring districts' edge mines lie about 1 km apart").isNotEmpty();

        List<Map<String, Object>> shared = candidates.stream().filter(c -> "SHARED_MINE".equals(c.get("kind"))).toList();
        List<Map<String, Object>> pairs = candidates.stream().filter(c -> "NEIGHBOURING_MINES".equals(c.get("kind"))).toList();
        assertThat(shared.stream().map(c -> mineIds(c).getFirst()).collect(Collectors.toSet())).isEqualTo(sharedExpected);
        assertThat(pairs.stream().map(c -> String.join("|", mineIds(c))).collect(Collectors.toSet())).isEqualTo(pairsExpected);
        // Districts of one city answer to the city; the jurisdictions named are the mines' districts.
        for (Map<String, Object> pair : pairs) {
            List<String> districts = mineIds(pair).stream().map(id -> id.substring(0, id.lastIndexOf("-M"))).sorted().toList();
            assertThat(jurisdictionIds(pair)).isEqualTo(districts);
            String parent = (String) ((Map<?, ?>) pair.get("commonParent")).get("id");
            String expectedParent = generator.place(districts.get(0)).parent().equals(generator.place(districts.get(1)).parent())
                    ? generator.place(districts.get(0)).parent() : PROVINCE;
            assertThat(parent).isEqualTo(expectedParent);
            assertThat((Double) pair.get("distanceKm")).isLessThanOrEqualTo(5.0);
        }

        // The district office (昌江区) sees none of them, and may not look into the generated province.
        assertThat(graphQl.document("query { crossBorderCandidates(first: 100) { mines { id } } }").execute()
                .path("crossBorderCandidates[*].mines[*].id").entityList(String.class).get())
                .noneMatch(id -> id.startsWith(PROVINCE));
        graphQl.document("query { crossBorderCandidates(jurisdiction: \"GENP\") { kind } }").execute()
                .errors().satisfy(errors -> assertThat(errors).anySatisfy(
                        e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> mineIds(Map<String, Object> candidate) {
        return ((List<Map<String, Object>>) candidate.get("mines")).stream().map(m -> (String) m.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> jurisdictionIds(Map<String, Object> candidate) {
        return ((List<Map<String, Object>>) candidate.get("jurisdictions")).stream().map(m -> (String) m.get("id")).toList();
    }
}
