package cn.changjiang.mining.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Fidelity, clause by clause: every responsibility sentence of 昌府办字〔2023〕18号 (a task's 责任单位 list, an annex-2
 * sentence naming a unit and an act, a 工作要求 clause, a 实施步骤 sentence binding the working group or a date) must
 * be in the graph, and every violation type's name must be traceable to the text. The expectations are read from
 * the document; the few readings the text leaves open are declared below, each with its reason.
 */
class PlanFidelityTest extends IntegrationTest {

    private static final Pattern UNITS_CLAUSE = Pattern.compile("\\(责任单位[:;]([^)]+)\\)");
    private static final Pattern ANNEX_TWO_CLAUSE = Pattern.compile("^\\(([一二三四五六七八九十]+)\\)([^:\\n]+):([^\\n]+)$",
            Pattern.MULTILINE);
    private static final Pattern ORGANISATION_SUFFIX = Pattern.compile("部门|局|工作专班|专班办公室");
    private static final Pattern PUNCTUATION_ONLY = Pattern.compile("[\\s,,。;;、:]*");

    /**
     * Words for organisations that are not one party of this plan, each with why. Anything else the text calls a
     * 部门, 局 or 专班 must resolve to a unit, the working group, its office or a body the graph names.
     */
    private static final Map<String, String> GENERIC_ORGANISATIONS = Map.of(
            "有关部门", "the departments concerned: each sentence's own subject says which",
            "相关部门", "the departments concerned, e.g. those that transfer cases to the police (附件2(六))",
            "各部门", "every department: requirements owed by DEPARTMENTS",
            "地方发展改革部门", "the local development-and-reform offices that 区发改委 guides (附件2(三)): not a unit of this plan",
            "专项整治工作专班", "五(四) names no level here (区人民政府按照专项整治工作专班有关要求); the graph does not guess");

    /**
     * Units an annex-2 sentence names for acts, where the graph reads the sentence more narrowly than every type the
     * duty covers, with why.
     */
    private static final Map<String, String> NARROWER_READINGS = Map.of(
            "EMERGENCY-3 T3.01 NATURAL_RESOURCES", "附件2(十一) names 自然资源和规划局 with 公安部门 for 盗采 and 民爆器材 at once; "
                    + "民爆器材 is the police's (附件2(六) 负责依法查处非法购买、运输、使用民用爆炸物品等行为), no clause gives it to natural resources");

    /** Duties that cover a type without the power to act on it, with why. */
    private static final Map<String, String> DUTIES_WITHOUT_COMPETENCE = Map.of(
            "POLITICS_LAW-1 T2.01", "附件2(二) puts 非法采矿 into the focus of 扫黑除恶 (坚持将非法采矿问题纳入常态化扫黑除恶行业整治重点内容): "
                    + "a coordinating act; the units that act on it are natural resources and, on its criminal side, the police");

    /** Lists the text writes without a separator (无证无照经营): each with the items it stands for. */
    private static final Map<String, List<String>> JUXTAPOSED_LISTS = Map.of("无证无照经营", List.of("无证经营", "无照经营"));

    private static String document;

    @Autowired
    Driver driver;

    @BeforeAll
    static void readDocument() throws IOException {
        document = Files.readString(Path.of("graph-seed/source/campaign-plan.txt"), StandardCharsets.UTF_8);
    }

    private static String section(String from, String to) {
        int start = document.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return to == null ? document.substring(start) : document.substring(start, document.indexOf(to, start));
    }

    private List<Record> cypher(String query) {
        try (var session = driver.session()) {
            return session.run(query).list();
        }
    }

    /** Every name the graph gives a party of the plan (units, working group, office, outside bodies), with its id. */
    private Map<String, String> partyNames() {
        Map<String, String> names = new java.util.HashMap<>();
        cypher("""
                MATCH (p) WHERE p:Unit OR p:WorkingGroup OR p:Office OR p:PlanBody
                RETURN p.id AS id, [p.name] + coalesce(p.aliases, []) AS names""")
                .forEach(r -> r.get("names").asList(v -> v.asString()).forEach(n -> names.put(n, r.get("id").asString())));
        return names;
    }

    /** Text with every occurrence of the given quotes removed, longest first. */
    private static String without(String text, List<String> quotes) {
        String rest = text;
        for (String quote : quotes.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            rest = rest.replace(quote, "");
        }
        return rest;
    }

