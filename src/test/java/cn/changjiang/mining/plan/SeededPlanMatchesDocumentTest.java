package cn.changjiang.mining.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.changjiang.mining.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded graph checked against the text of 昌府办字〔2023〕18号 itself: the expectations are parsed from the
 * document, not written down again, so a seed that drifts from the paper fails here.
 */
class SeededPlanMatchesDocumentTest extends IntegrationTest {

    private static final Pattern TASK_HEADING = Pattern.compile("^\\(([一二三四五六七])\\)([^。]+)。", Pattern.MULTILINE);
    private static final Pattern UNITS_CLAUSE = Pattern.compile("\\(责任单位[:;]([^)]+)\\)");
    private static final List<String> NUMERALS = List.of("一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
            "十一", "十二", "十三");

    private static String document;

    @Autowired
    Driver driver;

    @BeforeAll
    static void readDocument() throws IOException {
        document = Files.readString(Path.of("graph-seed/source/campaign-plan.txt"), StandardCharsets.UTF_8);
        Path shared = Path.of("../shared/seed/campaign-plan.txt");
        if (Files.exists(shared)) {
            assertThat(document).as("the repository's copy of the plan").isEqualTo(Files.readString(shared));
        }
    }

    private String section(String from, String to) {
        int start = document.indexOf(from);
        return document.substring(start, document.indexOf(to, start));
    }

    /** Each task's 责任单位 list, in the order the document gives it. */
    private List<List<String>> taskUnitLists() {
        String tasks = section("三、主要任务", "四、实施步骤");
        List<List<String>> lists = new ArrayList<>();
        Matcher matcher = UNITS_CLAUSE.matcher(tasks);
        while (matcher.find()) {
            lists.add(Arrays.stream(matcher.group(1).split("、")).map(String::strip).toList());
        }
        return lists;
    }

    private List<Record> cypher(String query) {
        try (var session = driver.session()) {
            return session.run(query).list();
        }
    }

    @Test
    void shouldSeedEveryTaskWithItsTitleInDocumentOrder() {
        Matcher heading = TASK_HEADING.matcher(section("三、主要任务", "四、实施步骤"));
        List<String> titles = new ArrayList<>();
        while (heading.find()) {
            titles.add(heading.group(2));
        }
        assertThat(titles).hasSize(7);
        graphQl.document("{ tasks { number title } }").execute()
                .path("tasks[*].title").entityList(String.class).isEqualTo(titles)
                .path("tasks[*].number").entityList(Integer.class).isEqualTo(List.of(1, 2, 3, 4, 5, 6, 7));
    }

    @Test
    void shouldLinkEachTaskToEachUnitOfItsListInOrderWithTheFirstLeading() {
        List<List<String>> lists = taskUnitLists();
        assertThat(lists).hasSize(7);
        int edges = 0;
        for (int i = 0; i < lists.size(); i++) {
            List<String> names = lists.get(i);
            edges += names.size();
            var response = graphQl.document("""
                            query($n: Int!) { task(number: $n) { responsibilities { order role nameInDocument unit { id } } } }""")
                    .variable("n", i + 1).execute();
            List<String> inGraph = response.path("task.responsibilities[*].nameInDocument").entityList(String.class).get();
            assertThat(inGraph).as("task %d", i + 1).isEqualTo(names);
            List<String> roles = response.path("task.responsibilities[*].role").entityList(String.class).get();
            assertThat(roles.getFirst()).isEqualTo("LEAD");
            assertThat(roles.subList(1, roles.size())).allMatch("SUPPORTING"::equals);
            List<String> unitIds = response.path("task.responsibilities[*].unit.id").entityList(String.class).get();
            for (int j = 0; j < names.size(); j++) {
                // The name the task uses (an alias, sometimes) must resolve to the very unit the edge points at.
                graphQl.document("query($name: String!) { unit(name: $name) { id } }").variable("name", names.get(j))
                        .execute().path("unit.id").entity(String.class).isEqualTo(unitIds.get(j));
            }
        }
        assertThat(cypher("MATCH (:Task)-[r:RESPONSIBLE_UNIT]->(:Unit) RETURN count(r) AS n").getFirst().get("n").asInt())
                .isEqualTo(edges);
    }

