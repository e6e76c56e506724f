package cn.changjiang.mining.jurisdiction;

import cn.changjiang.mining.common.Role;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code importPlan} over HTTP: a dry run of the seed plan's text answers its 7 tasks with their units matched and
 * writes nothing; a real import of another district's plan (珠山区, written for this test in the genre's format)
 * creates its plan and tasks under its own ids, once; bad input and other roles are refused with codes.
 */
class PlanImportTest extends IntegrationTest {

    private static final String IMPORT = """
            mutation($text: String!, $dryRun: Boolean, $jurisdiction: ID) {
              importPlan(input: {text: $text, dryRun: $dryRun, jurisdiction: $jurisdiction}) {
                dryRun planId documentNumber title issuer issuedOn implementsTitle implements { id }
                plan { id documentNumber jurisdiction { id } implements { id } }
                tasks { number title problems responsibleUnits { nameInDocument role unit { id name } } }
                competence { task problem nameInDocument unit { id } role basis clause quote }
                unplaced } }""";

    private static final String ZHUSHAN_NUMBER = "珠府办字〔2023〕9号";

    private static Driver driver;

    @BeforeAll
    static void addTheOtherDistrict(@Autowired Driver neo4j) {
        driver = neo4j;
        cleanUp();
        try (var session = driver.session()) {
            session.run("""
                    MATCH (city:Jurisdiction {id: 'JINGDEZHEN'})
                    CREATE (:Jurisdiction:TestFixture {id: 'ZHUSHAN', name: '珠山区', nameEn: 'Zhushan District', level: 'DISTRICT'})
                           -[:PART_OF]->(city)""").consume();
        }
    }

    @AfterAll
    static void cleanUp() {
        try (var session = driver.session()) {
            session.run("""
                    MATCH (p:Plan {documentNumber: $number})
                    OPTIONAL MATCH (p)-[:SETS_TASK]->(t:PlanTask)
                    OPTIONAL MATCH (t)-[:TARGETS]->(problem:PlanProblem)
                    OPTIONAL MATCH (c:Change {entityId: p.id})
                    DETACH DELETE problem, t, c, p""", Map.of("number", ZHUSHAN_NUMBER)).consume();
            session.run("MATCH (j:Jurisdiction:TestFixture) DETACH DELETE j").consume();
        }
    }

    private static String seedText() throws IOException {
        return Files.readString(Path.of("graph-seed/source/campaign-plan.txt"), StandardCharsets.UTF_8);
    }

    private String footprint() {
        try (var session = driver.session()) {
            return session.run("""
                    RETURN COUNT { (:Plan) } + '/' + COUNT { (:PlanTask) } + '/' + COUNT { (:PlanProblem) } + '/'
                           + COUNT { (:Change) } + '/' + COUNT { (:Task) } + '/' + COUNT { (:ViolationType) } + '/'
                           + COUNT { ()-[:ASSIGNS]->() } + '/' + COUNT { ()-[:RESPONSIBLE_UNIT]->() } AS footprint""")
                    .single().get("footprint").asString();
        }
    }