    @Test
    void shouldHaveEveryUnitOfEveryTasksListAsAResponsibleUnitOfThatTask() {
        Matcher lists = UNITS_CLAUSE.matcher(section("三、主要任务", "四、实施步骤"));
        Map<String, String> names = partyNames();
        int task = 0;
        while (lists.find()) {
            task++;
            for (String name : lists.group(1).split("、")) {
                String unitId = names.get(name.strip());
                assertThat(unitId).as("task %d names %s", task, name).isNotNull();
                assertThat(cypher("MATCH (:Task {number: " + task + "})-[r:RESPONSIBLE_UNIT {nameInDocument: '" + name.strip()
                        + "'}]->(:Unit {id: '" + unitId + "'}) RETURN r")).as("task %d → %s", task, name).hasSize(1);
            }
        }
        assertThat(task).isEqualTo(7);
    }

    @Test
    void shouldHaveEverySentenceOfEveryAnnexTwoClauseInItsUnitsDuties() {
        Matcher clauses = ANNEX_TWO_CLAUSE.matcher(section("附件2:", null));
        Map<String, String> names = partyNames();
        int count = 0;
        while (clauses.find()) {
            count++;
            String unitId = names.get(clauses.group(2));
            assertThat(unitId).as("annex 2 (%s) %s", clauses.group(1), clauses.group(2)).isNotNull();
            List<String> duties = cypher("MATCH (:Unit {id: '" + unitId + "'})-[:HAS_DUTY]->(d:Duty) RETURN d.text AS text")
                    .stream().map(r -> r.get("text").asString()).toList();
            assertThat(without(clauses.group(3), duties)).as("annex 2 (%s) not in any duty of %s", clauses.group(1), unitId)
                    .matches(PUNCTUATION_ONLY);
        }
        assertThat(count).isEqualTo(13);
    }