    @Test
    void shouldHaveTheThirteenMemberUnitsOfAnnexOneOnceEachWithTheirAliases() {
        Matcher members = Pattern.compile("成 员:由(.+?)分管负责同志组成").matcher(document);
        assertThat(members.find()).isTrue();
        List<String> memberNames = Arrays.asList(members.group(1).split("、"));
        assertThat(memberNames).hasSize(13);
        graphQl.document("{ workingGroup { members { name } } }").execute()
                .path("workingGroup.members[*].name").entityList(String.class).isEqualTo(memberNames);
        assertThat(cypher("MATCH (u:Unit {kind: 'DEPARTMENT'}) RETURN count(u) AS n").getFirst().get("n").asInt())
                .isEqualTo(13);
        Map<String, String> aliases = Map.of("区公安局", "昌江公安分局", "区农水局", "区农业农村水利局",
                "区市场监管局", "区市场监督管理局");
        aliases.forEach((alias, official) -> graphQl.document("query($n: String!) { unit(name: $n) { name aliases } }")
                .variable("n", alias).execute()
                .path("unit.name").entity(String.class).isEqualTo(official)
                .path("unit.aliases").entityList(String.class).contains(alias));
    }

    @Test
    void shouldQuoteEveryDutyFromItsOwnUnitsClauseOfAnnexTwo() {
        String annex = document.substring(document.indexOf("附件2:"));
        List<Record> duties = cypher("""
                MATCH (u:Unit)-[:HAS_DUTY]->(d:Duty) RETURN u.name AS unit, u.order AS order, d.clause AS clause, d.text AS text""");
        assertThat(duties).isNotEmpty();
        assertThat(duties.stream().map(r -> r.get("unit").asString()).distinct()).hasSize(13);
        for (Record duty : duties) {
            String numeral = NUMERALS.get(duty.get("order").asInt() - 1);
            assertThat(duty.get("clause").asString()).isEqualTo("附件2(" + numeral + ")");
            Matcher clause = Pattern.compile("\\(" + numeral + "\\)" + Pattern.quote(duty.get("unit").asString())
                    + ":([^\\n]+)").matcher(annex);
            assertThat(clause.find()).as("annex 2 clause of %s", duty.get("unit").asString()).isTrue();
            assertThat(clause.group(1)).contains(duty.get("text").asString());
        }
    }

    @Test
    void shouldGroundEveryCompetentUnitInAQuotedClauseOfTheDocument() {
        List<Record> links = cypher("""
                MATCH (v:ViolationType)-[c:COMPETENT_UNIT]->(u:Unit)
                RETURN v.code AS code, u.name AS unit, c.role AS role, c.basis AS basis, c.clause AS clause, c.quote AS quote""");
        assertThat(links).isNotEmpty();
        for (Record link : links) {
            assertThat(link.get("clause").asString(null)).as("clause of %s → %s", link.get("code"), link.get("unit")).isNotBlank();
            assertThat(document).as("quote of %s → %s", link.get("code"), link.get("unit"))
                    .contains(link.get("quote").asString());
            if (link.get("basis").asString().equals("ANNEX_2")) {
                assertThat(link.get("clause").asString()).startsWith("附件2(");
            }
        }
        List<Record> withoutLead = cypher("""
                MATCH (v:ViolationType) WHERE NOT (v)-[:COMPETENT_UNIT {role: 'LEAD'}]->()
                RETURN v.code AS code""");
        assertThat(withoutLead).as("violation types with no competent lead unit").isEmpty();
    }

    @Test
    void shouldKeepCompetenceNarrowerThanTheTaskList() {
        graphQl.document("""
                        { violationType(code: "T3.01") { competence { role unit { name } } tasks { number } responsibleUnits { name } } }""")
                .execute()
                .path("violationType.competence[*].unit.name").entityList(String.class)
                .isEqualTo(List.of("昌江公安分局", "区应急局"))
                .path("violationType.competence[*].role").entityList(String.class).isEqualTo(List.of("LEAD", "SUPPORT"))
                .path("violationType.tasks[*].number").entityList(Integer.class).isEqualTo(List.of(3))
                .path("violationType.responsibleUnits[*].name").entityList(String.class).hasSizeGreaterThan(2);
        List<Record> wholeListAsCompetent = cypher("""
                MATCH (t:Task)-[:FOCUSES_ON]->(v:ViolationType)
                WITH t, v, COUNT { (t)-[:RESPONSIBLE_UNIT]->() } AS shared, COUNT { (v)-[:COMPETENT_UNIT]->() } AS competent
                WHERE shared > 1 AND competent >= shared
                RETURN v.code AS code""");
        assertThat(wholeListAsCompetent).as("violation types whose competent units are the task's whole list").isEmpty();
    }