    @Test
    void shouldAnswerADryRunOfTheSeedPlanWithItsTasksAndUnitsAndWriteNothing() throws IOException {
        String before = footprint();
        var response = graphQl.document(IMPORT).variable("text", seedText()).execute();
        response.path("importPlan.dryRun").entity(Boolean.class).isEqualTo(true)
                .path("importPlan.planId").valueIsNull()
                .path("importPlan.plan").valueIsNull()
                .path("importPlan.documentNumber").entity(String.class).isEqualTo("昌府办字〔2023〕18号")
                .path("importPlan.title").entity(String.class).isEqualTo("昌江区深入整治规范矿产资源保护开发利用专项行动实施方案")
                .path("importPlan.issuedOn").entity(String.class).isEqualTo("2023-04-25")
                .path("importPlan.implementsTitle").entity(String.class).isEqualTo("全市深入整治规范矿产资源保护开发利用专项行动实施方案")
                .path("importPlan.implements.id").entity(String.class).isEqualTo("JINGDEZHEN-2023")
                .path("importPlan.tasks[*].number").entityList(Integer.class).containsExactly(1, 2, 3, 4, 5, 6, 7)
                .path("importPlan.tasks[0].title").entity(String.class).isEqualTo("严格矿业权设置审批")
                .path("importPlan.tasks[0].responsibleUnits[*].unit.id").entityList(String.class).containsExactly(
                        "NATURAL_RESOURCES", "ECOLOGY", "INDUSTRY_IT", "DEVELOPMENT_REFORM", "EMERGENCY", "AGRI_WATER")
                .path("importPlan.tasks[0].responsibleUnits[*].role").entityList(String.class)
                .containsExactly("LEAD", "SUPPORTING", "SUPPORTING", "SUPPORTING", "SUPPORTING", "SUPPORTING")
                .path("importPlan.tasks[1].responsibleUnits[3].nameInDocument").entity(String.class).isEqualTo("区公安局")
                .path("importPlan.tasks[1].responsibleUnits[3].unit.id").entity(String.class).isEqualTo("POLICE");
        List<Map<String, Object>> units = response.path("importPlan.tasks[*].responsibleUnits[*]")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        assertThat(units).as("the seed's 34 责任单位 edges, every one matched to a seeded unit").hasSize(34)
                .allSatisfy(u -> assertThat(u.get("unit")).as("unit of %s", u.get("nameInDocument")).isNotNull());
        List<Map<String, Object>> competence = response.path("importPlan.competence")
                .entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
        assertThat(competence).as("proposed competence edges, each with its quote").isNotEmpty()
                .allSatisfy(c -> assertThat((String) c.get("quote")).isNotBlank())
                .anySatisfy(c -> assertThat(c.get("basis")).isEqualTo("ANNEX_2"));
        assertThat(footprint()).as("a dry run writes nothing").isEqualTo(before);
    }

