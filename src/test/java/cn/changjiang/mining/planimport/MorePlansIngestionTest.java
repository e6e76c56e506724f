package cn.changjiang.mining.planimport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.planimport.ReadPlan.Phase;
import cn.changjiang.mining.planimport.ReadPlan.ResponsibleUnit;
import cn.changjiang.mining.planimport.ReadPlan.UnitRole;
import cn.changjiang.mining.common.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Two plans written for this test in the genre's format, each formatted unlike the seed, ingest without hand edits:
 * the city plan of 景德镇 (重点任务, 牵头单位/配合单位 lists, a standing "以下均需各县〔市、区〕人民政府落实,不再列出",
 * 保障措施, a 组长 in annex 1, 成员单位职责分工 in annex 2) and the plan of 章贡区, a district of another city, 赣州
 * (1. tasks under 二、工作任务, 责任单位 on its own line with (牵头), full-width punctuation, a 领导小组 whose 组长 is
 * named in 保障措施, months without days). The expectations are written from the texts. Importing the city plan links
 * each of the seeded district's seven tasks to the city task it carries out; 章贡区's tasks link to nothing of 景德镇.
 *
 * <p>Fixtures: the city's units (:UpperUnit of JINGDEZHEN), the city GANZHOU and the district ZHANGGONG with their
 * units, all labelled :TestFixture and removed afterwards with the plans this test imports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MorePlansIngestionTest extends IntegrationTest {

    static final String CITY_NUMBER = "景府办字〔2023〕9号";
    static final String ZHANGGONG_NUMBER = "章府办发〔2023〕15号";

    private static final String IMPORT = """
            mutation($text: String!, $dryRun: Boolean, $jurisdiction: ID) {
              importPlan(input: {text: $text, dryRun: $dryRun, jurisdiction: $jurisdiction}) {
                dryRun planId documentNumber title issuer issuedOn implementsTitle implements { id }
                plan { id jurisdiction { id } implements { id } }
                tasks { number title problems carriesOut responsibleUnits { nameInDocument role unit { id } } }
                unplaced } }""";

    private static Driver driver;

    @BeforeAll
    static void addTheJurisdictionsAndUnits(@Autowired Driver neo4j) {
        driver = neo4j;
        cleanUp();
        try (var session = driver.session()) {
            session.run("""
                    MATCH (city:Jurisdiction {id: 'JINGDEZHEN'})
                    UNWIND $units AS u
                    CREATE (x:UpperUnit:TestFixture {id: u[0], name: u[1], aliases: [u[2]], kind: 'DEPARTMENT',
                                                     campaignLead: false, order: 0})-[:BELONGS_TO]->(city)""",
                    Map.of("units", List.of(
                            List.of("JDZ_NATURAL_RESOURCES", "景德镇市自然资源和规划局", "市自然资源和规划局"),
                            List.of("JDZ_EMERGENCY", "景德镇市应急管理局", "市应急管理局"),
                            List.of("JDZ_FORESTRY", "景德镇市林业局", "市林业局"),
                            List.of("JDZ_WATER", "景德镇市水务局", "市水务局"),
                            List.of("JDZ_TRANSPORT", "景德镇市交通运输局", "市交通运输局"),
                            List.of("JDZ_MARKET", "景德镇市市场监督管理局", "市市场监督管理局"),
                            List.of("JDZ_TAX", "国家税务总局景德镇市税务局", "市税务局"),
                            List.of("JDZ_GRID", "国网景德镇供电公司", "国网景德镇供电公司"),
                            List.of("JDZ_PUBLICITY", "中共景德镇市委宣传部", "市委宣传部"),
                            List.of("JDZ_POLITICS_LAW", "中共景德镇市委政法委员会", "市委政法委"),
                            List.of("JDZ_DEVELOPMENT_REFORM", "景德镇市发展和改革委员会", "市发展改革委"),
                            List.of("JDZ_INDUSTRY_IT", "景德镇市工业和信息化局", "市工业和信息化局"),
                            List.of("JDZ_SCIENCE_TECH", "景德镇市科学技术局", "市科技局"),
                            List.of("JDZ_COUNTIES", "景德镇市各县(市、区)人民政府", "各县(市、区)人民政府")))).consume();
            session.run("""
                    MATCH (province:Jurisdiction {id: 'JIANGXI'})
                    CREATE (city:Jurisdiction:TestFixture {id: 'GANZHOU', name: '赣州市', nameEn: 'Ganzhou City', level: 'CITY'})
                           -[:PART_OF]->(province)
                    CREATE (district:Jurisdiction:TestFixture {id: 'ZHANGGONG', name: '章贡区', nameEn: 'Zhanggong District',
                                                               level: 'DISTRICT'})-[:PART_OF]->(city)
                    WITH city, district
                    UNWIND $units AS u
                    CREATE (upper:UpperUnit:TestFixture {id: 'GZ_' + u[0], name: u[1], aliases: [], kind: 'DEPARTMENT',
                                                         campaignLead: false, order: 0})-[:BELONGS_TO]->(city)
                    CREATE (unit:Unit:TestFixture {id: 'ZG_' + u[0], name: u[2], aliases: u[3], kind: 'DEPARTMENT',
                                                   campaignLead: false, order: 100})-[:BELONGS_TO]->(district)
                    CREATE (unit)-[:COUNTERPART_OF]->(upper)""",
                    Map.of("units", List.of(
                            List.of("NATURAL_RESOURCES", "赣州市自然资源局", "赣州市自然资源局章贡分局", List.of("市自然资源局章贡分局")),
                            List.of("POLICE", "赣州市公安局", "章贡公安分局", List.of()),
                            List.of("ECOLOGY", "赣州市生态环境局", "章贡生态环境局", List.of()),
                            List.of("EMERGENCY", "赣州市应急管理局", "章贡区应急管理局", List.of("区应急管理局")),
                            List.of("FORESTRY", "赣州市林业局", "章贡区林业局", List.of("区林业局")),
                            List.of("WATER", "赣州市水利局", "章贡区水利局", List.of("区水利局")),
                            List.of("TRANSPORT", "赣州市交通运输局", "章贡区交通运输局", List.of("区交通运输局")),
                            List.of("MARKET", "赣州市市场监督管理局", "章贡区市场监督管理局", List.of("区市场监督管理局"))))).consume();
            session.run("""
                    MATCH (district:Jurisdiction {id: 'ZHANGGONG'})
                    CREATE (:Unit:TestFixture {id: 'ZG_TOWNSHIPS', name: '章贡区各镇人民政府、街道办事处',
                                               aliases: ['各镇人民政府、街道办事处'], kind: 'TERRITORIAL',
                                               campaignLead: false, order: 100})-[:BELONGS_TO]->(district)""").consume();
        }
    }

    @AfterAll
    static void cleanUp() {
        try (var session = driver.session()) {
            session.run("""
                    MATCH (p:Plan) WHERE p.documentNumber IN $numbers
                    OPTIONAL MATCH (p)-[:SETS_TASK]->(t:PlanTask)
                    OPTIONAL MATCH (t)-[:TARGETS]->(problem:PlanProblem)
                    OPTIONAL MATCH (c:Change {entityId: p.id})
                    OPTIONAL MATCH (p)-[:CONVENES]->(wg:PlanWorkingGroup)
                    WITH p, collect(DISTINCT problem) + collect(DISTINCT t) + collect(DISTINCT c) + collect(DISTINCT wg) AS parts
                    FOREACH (x IN parts | DETACH DELETE x)
                    WITH p
                    // The city plan filled in V013's title-only JINGDEZHEN-2023: it goes back to what V013 wrote.
                    FOREACH (placeholder IN CASE WHEN p.id = 'JINGDEZHEN-2023' THEN [p] ELSE [] END |
                      REMOVE placeholder.documentNumber, placeholder.noticeTitle, placeholder.issuedOn,
                             placeholder.importedAt, placeholder.implementsTitle
                      SET placeholder.issuer = '江西省景德镇市人民政府办公室')
                    WITH p WHERE p.id <> 'JINGDEZHEN-2023'
                    DETACH DELETE p""", Map.of("numbers", List.of(CITY_NUMBER, ZHANGGONG_NUMBER))).consume();
            session.run("MATCH (x:TestFixture) DETACH DELETE x").consume();
        }
    }

    static String text(String name) throws IOException {
        return new ClassPathResource("plans/" + name).getContentAsString(StandardCharsets.UTF_8);
    }

    private static final List<String> CITY_TITLES = List.of("严格矿业权审批管理", "强化矿产资源开发全过程监管",
            "强化矿山安全生产监管", "规范矿山企业生产经营秩序", "加强矿山生态保护修复", "推进绿色矿山建设",
            "保障矿产资源产业链供应链安全");

    /** What the city plan's text says, task by task: lead first, then the supporting units, as it lists them. */
    private static final Map<Integer, List<String>> CITY_UNITS = Map.of(
            1, List.of("JDZ_NATURAL_RESOURCES", "JDZ_DEVELOPMENT_REFORM", "JDZ_INDUSTRY_IT", "JINGDEZHEN_ECOLOGY",
                    "JDZ_EMERGENCY", "JDZ_WATER", "JDZ_COUNTIES"),
            2, List.of("JDZ_NATURAL_RESOURCES", "JINGDEZHEN_POLICE", "JINGDEZHEN_ECOLOGY", "JDZ_FORESTRY", "JDZ_WATER",
                    "JDZ_POLITICS_LAW", "JDZ_COUNTIES"),
            3, List.of("JDZ_EMERGENCY", "JDZ_NATURAL_RESOURCES", "JDZ_GRID", "JDZ_COUNTIES"),
            4, List.of("JDZ_MARKET", "JINGDEZHEN_POLICE", "JDZ_TRANSPORT", "JDZ_TAX", "JDZ_NATURAL_RESOURCES", "JDZ_GRID",
                    "JDZ_COUNTIES"),
            5, List.of("JDZ_NATURAL_RESOURCES", "JINGDEZHEN_ECOLOGY", "JDZ_FORESTRY", "JDZ_COUNTIES"),
            6, List.of("JDZ_NATURAL_RESOURCES", "JINGDEZHEN_ECOLOGY", "JDZ_EMERGENCY", "JDZ_FORESTRY", "JDZ_WATER",
                    "JDZ_COUNTIES"),
            7, List.of("JDZ_INDUSTRY_IT", "JDZ_DEVELOPMENT_REFORM", "JDZ_NATURAL_RESOURCES", "JINGDEZHEN_ECOLOGY",
                    "JDZ_SCIENCE_TECH", "JDZ_COUNTIES"));

    @Test
    @Order(1)
    void shouldReadTheCityPlansGroupPhasesAndStandingUnit() throws IOException {
        ReadPlan plan = new PlanReader().read(text("jingdezhen-city-plan.txt"));
        assertThat(plan.workingGroup().name()).isEqualTo("全市深入整治规范矿产资源保护开发利用专项行动工作专班");
        assertThat(plan.workingGroup().convenerUnit()).isEqualTo("市政府");
        assertThat(plan.workingGroup().convenerRank()).isEqualTo("分管副市长");
        assertThat(plan.workingGroup().officeHost()).isEqualTo("市自然资源和规划局");
        assertThat(plan.workingGroup().memberUnits()).hasSize(15).contains("国网景德镇供电公司", "市税务局");
        assertThat(plan.period().startsOn()).isEqualTo(LocalDate.of(2023, 3, 31));
        assertThat(plan.period().endsOn()).isEqualTo(LocalDate.of(2023, 10, 31));
        assertThat(plan.phases()).extracting(Phase::name, Phase::startsOn, Phase::endsOn).containsExactly(
                tuple("动员部署阶段", LocalDate.of(2023, 3, 31), LocalDate.of(2023, 4, 15)),
                tuple("集中整治阶段", LocalDate.of(2023, 4, 16), LocalDate.of(2023, 8, 31)),
                tuple("总结提升阶段", LocalDate.of(2023, 9, 1), LocalDate.of(2023, 10, 31)));
        assertThat(plan.duties()).extracting(ReadPlan.AnnexDuty::unitName).hasSize(9).startsWith("市委宣传部")
                .endsWith("国网景德镇供电公司");
        // the standing statement sits in task 1's list; every later task carries the collective unit, unnamed there
        assertThat(plan.tasks().getFirst().responsibleUnits().getLast())
                .extracting(ResponsibleUnit::nameInDocument, ResponsibleUnit::standing).containsExactly("各县〔市、区〕人民政府", false);
        assertThat(plan.tasks().subList(1, 7)).allSatisfy(task -> assertThat(task.responsibleUnits().getLast())
                .extracting(ResponsibleUnit::nameInDocument, ResponsibleUnit::role, ResponsibleUnit::standing)
                .containsExactly("各县〔市、区〕人民政府", UnitRole.SUPPORTING, true));
        assertThat(plan.unplaced()).as("every sentence placed").isEmpty();
    }

    @Test
    @Order(2)
    void shouldReadTheOtherCitysDistrictPlansGroupAndMonthPhases() throws IOException {
        ReadPlan plan = new PlanReader().read(text("ganzhou-zhanggong-district-plan.txt"));
        assertThat(plan.parentPlan().issuer()).as("cited by title and number only").isNull();
        assertThat(plan.workingGroup().name()).isEqualTo("章贡区矿产资源保护开发利用专项整治工作领导小组");
        assertThat(plan.workingGroup().convenerUnit()).isEqualTo("区政府");
        assertThat(plan.workingGroup().convenerRank()).isEqualTo("分管副区长");
        assertThat(plan.workingGroup().officeHost()).isEqualTo("市自然资源局章贡分局");
        assertThat(plan.goals()).extracting(ReadPlan.Goal::number).containsExactly(1);
        assertThat(plan.period().startsOn()).isEqualTo(LocalDate.of(2023, 5, 1));
        assertThat(plan.period().endsOn()).isEqualTo(LocalDate.of(2023, 9, 30));
        assertThat(plan.phases()).extracting(Phase::name, Phase::startsOn, Phase::endsOn).containsExactly(
                tuple("排查摸底阶段", LocalDate.of(2023, 5, 1), LocalDate.of(2023, 6, 30)),
                tuple("集中整治阶段", LocalDate.of(2023, 7, 1), LocalDate.of(2023, 8, 31)),
                tuple("巩固提升阶段", LocalDate.of(2023, 9, 1), LocalDate.of(2023, 9, 30)));
        assertThat(plan.unplaced()).as("every sentence placed").isEmpty();
    }

    @Test
    @Order(3)
    void shouldDryRunAndImportTheCityPlanAndLinkTheSeededDistrictsTasksToIt() throws IOException {
        String text = text("jingdezhen-city-plan.txt");
        String before = footprint();
        var dry = as(Role.OFFICE, "JIANGXI").document(IMPORT).variable("text", text).variable("jurisdiction", "JINGDEZHEN").execute();
        checkCity(dry);
        dry.path("importPlan.dryRun").entity(Boolean.class).isEqualTo(true)
                .path("importPlan.planId").valueIsNull();
        assertThat(footprint()).as("a dry run writes nothing").isEqualTo(before);

        var real = as(Role.OFFICE, "JIANGXI").document(IMPORT).variable("text", text).variable("dryRun", false)
                .variable("jurisdiction", "JINGDEZHEN").execute();
        checkCity(real);
        real.path("importPlan.plan.jurisdiction.id").entity(String.class).isEqualTo("JINGDEZHEN")
                .path("importPlan.plan.implements.id").entity(String.class).isEqualTo("JIANGXI-2023");
        String cityPlan = real.path("importPlan.planId").entity(String.class).get();
        assertThat(cityPlan).as("the plan the district cites by title is filled in, not doubled").isEqualTo("JINGDEZHEN-2023");

        // the city plan was written from the seeded district's tasks, re-worded and reordered
        Map<Integer, Integer> expected = Map.of(1, 1, 2, 2, 3, 4, 4, 5, 5, 6, 6, 3, 7, 7);
        var seeded = graphQl.document("""
                { plan(id: "CHANGJIANG-2023") { tasks { id number carriesOut { id number title } } } }""").execute();
        List<Map<String, Object>> tasks = seeded.path("plan.tasks").entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        assertThat(tasks).hasSize(7);
        Map<Integer, List<String>> linked = new LinkedHashMap<>();
        for (Map<String, Object> task : tasks) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> parents = (List<Map<String, Object>>) task.get("carriesOut");
            linked.put((Integer) task.get("number"), parents.stream().map(p -> (String) p.get("id")).toList());
        }
        Map<Integer, List<String>> expectedIds = new LinkedHashMap<>();
        expected.keySet().stream().sorted().forEach(n -> expectedIds.put(n, List.of(cityPlan + "#" + expected.get(n))));
        assertThat(linked).isEqualTo(expectedIds);
        graphQl.document("{ tasks { number carriesOut { id } } }").execute()
                .path("tasks[*].carriesOut[0].id").entityList(String.class).containsExactly(
                        expected.keySet().stream().sorted().map(n -> cityPlan + "#" + expected.get(n)).toArray(String[]::new));
        // the child's side: a dry run of the seed text now answers the same city tasks, by number
        as(Role.OFFICE, "JIANGXI").document(IMPORT).variable("text", java.nio.file.Files.readString(
                        java.nio.file.Path.of("graph-seed/source/campaign-plan.txt"))).variable("jurisdiction", "CHANGJIANG")
                .execute().path("importPlan.tasks[*].carriesOut[0]").entityList(Integer.class)
                .containsExactly(expected.keySet().stream().sorted().map(expected::get).toArray(Integer[]::new));
        // and the other way, from the city task
        graphQl.document("""
                query($id: ID!) { plan(id: $id) { tasks { number carriedOutBy { id number } } } }""")
                .variable("id", cityPlan).execute()
                .path("plan.tasks[2].carriedOutBy[*].id").entityList(String.class).containsExactly("CHANGJIANG-2023#6")
                .path("plan.tasks[0].carriedOutBy[*].id").entityList(String.class).containsExactly("CHANGJIANG-2023#1");
        try (var session = driver.session()) {
            var row = session.run("""
                    MATCH (t:Task)-[r:CARRIES_OUT]->(:PlanTask)<-[:SETS_TASK]-(:Plan {id: $id})
                    RETURN count(r) AS links, min(r.score) AS lowest, collect(r.basis)[0] AS basis""", Map.of("id", cityPlan)).single();
            assertThat(row.get("links").asInt()).isEqualTo(7);
            assertThat(row.get("lowest").asDouble()).isGreaterThanOrEqualTo(0.3);
            assertThat(row.get("basis").asString()).startsWith("重点整治 ");
        }
    }

    private void checkCity(org.springframework.graphql.test.tester.GraphQlTester.Response response) {
        response.path("importPlan.documentNumber").entity(String.class).isEqualTo(CITY_NUMBER)
                .path("importPlan.title").entity(String.class).isEqualTo("全市深入整治规范矿产资源保护开发利用专项行动实施方案")
                .path("importPlan.issuer").entity(String.class).isEqualTo("景德镇市人民政府办公室")
                .path("importPlan.issuedOn").entity(String.class).isEqualTo("2023-03-31")
                .path("importPlan.implementsTitle").entity(String.class).isEqualTo("全省深入整治规范矿产资源保护开发利用专项行动实施方案")
                .path("importPlan.implements.id").entity(String.class).isEqualTo("JIANGXI-2023")
                .path("importPlan.tasks[*].title").entityList(String.class).containsExactly(CITY_TITLES.toArray(String[]::new))
                .path("importPlan.tasks[0].problems").entityList(String.class).containsExactly(
                        "不符合“三区三线”管控要求", "不符合矿产资源规划", "不符合产业政策", "未取得安全生产审批手续",
                        "未取得环境影响评价审批手续", "未取得水土保持审批手续")
                .path("importPlan.tasks[3].problems").entityList(String.class).containsExactly(
                        "非法生产、销售、购买、储存、运输、使用民用爆炸物品", "无证开采的矿产品进入流通领域", "偷逃税款",
                        "关闭取缔后又擅自生产经营")
                .path("importPlan.tasks[4].problems").entityList(String.class).containsExactly(
                        "未设立生态修复基金账户", "未按方案实施生态修复", "未做好矿山环境监测和管护")
                .path("importPlan.tasks[*].carriesOut[*]").entityList(Integer.class).hasSize(0)
                .path("importPlan.unplaced").entityList(String.class).hasSize(0);
        for (int n = 1; n <= 7; n++) {
            response.path("importPlan.tasks[" + (n - 1) + "].responsibleUnits[*].unit.id").entityList(String.class)
                    .containsExactly(CITY_UNITS.get(n).toArray(String[]::new));
            List<String> roles = response.path("importPlan.tasks[" + (n - 1) + "].responsibleUnits[*].role")
                    .entityList(String.class).get();
            assertThat(roles.getFirst()).isEqualTo("LEAD");
            assertThat(roles.subList(1, roles.size())).containsOnly("SUPPORTING");
        }
    }

    @Test
    @Order(4)
    void shouldImportTheOtherCitysDistrictPlanWithNoLinkToTheCityOfJingdezhen() throws IOException {
        String text = text("ganzhou-zhanggong-district-plan.txt");
        for (boolean dryRun : new boolean[] {true, false}) {
            var response = as(Role.OFFICE, "JIANGXI").document(IMPORT).variable("text", text).variable("dryRun", dryRun)
                    .variable("jurisdiction", "ZHANGGONG").execute();
            response.path("importPlan.documentNumber").entity(String.class).isEqualTo(ZHANGGONG_NUMBER)
                    .path("importPlan.title").entity(String.class).isEqualTo("章贡区深入整治规范矿产资源保护开发利用专项行动工作方案")
                    .path("importPlan.issuer").entity(String.class).isEqualTo("赣州市章贡区人民政府办公室")
                    .path("importPlan.issuedOn").entity(String.class).isEqualTo("2023-05-06")
                    .path("importPlan.implementsTitle").entity(String.class).isEqualTo("全市深入整治规范矿产资源保护开发利用专项行动实施方案")
                    .path("importPlan.implements").valueIsNull()
                    .path("importPlan.tasks[*].title").entityList(String.class).containsExactly(
                            "严厉打击非法采矿", "加强矿山生态环境保护", "强化矿山安全监管", "规范矿产品运输经营")
                    .path("importPlan.tasks[0].problems").entityList(String.class)
                    .containsExactly("无证开采", "越界开采", "以采代探", "非法转让采矿权")
                    .path("importPlan.tasks[3].problems").entityList(String.class)
                    .containsExactly("无证开采矿产品运输销售", "车辆超限超载", "无照经营")
                    .path("importPlan.tasks[0].responsibleUnits[*].unit.id").entityList(String.class).containsExactly(
                            "ZG_NATURAL_RESOURCES", "ZG_POLICE", "ZG_FORESTRY", "ZG_TOWNSHIPS")
                    .path("importPlan.tasks[1].responsibleUnits[*].unit.id").entityList(String.class).containsExactly(
                            "ZG_ECOLOGY", "ZG_NATURAL_RESOURCES", "ZG_WATER")
                    .path("importPlan.tasks[2].responsibleUnits[*].unit.id").entityList(String.class).containsExactly(
                            "ZG_EMERGENCY", "ZG_POLICE", "ZG_TRANSPORT")
                    .path("importPlan.tasks[3].responsibleUnits[*].unit.id").entityList(String.class).containsExactly(
                            "ZG_TRANSPORT", "ZG_MARKET", "ZG_POLICE")
                    .path("importPlan.tasks[*].responsibleUnits[0].role").entityList(String.class)
                    .containsExactly("LEAD", "LEAD", "LEAD", "LEAD")
                    .path("importPlan.tasks[*].carriesOut[*]").entityList(Integer.class).hasSize(0)
                    .path("importPlan.unplaced").entityList(String.class).hasSize(0);
        }
        try (var session = driver.session()) {
            var row = session.run("""
                    MATCH (p:Plan {documentNumber: $number})-[:FOR]->(j:Jurisdiction)
                    RETURN j.id AS jurisdiction, COUNT { (p)-[:IMPLEMENTS]->() } AS parents,
                           COUNT { (p)-[:SETS_TASK]->(:PlanTask)-[:CARRIES_OUT]-() } AS links,
                           COUNT { (p)-[:SETS_TASK]->(:PlanTask)-[:ASSIGNS]->(:Unit:TestFixture) } AS assigned""",
                    Map.of("number", ZHANGGONG_NUMBER)).single();
            assertThat(row.get("jurisdiction").asString()).isEqualTo("ZHANGGONG");
            assertThat(row.get("parents").asInt()).isZero();
            assertThat(row.get("links").asInt()).as("no link to 景德镇's tasks, or any").isZero();
            assertThat(row.get("assigned").asInt()).isEqualTo(13);
        }
    }

    private String footprint() {
        try (var session = driver.session()) {
            return session.run("""
                    RETURN COUNT { (:Plan) } + '/' + COUNT { (:PlanTask) } + '/' + COUNT { (:PlanProblem) } + '/'
                           + COUNT { (:Change) } + '/' + COUNT { ()-[:CARRIES_OUT]->() } AS footprint""")
                    .single().get("footprint").asString();
        }
    }
}