    @Test
    void shouldLinkAnnexTwoDutiesBeyondTheTaskLists() {
        graphQl.document("""
                        { transport: unit(name: "区交通局") { competentFor { code name } }
                          farming: unit(name: "区农水局") { competentFor { code name } }
                          forestry: unit(name: "区林业局") { competentFor { code name } } }""")
                .execute()
                .path("transport.competentFor[*].name").entityList(String.class).contains("矿山运输车辆违法超限超载")
                .path("farming.competentFor[*].name").entityList(String.class).contains("非法堆放固体废弃物(矿山周边耕地)")
                // 附件2(十二) gives the forestry bureau 林地 only ("非法占用林地情况"): 草地 and 湿地 are types of their own.
                .path("forestry.competentFor[*].name").entityList(String.class)
                .contains("非法占用林地", "非法占用自然保护地").doesNotContain("非法占用草地", "非法占用湿地");
    }

    @Test
    void shouldQuoteTheCampaignGoalsPhasesAndWorkingGroupVerbatim() {
        List<Record> quotes = cypher("""
                MATCH (n) WHERE n:Goal OR n:Phase OR n:Task OR n:Position OR n:ProblemSource OR n:Outcome OR n:WorkingGroup OR n:Office
                UNWIND [k IN ['text', 'focus', 'unitsClause', 'quote'] WHERE n[k] IS NOT NULL | n[k]] AS quote
                RETURN labels(n)[0] AS label, quote""");
        assertThat(quotes).hasSizeGreaterThan(30);
        quotes.forEach(q -> assertThat(document).as(q.get("label").asString()).contains(q.get("quote").asString()));
        graphQl.document("""
                        { campaign { documentNumber issuedOn longTerm endsOn goals { number } }
                          phases { number startsOn endsOn longTerm }
                          minerals { name strategic }
                          problemSources { name } outcomes { name }
                          workingGroup { convener { title unit { name } } office { hostUnit { name } director { title } } } }""")
                .execute()
                .path("campaign.documentNumber").entity(String.class).isEqualTo("昌府办字〔2023〕18号")
                .path("campaign.issuedOn").entity(String.class).isEqualTo("2023-04-25")
                .path("campaign.longTerm").entity(Boolean.class).isEqualTo(true)
                .path("campaign.goals[*].number").entityList(Integer.class).isEqualTo(List.of(1, 2, 3))
                .path("phases[*].endsOn").entityList(String.class).isEqualTo(List.of("2023-04-30", "2023-07-31", "2023-10-31"))
                .path("phases[*].longTerm").entityList(Boolean.class).isEqualTo(List.of(false, false, true))
                .path("problemSources[*].name").entityList(String.class).isEqualTo(List.of("排查", "扫黑除恶", "媒体披露", "群众举报"))
                .path("outcomes[*].name").entityList(String.class).isEqualTo(List.of("曝光", "处罚", "追究法律责任", "依法关闭"))
                .path("workingGroup.convener.title").entity(String.class).isEqualTo("召集人")
                .path("workingGroup.convener.unit.name").entity(String.class).isEqualTo("市自然资源和规划局昌江分局")
                .path("workingGroup.office.director.title").entity(String.class).isEqualTo("办公室主任")
                .path("workingGroup.office.hostUnit.name").entity(String.class).isEqualTo("市自然资源和规划局昌江分局");
        List<String> strategic = cypher("MATCH (m:Mineral {strategic: true}) RETURN m.name AS name ORDER BY name").stream()
                .map(r -> r.get("name").asString()).toList();
        assertThat(strategic).containsExactlyInAnyOrder("钨", "黄金", "铜");
        assertThat(document).contains("钨、黄金、铜");
    }

    @Test
    void shouldSplitEachTasksFocusListIntoViolationTypesItsTextNames() {
        List<Record> types = cypher("""
                MATCH (t:Task)-[:FOCUSES_ON]->(v:ViolationType) RETURN t.number AS task, t.focus AS focus, v.name AS name""");
        assertThat(types).hasSizeGreaterThanOrEqualTo(30);
        assertThat(types.stream().filter(r -> r.get("task").asInt() == 2)).hasSizeGreaterThanOrEqualTo(10);
        for (Record type : types) {
            // Every split-out problem keeps a run of the task's own words (half its name, up to 4 characters).
            String name = type.get("name").asString().replaceAll("\\(.*\\)", "");
            assertThat(longestCommonRun(name, type.get("focus").asString()))
                    .as(type.get("name").asString()).isGreaterThanOrEqualTo(Math.min(4, name.length() / 2));
        }
    }

    private static int longestCommonRun(String a, String b) {
        int best = 0;
        int[][] run = new int[a.length() + 1][b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                if (a.charAt(i - 1) == b.charAt(j - 1)) {
                    run[i][j] = run[i - 1][j - 1] + 1;
                    best = Math.max(best, run[i][j]);
                }
            }
        }
        return best;
    }
}