    @Test
    void shouldResolveEveryOrganisationTheStepsRequirementsAndAnnexesName() {
        // The sentences, not the titles of the annexes (which the text breaks across lines): lines with 。 or :.
        String text = String.join("\n", section("四、实施步骤", null).lines()
                .filter(line -> line.contains("。") || line.contains(":")).toList());
        Map<String, String> names = partyNames();
        List<String> known = new ArrayList<>(names.keySet());
        known.addAll(GENERIC_ORGANISATIONS.keySet());
        boolean[] covered = new boolean[text.length()];
        for (String name : known) {
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                Arrays.fill(covered, at, at + name.length(), true);
            }
        }
        List<String> unresolved = new ArrayList<>();
        Matcher suffix = ORGANISATION_SUFFIX.matcher(text);
        while (suffix.find()) {
            if (!covered[suffix.end() - 1]) {
                unresolved.add(text.substring(Math.max(0, suffix.start() - 10), suffix.end()));
            }
        }
        assertThat(unresolved).as("organisations the text names that resolve to no party of the graph").isEmpty();
    }

    @Test
    void shouldMakeEveryUnitAnAnnexTwoDutyNamesCompetentForWhatTheDutyCovers() {
        Map<String, String> names = partyNames();
        List<String> missing = new ArrayList<>();
        for (Record duty : cypher("""
                MATCH (owner:Unit)-[:HAS_DUTY]->(d:Duty)-[:COVERS]->(v:ViolationType)
                RETURN owner.id AS owner, d.id AS duty, d.text AS text, collect(v.code) AS codes""")) {
            Set<String> named = new HashSet<>();
            names.forEach((name, id) -> {
                if (duty.get("text").asString().contains(name) && !id.equals(duty.get("owner").asString())) {
                    named.add(id);
                }
            });
            for (String unit : named) {
                for (String code : duty.get("codes").asList(v -> v.asString())) {
                    String key = duty.get("duty").asString() + " " + code + " " + unit;
                    if (!NARROWER_READINGS.containsKey(key) && cypher("MATCH (:ViolationType {code: '" + code
                            + "'})-[c:COMPETENT_UNIT]->(:Unit {id: '" + unit + "'}) RETURN c").isEmpty()) {
                        missing.add(key);
                    }
                }
            }
        }
        assertThat(missing).as("units an annex-2 sentence names for an act, not competent for it").isEmpty();
        List<String> withoutCompetence = cypher("""
                MATCH (u:Unit)-[:HAS_DUTY]->(d:Duty)-[:COVERS]->(v:ViolationType)
                WHERE NOT (v)-[:COMPETENT_UNIT]->(u)
                RETURN d.id + ' ' + v.code AS key""").stream().map(r -> r.get("key").asString())
                .filter(key -> !DUTIES_WITHOUT_COMPETENCE.containsKey(key)).toList();
        assertThat(withoutCompetence).as("duties covering a type their unit has no competence for").isEmpty();
    }

    @Test
    void shouldGiveThePoliceTheCriminalSideOfTheProblemsItsDutyNamesAsCrimes() {
        List<String> covered = cypher("""
                MATCH (:Unit {id: 'POLICE'})-[:HAS_DUTY]->(d:Duty)-[:COVERS]->(v:ViolationType)
                WHERE d.text CONTAINS '犯罪活动'
                RETURN v.code AS code""").stream().map(r -> r.get("code").asString()).toList();
        assertThat(covered).isNotEmpty();
        for (String code : covered) {
            graphQl.document("query($c: String!) { violationType(code: $c) { competence { unit { id } basis clause quote } } }")
                    .variable("c", code).execute()
                    .path("violationType.competence[?(@.unit.id == 'POLICE')].basis").entityList(String.class)
                    .containsExactly("CRIMINAL");
        }
        graphQl.document("{ violationType(code: \"T2.03\") { competence { unit { id } basis clause quote } } }").execute()
                .path("violationType.competence[?(@.unit.id == 'POLICE')].clause").entityList(String.class)
                .containsExactly("附件2(十一)");
    }

    @Test
    void shouldHaveEveryWorkingRequirementAndEveryBindingStepSentenceAsARequirementOrObligation() {
        List<String> quotes = new ArrayList<>(cypher("""
                MATCH (n) WHERE n:Requirement OR n:Obligation OR n:WorkingGroup OR n:Office RETURN n.quote AS quote""")
                .stream().map(r -> r.get("quote").asString()).toList());
        quotes.forEach(q -> assertThat(document).as("quoted verbatim").contains(q));
        String requirements = section("五、工作要求", "附件:").replaceFirst("五、工作要求\\s*", "");
        for (String clause : requirements.split("\\n")) {
            // A clause: its numeral and heading (提高政治站位。), then sentences that bind someone.
            String body = clause.replaceFirst("^\\([一二三四五]\\)[^。]{2,8}。", "");
            assertThat(without(body, quotes)).as("工作要求 not in the graph: %s", clause).matches(PUNCTUATION_ONLY);
        }
        String steps = section("四、实施步骤", "五、工作要求");
        for (String sentence : steps.split("(?<=。)|\\n")) {
            String plain = sentence.replaceAll("\\([^)]*\\)", "");
            if (plain.contains("专班") || plain.matches(".*\\d+年\\d+月\\d+日前.*")) {
                assertThat(without(plain, quotes.stream().map(q -> q.replaceAll("\\([^)]*\\)", "")).toList()))
                        .as("实施步骤 sentence not in the graph: %s", sentence).matches(PUNCTUATION_ONLY);
            }
        }
    }

    @Test
    void shouldCiteTheAccountabilityClauseAsWhatTheWorkingGroupHoldsUnitsToAccountOn() {
        Matcher accountability = Pattern.compile("对责任落实不到位[^。]*追责。").matcher(document);
        assertThat(accountability.find()).isTrue();
        anonymous.document("{ requirements(clause: \"五(四)\") { id quote owedBy { id kind } towards { kind } } }").execute()
                .path("requirements[?(@.quote == '" + accountability.group() + "')].owedBy[*].id").entityList(String.class)
                .contains("WORKING_GROUP");
    }

    @Test
    void shouldTraceEveryViolationTypesNameToTheText() {
        List<String> untraceable = new ArrayList<>();
        for (Record type : cypher("MATCH (v:ViolationType) RETURN v.code AS code, v.name AS name")) {
            // An editorial note in brackets (what is wrong, where the text names a duty) is not the text's.
            String name = type.get("name").asString().replaceAll("\\([^)]*\\)", "");
            if (!traceable(name)) {
                untraceable.add(type.get("code").asString() + " " + type.get("name").asString());
            }
        }
        assertThat(untraceable).as("violation types whose names are not the text's words").isEmpty();
    }

    @Test
    void shouldSplitEveryListOfOccupiedLandAndOfLicencesIntoOneTypeAnItemWithItsOwnCompetence() {
        Matcher land = Pattern.compile("非法占用([^等]+)等问题").matcher(section("(二)强化矿山开采全过程监管", "(三)"));
        assertThat(land.find()).isTrue();
        Matcher licences = Pattern.compile("重点整治(无证)和(证照过期)、(证照不齐)(勘查开采)").matcher(document);
        assertThat(licences.find()).isTrue();
        List<String> expected = new ArrayList<>();
        for (String item : land.group(1).split("[、和]")) {
            expected.add("非法占用" + item);
        }
        for (int i = 1; i <= 3; i++) {
            expected.add(licences.group(i) + licences.group(4));
        }
        List<String> inGraph = graphQl.document("{ task(number: 2) { violationTypes { name competence { role } } } }").execute()
                .path("task.violationTypes[*].name").entityList(String.class).get();
        assertThat(inGraph).containsAll(expected);
        for (String name : expected) {
            graphQl.document("{ task(number: 2) { violationTypes { name competence { role } } } }").execute()
                    .path("task.violationTypes[?(@.name == '" + name + "')].competence[*].role").entityList(String.class)
                    .contains("LEAD");
        }
        // Existing ledger rows keep their codes: the first part of each split list keeps the merged type's code.
        graphQl.document("{ a: violationType(code: \"T2.02\") { name formerNames } b: violationType(code: \"T2.13\") { name formerNames } }")
                .execute()
                .path("a.name").entity(String.class).isEqualTo("证照过期勘查开采")
                .path("a.formerNames").entityList(String.class).containsExactly("证照过期、证照不齐勘查开采")
                .path("b.name").entity(String.class).isEqualTo("非法占用林地");
    }

    @Test
    void shouldLetTheUnitsTheFarmingBureauAssistsLeadOnWhatItScreens() {
        Matcher assists = Pattern.compile("及时反馈和配合(\\S+?)和(\\S+?),").matcher(document);
        assertThat(assists.find()).isTrue();
        Map<String, String> names = partyNames();
        List<String> leads = List.of(names.get(assists.group(1)), names.get(assists.group(2)));
        for (String code : List.of("A10.01", "T2.11")) {
            var response = graphQl.document("query($c: String!) { violationType(code: $c) { competence { role unit { id } } } }")
                    .variable("c", code).execute();
            assertThat(response.path("violationType.competence[?(@.role == 'LEAD')].unit.id").entityList(String.class).get())
                    .containsAll(leads);
            response.path("violationType.competence[?(@.unit.id == 'AGRI_WATER')].role").entityList(String.class)
                    .containsExactly("SUPPORT");
        }
    }

    /**
     * Whether a name is the text's words: verbatim, or one item of a list the text writes with 、, 和, 及 or 或
     * (prefix + item + suffix, the other items left out), or an item of a list written without a separator.
     */
    private static boolean traceable(String name) {
        if (document.contains(name)) {
            return true;
        }
        for (var list : JUXTAPOSED_LISTS.entrySet()) {
            if (document.contains(list.getKey()) && list.getValue().contains(name)) {
                return true;
            }
        }
        String others = "[^,,。;;:()]*?";
        for (int from = 0; from < name.length(); from++) {
            for (int to = from + 1; to <= name.length(); to++) {
                if (!document.contains(name.substring(0, from)) || !document.contains(name.substring(from, to))
                        || !document.contains(name.substring(to))) {
                    continue;
                }
                String prefix = Pattern.quote(name.substring(0, from));
                String item = Pattern.quote(name.substring(from, to));
                String suffix = Pattern.quote(name.substring(to));
                String before = "(?:" + others + "(?:、|和|及|或))";
                String after = "(?:(?:、|和|及|或)" + others + ")";
                if (Pattern.compile(prefix + before + item + after + "?" + suffix).matcher(document).find()
                        || Pattern.compile(prefix + item + after + suffix).matcher(document).find()) {
                    return true;
                }
            }
        }
        return false;
    }
}