    @Test
    void shouldImportAnotherDistrictsPlanOnceUnderItsOwnIds() throws IOException {
        String text = OtherDistrictPlanTest.text();
        String before = footprint();
        var cityOffice = as(Role.OFFICE, "JINGDEZHEN");
        var response = cityOffice.document(IMPORT).variable("text", text).variable("dryRun", false)
                .variable("jurisdiction", "ZHUSHAN").execute();
        response.path("importPlan.dryRun").entity(Boolean.class).isEqualTo(false)
                .path("importPlan.plan.documentNumber").entity(String.class).isEqualTo(ZHUSHAN_NUMBER)
                .path("importPlan.plan.jurisdiction.id").entity(String.class).isEqualTo("ZHUSHAN")
                .path("importPlan.plan.implements.id").entity(String.class).isEqualTo("JINGDEZHEN-2023")
                .path("importPlan.tasks[*].title").entityList(String.class).containsExactly("打击非法采矿", "强化矿山生态修复", "规范矿山安全生产")
                .path("importPlan.tasks[0].problems").entityList(String.class).containsExactly("无证开采", "越界开采", "以采代探")
                .path("importPlan.tasks[0].responsibleUnits[*].nameInDocument").entityList(String.class)
                .containsExactly("珠山区自然资源分局", "珠山公安分局", "景德镇市公安局")
                .path("importPlan.tasks[0].responsibleUnits[0].unit").valueIsNull()
                .path("importPlan.tasks[0].responsibleUnits[1].unit").valueIsNull()
                .path("importPlan.tasks[0].responsibleUnits[2].unit.id").entity(String.class).isEqualTo("JINGDEZHEN_POLICE")
                .path("importPlan.tasks[1].responsibleUnits[2].unit").valueIsNull();
        String planId = response.path("importPlan.planId").entity(String.class).get();

        try (var session = driver.session()) {
            var row = session.run("""
                    MATCH (p:Plan {id: $id})-[:FOR]->(j:Jurisdiction)
                    RETURN j.id AS jurisdiction, p.title AS title,
                           [(p)-[:SETS_TASK]->(t:PlanTask) | t.number] AS tasks,
                           COUNT { (p)-[:SETS_TASK]->(:PlanTask)-[:TARGETS]->(:PlanProblem) } AS problems,
                           [(p)-[:SETS_TASK]->(t:PlanTask)-[a:ASSIGNS]->(u) | t.number + ':' + u.id + ':' + a.role] AS assigned,
                           [(t:PlanTask {number: 2})<-[:SETS_TASK]-(p) | t.responsibleNames][0] AS names,
                           COLLECT { MATCH (c:Change {entityId: p.id}) RETURN c.action } AS changes""", Map.of("id", planId)).single();
            assertThat(row.get("jurisdiction").asString()).isEqualTo("ZHUSHAN");
            assertThat(row.get("tasks").asList(v -> v.asInt())).containsExactlyInAnyOrder(1, 2, 3);
            assertThat(row.get("problems").asInt()).isEqualTo(7);
            assertThat(row.get("assigned").asList(v -> v.asString())).containsExactly("1:JINGDEZHEN_POLICE:SUPPORTING");
            assertThat(row.get("names").asList(v -> v.asString())).containsExactly("珠山生态环境局", "珠山区自然资源分局", "珠山区林业局");
            assertThat(row.get("changes").asList(v -> v.asString())).containsExactly("importPlan");
        }
        // The imported plan's tasks read back through the API as the import answered them.
        graphQl.document("""
                query($id: ID!) { plan(id: $id) { tasks { number title problems responsibleNames
                    responsibleUnits { unit { id } role nameInDocument } } } }""").variable("id", planId).execute()
                .path("plan.tasks[*].title").entityList(String.class)
                .containsExactly("打击非法采矿", "强化矿山生态修复", "规范矿山安全生产")
                .path("plan.tasks[0].problems").entityList(String.class).containsExactly("无证开采", "越界开采", "以采代探")
                .path("plan.tasks[0].responsibleNames").entityList(String.class)
                .containsExactly("珠山区自然资源分局", "珠山公安分局", "景德镇市公安局")
                .path("plan.tasks[0].responsibleUnits[*].unit.id").entityList(String.class).containsExactly("JINGDEZHEN_POLICE")
                .path("plan.tasks[0].responsibleUnits[0].role").entity(String.class).isEqualTo("SUPPORTING");
        String after = footprint();
        assertThat(after.split("/")[4]).as("the seeded tasks untouched").isEqualTo(before.split("/")[4]);
        assertThat(after.split("/")[5]).as("the seeded violation types untouched").isEqualTo(before.split("/")[5]);
        assertThat(after.split("/")[7]).as("the seeded 责任单位 edges untouched").isEqualTo(before.split("/")[7]);

        String afterFirst = footprint();
        cityOffice.document(IMPORT).variable("text", text).variable("dryRun", false).variable("jurisdiction", "ZHUSHAN")
                .execute().errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.getFirst().getExtensions().get("code")).isEqualTo("CONFLICT");
                });
        assertThat(footprint()).as("a refused second import writes nothing").isEqualTo(afterFirst);
    }

    @Test
    void shouldRefuseBadInputWithCodes() throws IOException {
        String before = footprint();
        expectCode(graphQl, "   ", true, null, "BAD_REQUEST");
        expectCode(graphQl, "一".repeat(PlanImports.MAX_TEXT + 1), true, null, "BAD_REQUEST");
        expectCode(graphQl, seedText(), false, "NOWHERE", "NOT_FOUND");
        expectCode(graphQl, seedText(), true, "NOWHERE", "NOT_FOUND");
        expectCode(graphQl, seedText(), false, null, "BAD_REQUEST");
        expectCode(graphQl, "这不是一份方案。", true, null, "BAD_REQUEST");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void shouldLetOnlyTheOfficeImport() throws IOException {
        String before = footprint();
        for (String user : List.of("leader", "police", "ecology", "nr", "publicity", "analyst")) {
            expectCode(as(user), OtherDistrictPlanTest.text(), false, "ZHUSHAN", "FORBIDDEN");
            expectCode(as(user), OtherDistrictPlanTest.text(), true, null, "FORBIDDEN");
        }
        expectCode(anonymous, OtherDistrictPlanTest.text(), true, null, "UNAUTHENTICATED");
        // the office of 昌江区 writes its district's plan, not another district's or its city's
        expectCode(graphQl, OtherDistrictPlanTest.text(), false, "ZHUSHAN", "FORBIDDEN");
        expectCode(graphQl, OtherDistrictPlanTest.text(), false, "JINGDEZHEN", "FORBIDDEN");
        assertThat(footprint()).isEqualTo(before);
    }

    private static void expectCode(org.springframework.graphql.test.tester.GraphQlTester tester, String text,
                                   boolean dryRun, String jurisdiction, String code) {
        tester.document(IMPORT).variable("text", text).variable("dryRun", dryRun).variable("jurisdiction", jurisdiction)
                .execute().errors().satisfy(errors -> {
                    assertThat(errors).as("errors for %s", code).hasSize(1);
                    assertThat(errors.getFirst().getExtensions().get("code")).isEqualTo(code);
                    assertThat(errors.getFirst().getMessage()).isNotBlank();
                });
    }
}
