package cn.changjiang.mining.ledger;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.TestFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An analyst's {@code where} and {@code sort} on the ledger: the question of issue 19 answered in one request over
 * problems made for it; random trees in the shape of the Neo4j GraphQL Library's filters compared, answer by
 * answer, with the same tree evaluated in Java over the same problems; the read policy and the cost limits applied.
 */
class IssueWhereTest extends IntegrationTest {

    private static final String LICENCE = "WHERE-";
    private static final String PAGE = """
            query($where: IssueWhere, $sort: [IssueOrder!], $after: String) {
              issues(first: 100, after: $after, where: $where, sort: $sort) {
                totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }""";

    private static Driver fixtureDriver;
    private static final Map<String, String> made = new LinkedHashMap<>();

    @BeforeAll
    static void remember(@Autowired Driver driver) {
        fixtureDriver = driver;
        removeProblems();
    }

    @AfterAll
    static void removeProblems() {
        TestFixtures.removeRegisteredMines(fixtureDriver, LICENCE);
        made.clear();
    }

    private String mine(String licence, String township) {
        return graphQl.document("""
                        mutation($licence: String!, $township: String!) { registerMine(input: {name: "筛选测试钨矿(测试)",
                          licenseNumber: $licence, mineral: "钨", township: $township}) { mine { id } } }""")
                .variable("licence", licence).variable("township", township).execute()
                .path("registerMine.mine.id").entity(String.class).get();
    }

    private String problem(String name, String mineId, String source, String foundOn, String severity, String lead,
                           List<String> supporting, String deadline) {
        String id = graphQl.document("""
                        mutation($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id } } }""")
                .variable("input", Map.of("mineId", mineId, "violationTypeCodes", List.of("T2.01"), "source", source,
                        "foundOn", foundOn, "severity", severity, "title", "筛选测试" + name + "(测试)",
                        "description", "筛选测试(测试)"))
                .execute().path("reportIssue.issue.id").entity(String.class).get();
        graphQl.document("""
                        mutation($input: AssignIssueInput!) { assignIssue(input: $input) { issue { id } } }""")
                .variable("input", Map.of("issueId", id, "leadUnit", lead, "supportingUnits", supporting,
                        "measures", "限期整改", "deadline", deadline))
                .execute().path("assignIssue.issue.id").hasValue();
        made.put(name, id);
        return id;
    }

    private void ensureProblems() {
        if (!made.isEmpty()) {
            return;
        }
        String nianyushan = mine(LICENCE + "0001", "鲇鱼山镇");
        made.put("mine", nianyushan);
        String liyang = mine(LICENCE + "0002", "丽阳镇");
        problem("q1", nianyushan, "PUBLIC_REPORT", "2023-05-10", "SERIOUS", "ECOLOGY", List.of("POLICE"), "2027-03-31");
        problem("q2", nianyushan, "PUBLIC_REPORT", "2023-05-20", "MAJOR", "NATURAL_RESOURCES", List.of("POLICE"), "2027-03-31");
        problem("q3", nianyushan, "PUBLIC_REPORT", "2023-05-15", "MAJOR", "POLICE", List.of("ECOLOGY"), "2027-03-31");
        String withOutcome = problem("q4", nianyushan, "PUBLIC_REPORT", "2023-05-12", "GENERAL", "ECOLOGY",
                List.of("POLICE"), "2027-03-31");
        problem("q5", nianyushan, "SCREENING", "2023-05-11", "GENERAL", "ECOLOGY", List.of("POLICE"), "2027-03-31");
        problem("q6", nianyushan, "PUBLIC_REPORT", "2023-06-02", "GENERAL", "ECOLOGY", List.of("POLICE"), "2027-03-31");
        problem("q7", liyang, "PUBLIC_REPORT", "2023-05-09", "GENERAL", "ECOLOGY", List.of("POLICE"), "2027-03-31");
        problem("q8", nianyushan, "PUBLIC_REPORT", "2023-05-30", "GENERAL", "ECOLOGY", List.of("POLICE", "AGRI_WATER"), "2026-12-31");
        graphQl.document("""
                        mutation($id: ID!) { recordOutcome(input: {issueId: $id, outcome: EXPOSURE, on: "2023-07-01"}) { issue { id } } }""")
                .variable("id", withOutcome).execute().path("recordOutcome.issue.id").hasValue();
    }

    /** Every id a where answers, page after page, in the order given. */
    private List<String> ids(GraphQlTester tester, Map<String, Object> where, List<Map<String, Object>> sort) {
        List<String> ids = new ArrayList<>();
        String after = null;
        while (true) {
            GraphQlTester.Response response = tester.document(PAGE).variable("where", where).variable("sort", sort)
                    .variable("after", after).execute();
            ids.addAll(response.path("issues.edges[*].node.id").entityList(String.class).get());
            if (!response.path("issues.pageInfo.hasNextPage").entity(Boolean.class).get()) {
                return ids;
            }
            after = response.path("issues.pageInfo.endCursor").entity(String.class).get();
        }
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The question of issue 19, as the README's first example asks it. */
    static final Map<String, Object> QUESTION = map(
            "open", true,
            "source", map("code", map("eq", "PUBLIC_REPORT")),
            "foundOn", map("gte", "2023-05-01", "lte", "2023-05-31"),
            "mine", map("minerals", map("some", map("name", map("eq", "钨"))), "township", map("name", map("eq", "鲇鱼山镇"))),
            "assignments", map("some", map("role", map("eq", "SUPPORTING"), "unit", map("id", map("eq", "POLICE"))),
                    "none", map("role", map("eq", "LEAD"), "unit", map("id", map("eq", "POLICE")))),
            "outcomes", map("none", map()));

    @Test
    void theQuestionOfTheIssueAnswersInOneRequestSortedByDeadlineThenSeverity() {
        ensureProblems();
        List<String> answer = ids(graphQl, QUESTION, List.of(map("field", "DEADLINE"), map("field", "SEVERITY", "direction", "DESC")));
        assertThat(answer).as("open, 群众举报, in May, tungsten at 鲇鱼山镇, police supporting not leading, no outcome; by"
                + " deadline, then the most severe first").containsExactly(made.get("q8"), made.get("q2"), made.get("q1"));
        graphQl.document("query($where: IssueWhere) { issueCounts(groupBy: [TOWNSHIP], where: $where) { keys count open } }")
                .variable("where", QUESTION).execute()
                .path("issueCounts").entityList(Map.class).hasSize(1)
                .path("issueCounts[0].count").entity(Integer.class).isEqualTo(3);
    }

    /** The requests of the README's section on where and sort, as a reader would paste them into GraphiQL. */
    static List<String> readmeExamples() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        int section = readme.indexOf("### Any question, in one request");
        int start = readme.indexOf("```graphql\n", section) + "```graphql\n".length();
        List<String> documents = new ArrayList<>();
        for (String line : readme.substring(start, readme.indexOf("```", start)).split("\n")) {
            if (line.startsWith("{")) {
                documents.add(line);
            } else if (!line.startsWith("#") && !documents.isEmpty()) {
                documents.set(documents.size() - 1, documents.getLast() + "\n" + line);
            }
        }
        return documents;
    }

    @Test
    void theReadmesExamplesAnswerAsTheProblemsSay() throws java.io.IOException {
        ensureProblems();
        List<String> examples = readmeExamples();
        assertThat(examples).hasSize(3);
        graphQl.document(examples.get(0)).execute()
                .path("issues.edges[*].node.id").entityList(String.class)
                .containsExactly(made.get("q8"), made.get("q2"), made.get("q1"));

        Set<String> universe = Set.copyOf(ids(graphQl, null, null));
        Set<String> openStatuses = cn.changjiang.mining.common.IssueStatus.openStatuses().stream().map(Enum::name)
                .collect(Collectors.toSet());
        long open = facts(universe).stream().filter(f -> openStatuses.contains(f.status()) && "鲇鱼山镇".equals(f.township()))
                .count();
        graphQl.document(examples.get(1)).execute()
                .path("issueCounts[*].keys").entityList(Object.class).containsExactly(List.of("鲇鱼山镇"))
                .path("issueCounts[0].count").entity(Long.class).isEqualTo(open);

        List<String> others = graphQl.document("""
                        query($where: MineWhere) { mines(first: 100, where: $where) { edges { node { id name minerals { name } } } } }""")
                .variable("where", map("township", map("name", map("eq", "鲇鱼山镇"))))
                .execute().path("mines.edges[*].node").entityList(Map.class).get().stream()
                .map(m -> (Map<?, ?>) m)
                .filter(m -> ((List<?>) m.get("minerals")).stream().noneMatch(x -> "钨".equals(((Map<?, ?>) x).get("name"))))
                .sorted(java.util.Comparator.comparing((Map<?, ?> m) -> (String) m.get("name")).thenComparing(m -> (String) m.get("id")))
                .map(m -> (String) m.get("id")).toList();
        graphQl.document(examples.get(2)).execute()
                .path("mines.edges[*].node.id").entityList(String.class).containsExactly(others.toArray(String[]::new));
    }

    @Test
    void aUnitOfficerCannotFilterOnWhatItReadsOnlyOnItsOwnProblems() {
        for (Map<String, Object> where : List.of(map("description", map("contains", "越界")),
                map("responsiblePerson", map("name", map("startsWith", "王"))),
                map("OR", List.of(map("title", map("contains", "a")), map("measures", map("contains", "停产")))))) {
            as("police").document(PAGE).variable("where", where).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")))
                    .path("issues").pathDoesNotExist();
        }
        // What every role reads on every problem, it may filter on.
        assertThat(ids(as("police"), map("assignments", map("some", map("unit", map("id", map("eq", "POLICE"))))), null))
                .isNotEmpty();
    }

    @Test
    void aWhereAddsToTheQuerysCost() {
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(map("title", map("contains", "矿" + i)));
        }
        StringBuilder aliases = new StringBuilder("query($where: IssueWhere) {");
        for (int i = 0; i < 40; i++) {
            aliases.append(" a").append(i).append(": issues(first: 1, where: $where) { totalCount }");
        }
        graphQl.document(aliases.append(" }").toString()).variable("where", map("OR", many)).execute()
                .errors().satisfy(errors -> assertThat(errors).anySatisfy(
                        e -> assertThat(e.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX")));
    }

    @Test
    void injectionStringsInEveryOperatorAreValues() {
        ensureProblems();
        for (String hostile : List.of("') RETURN 1 //", "x' OR 1=1 --", "\"}) MATCH (n) DETACH DELETE n //", "` RETURN *")) {
            for (Map<String, Object> where : List.of(map("title", map("eq", hostile)), map("title", map("in", List.of(hostile))),
                    map("title", map("contains", hostile)), map("title", map("startsWith", hostile)),
                    map("title", map("endsWith", hostile)), map("id", map("eq", hostile)),
                    map("mine", map("township", map("name", map("contains", hostile)))),
                    map("assignments", map("some", map("unit", map("name", map("endsWith", hostile))))))) {
                assertThat(ids(graphQl, where, null)).as(where.toString()).isEmpty();
            }
        }
        assertThat(ids(graphQl, map("title", map("startsWith", "筛选测试")), null)).as("nothing was touched").hasSize(8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void minesUnitsAndPeopleTakeAWhereAndSeveralSortKeysToo() {
        ensureProblems();
        List<Map<String, Object>> mines = graphQl.document("""
                        { mines(first: 100) { edges { node { id name township { name } minerals { name } } } } }""")
                .execute().path("mines.edges[*].node").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
        List<String> expected = mines.stream()
                .filter(m -> m.get("township") != null && "鲇鱼山镇".equals(((Map<?, ?>) m.get("township")).get("name")))
                .filter(m -> ((List<Map<String, Object>>) m.get("minerals")).stream().noneMatch(x -> "钨".equals(x.get("name"))))
                .sorted(java.util.Comparator.comparing((Map<String, Object> m) -> (String) m.get("name")).reversed()
                        .thenComparing(m -> (String) m.get("id")))
                .map(m -> (String) m.get("id")).toList();
        assertThat(expected).as("the demo's other mines of 鲇鱼山镇").isNotEmpty();
        graphQl.document("""
                        query($where: MineWhere) { mines(first: 100, where: $where, sort: [{field: NAME, direction: DESC}, {field: ID}]) {
                          totalCount edges { node { id } } } }""")
                .variable("where", map("township", map("name", map("eq", "鲇鱼山镇")),
                        "minerals", map("none", map("name", map("eq", "钨")))))
                .execute().path("mines.edges[*].node.id").entityList(String.class).containsExactly(expected.toArray(String[]::new))
                .path("mines.totalCount").entity(Integer.class).isEqualTo(expected.size());

        graphQl.document("""
                        { unitsConnection(first: 50, where: {kind: {eq: DEPARTMENT}, name: {endsWith: "局"}}) {
                          edges { node { id name kind } } } }""")
                .execute().path("unitsConnection.edges[*].node").entityList(Map.class)
                .satisfies(units -> assertThat(units).isNotEmpty().allSatisfy(u -> assertThat(u)
                        .containsEntry("kind", "DEPARTMENT").extractingByKey("name").asString().endsWith("局")));
        graphQl.document("""
                        { people(first: 50, where: {unit: {id: {eq: "POLICE"}}, NOT: {rank: {eq: OFFICER}}}) {
                          edges { node { rank unit { id } } } } }""")
                .execute().path("people.edges[*].node").entityList(Map.class)
                .satisfies(people -> assertThat(people).isNotEmpty().allSatisfy(p -> {
                    assertThat(p.get("rank")).isNotEqualTo("OFFICER");
                    assertThat(p.get("unit")).isEqualTo(Map.of("id", "POLICE"));
                }));
    }

    /** A problem as a sort sees it. */
    record Sortable(String id, String title, String status, String severity, LocalDate foundOn, LocalDate deadline,
                    LocalDate closedOn, String mine, String township) {
    }

    private static final LocalDate NEVER = LocalDate.parse("9999-12-31");

    /** Each sort key's value in Java, as the API sorts it (null: after every value ascending, before descending). */
    private static Comparable<?> key(String field, Sortable s) {
        return switch (field) {
            case "ID" -> s.id();
            case "FOUND_ON" -> s.foundOn();
            case "DEADLINE" -> s.deadline() == null ? NEVER : s.deadline();
            case "CLOSED_ON" -> s.closedOn() == null ? NEVER : s.closedOn();
            case "SEVERITY" -> switch (s.severity()) { case "MAJOR" -> 3; case "SERIOUS" -> 2; default -> 1; };
            case "STATUS" -> s.status();
            case "TITLE" -> s.title();
            case "MINE_NAME" -> s.mine();
            default -> s.township();
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static java.util.Comparator<Sortable> order(String field, boolean descending) {
        java.util.Comparator<Comparable> values = java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder());
        java.util.Comparator<Sortable> byKey = java.util.Comparator.comparing(s -> (Comparable) key(field, s),
                descending ? values.reversed() : values);
        return byKey.thenComparing(Sortable::id);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySortKeyPagesInItsOrderWithTiesByIdAndMissingValuesLast() {
        ensureProblems();
        List<Sortable> all = new ArrayList<>();
        String after = null;
        while (true) {
            GraphQlTester.Response page = graphQl.document("""
                            query($after: String) { issues(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
                              edges { node { id title status severity foundOn deadline closedOn mine { name township { name } } } } } }""")
                    .variable("after", after).execute();
            for (Object o : page.path("issues.edges[*].node").entityList(Map.class).get()) {
                Map<String, Object> n = (Map<String, Object>) o;
                Map<String, Object> mine = (Map<String, Object>) n.get("mine");
                Map<String, Object> township = mine == null ? null : (Map<String, Object>) mine.get("township");
                all.add(new Sortable((String) n.get("id"), (String) n.get("title"), (String) n.get("status"),
                        (String) n.get("severity"), LocalDate.parse((String) n.get("foundOn")),
                        n.get("deadline") == null ? null : LocalDate.parse((String) n.get("deadline")),
                        n.get("closedOn") == null ? null : LocalDate.parse((String) n.get("closedOn")),
                        mine == null ? null : (String) mine.get("name"), township == null ? null : (String) township.get("name")));
            }
            if (!page.path("issues.pageInfo.hasNextPage").entity(Boolean.class).get()) {
                break;
            }
            after = page.path("issues.pageInfo.endCursor").entity(String.class).get();
        }
        for (IssueOrderField field : IssueOrderField.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                List<String> expected = all.stream().sorted(order(field.name(), descending)).map(Sortable::id).toList();
                List<String> pages = new ArrayList<>();
                String cursor = null;
                do {
                    GraphQlTester.Response page = graphQl.document("""
                                    query($sort: [IssueOrder!], $after: String) { issues(first: 9, after: $after, sort: $sort) {
                                      pageInfo { hasNextPage endCursor } edges { node { id } } } }""")
                            .variable("sort", List.of(map("field", field.name(), "direction", descending ? "DESC" : "ASC")))
                            .variable("after", cursor).execute();
                    pages.addAll(page.path("issues.edges[*].node.id").entityList(String.class).get());
                    cursor = page.path("issues.pageInfo.hasNextPage").entity(Boolean.class).get()
                            ? page.path("issues.pageInfo.endCursor").entity(String.class).get() : null;
                } while (cursor != null);
                assertThat(pages).as("%s %s", field, descending ? "DESC" : "ASC").isEqualTo(expected);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void jointEnforcementActionsTakeAWhereOverTheirMineUnitsAndProblems() {
        ensureProblems();
        String action = graphQl.document("""
                        mutation($input: OpenJointEnforcementActionInput!) { openJointEnforcementAction(input: $input) { action { id } } }""")
                .variable("input", Map.of("mineId", made.get("mine"), "leadUnitId", "POLICE",
                        "participatingUnitIds", List.of("NATURAL_RESOURCES"), "issueIds", List.of(made.get("q2"), made.get("q3")),
                        "plannedOn", "2023-07-15"))
                .execute().path("openJointEnforcementAction.action.id").entity(String.class).get();
        Map<String, Object> where = map("status", map("eq", "OPEN"), "leadUnit", map("id", map("eq", "POLICE")),
                "mine", map("township", map("name", map("eq", "鲇鱼山镇"))),
                "participatingUnits", map("some", map("id", map("eq", "NATURAL_RESOURCES"))),
                "issues", map("some", map("severity", map("eq", "MAJOR")), "none", map("source", map("code", map("eq", "MEDIA")))));
        List<Map<String, Object>> all = graphQl.document("""
                        { jointEnforcementActions { id status leadUnit { id } participatingUnits { id }
                            mine { township { name } } issues { severity source { code } } } }""")
                .execute().path("jointEnforcementActions").entityList(Map.class).get().stream()
                .map(a -> (Map<String, Object>) a).toList();
        List<String> expected = all.stream().filter(a -> "OPEN".equals(a.get("status"))
                        && "POLICE".equals(((Map<?, ?>) a.get("leadUnit")).get("id"))
                        && ((Map<?, ?>) a.get("mine")).get("township") != null
                        && "鲇鱼山镇".equals(((Map<?, ?>) ((Map<?, ?>) a.get("mine")).get("township")).get("name"))
                        && ((List<Map<String, Object>>) a.get("participatingUnits")).stream().anyMatch(u -> "NATURAL_RESOURCES".equals(u.get("id")))
                        && ((List<Map<String, Object>>) a.get("issues")).stream().anyMatch(i -> "MAJOR".equals(i.get("severity")))
                        && ((List<Map<String, Object>>) a.get("issues")).stream().noneMatch(i -> "MEDIA".equals(((Map<?, ?>) i.get("source")).get("code"))))
                .map(a -> (String) a.get("id")).toList();
        assertThat(expected).contains(action);
        graphQl.document("""
                        query($where: JointEnforcementActionWhere) { jointEnforcementActions(where: $where) { id } }""")
                .variable("where", where).execute()
                .path("jointEnforcementActions[*].id").entityList(String.class).containsExactly(expected.toArray(String[]::new));
        graphQl.document("""
                        query($where: JointEnforcementActionWhere) { jointEnforcementActions(where: $where) { id } }""")
                .variable("where", map("issues", map("none", map()))).execute()
                .path("jointEnforcementActions[*].id").entityList(String.class).doesNotContain(action);
    }

    // ---- random trees compared with an evaluation in Java ----

    /** What the Java evaluation knows of one problem, read from the database directly. */
    record Facts(String id, String title, String status, String severity, LocalDate foundOn, LocalDate deadline,
                 LocalDate closedOn, boolean supervised, String township, List<String> minerals, String licenceStatus,
                 String source, Long phase, List<String> typeCodes, List<Long> typeTasks, List<String> roles,
                 List<String> units, List<String> outcomes) {

        static Facts from(Value v) {
            return new Facts(v.get("id").asString(), v.get("title").asString(null), v.get("status").asString(null),
                    v.get("severity").asString(null), date(v.get("foundOn")), date(v.get("deadline")), date(v.get("closedOn")),
                    v.get("supervised").asBoolean(false), v.get("township").asString(null),
                    v.get("minerals").asList(Value::asString), v.get("licenceStatus").asString(null),
                    v.get("source").asString(null), v.get("phase").isNull() ? null : v.get("phase").asLong(),
                    v.get("typeCodes").asList(Value::asString), v.get("typeTasks").asList(Value::asLong),
                    v.get("roles").asList(Value::asString), v.get("units").asList(Value::asString),
                    v.get("outcomes").asList(Value::asString));
        }

        private static LocalDate date(Value v) {
            return v.isNull() ? null : v.asLocalDate();
        }
    }

    private List<Facts> facts(Set<String> ids) {
        try (Session session = fixtureDriver.session()) {
            return session.run("""
                    MATCH (i:Issue) WHERE i.id IN $ids
                    OPTIONAL MATCH (i)-[:AT]->(m:Mine)
                    RETURN {id: i.id, title: i.title, status: i.status, severity: i.severity, foundOn: i.foundOn,
                            deadline: i.deadline, closedOn: i.closedOn, supervised: coalesce(i.supervised, false),
                            township: head(COLLECT { MATCH (m)-[:LOCATED_IN]->(t:Township) RETURN t.name }),
                            minerals: COLLECT { MATCH (m)-[:PRODUCES]->(x:Mineral) RETURN x.name },
                            licenceStatus: m.licenceStatus,
                            source: head(COLLECT { MATCH (i)-[:FOUND_BY]->(s:ProblemSource) RETURN s.code }),
                            phase: head(COLLECT { MATCH (i)-[:IN_PHASE]->(p:Phase) RETURN p.number }),
                            typeCodes: COLLECT { MATCH (i)-[:OF_TYPE]->(v:ViolationType) RETURN v.code },
                            typeTasks: COLLECT { MATCH (i)-[:OF_TYPE]->(:ViolationType)<-[:FOCUSES_ON]-(t:Task) RETURN t.number },
                            roles: COLLECT { MATCH (i)-[a:ASSIGNED_TO]->(u:Unit) RETURN a.role + '/' + u.id },
                            units: COLLECT { MATCH (i)-[:ASSIGNED_TO]->(u:Unit) RETURN u.id },
                            outcomes: COLLECT { MATCH (i)-[:RESULTED_IN]->(o:Outcome) RETURN o.code }} AS facts""",
                    Map.of("ids", List.copyOf(ids))).list(r -> Facts.from(r.get("facts")));
        }
    }

    /** A condition both sides understand: the where map sent to the API, and its three-valued meaning in Java. */
    record Condition(Map<String, Object> where, Function<Facts, Boolean> holds) {
    }

    private static final List<String> STATUSES = java.util.Arrays.stream(cn.changjiang.mining.common.IssueStatus.values())
            .map(Enum::name).toList();
    private static final List<String> SEVERITIES = List.of("GENERAL", "SERIOUS", "MAJOR");
    private static final List<String> UNITS = List.of("POLICE", "ECOLOGY", "NATURAL_RESOURCES", "AGRI_WATER", "EMERGENCY");
    private static final List<String> TOWNSHIPS = List.of("鲇鱼山镇", "丽阳镇", "荷塘乡", "吕蒙乡");
    private static final List<String> SOURCES = List.of("SCREENING", "ANTI_GANG", "MEDIA", "PUBLIC_REPORT");

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : true;
    }

    private static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        return a == null || b == null ? null : false;
    }

    private static Boolean not(Boolean a) {
        return a == null ? null : !a;
    }

    private static Boolean compare(LocalDate value, String op, LocalDate bound) {
        if (value == null) {
            return null;
        }
        int c = value.compareTo(bound);
        return switch (op) {
            case "lt" -> c < 0;
            case "lte" -> c <= 0;
            case "gt" -> c > 0;
            case "gte" -> c >= 0;
            default -> c == 0;
        };
    }

    /** A list quantifier over some values: some/none/all/single, as Cypher's EXISTS and COUNT read them. */
    private static <T> Condition quantified(Random random, String field, Function<Facts, List<T>> values, Function<T, Boolean> holds,
                                            Map<String, Object> element) {
        String quantifier = pick(random, List.of("some", "none", "all", "single"));
        Function<Facts, Boolean> meaning = f -> {
            List<Boolean> each = values.apply(f).stream().map(holds).toList();
            long yes = each.stream().filter(Boolean.TRUE::equals).count();
            return switch (quantifier) {
                case "some" -> yes > 0;
                case "none" -> yes == 0;
                case "all" -> each.stream().allMatch(Boolean.TRUE::equals);
                default -> yes == 1;
            };
        };
        return new Condition(map(field, map(quantifier, element)), meaning);
    }

    private Condition leaf(Random random, LocalDate today) {
        switch (random.nextInt(12)) {
            case 0 -> {
                String word = pick(random, List.of("采", "矿", "测试", "超", "非法", "筛选测试q"));
                String op = pick(random, List.of("contains", "startsWith", "endsWith"));
                return new Condition(map("title", map(op, word)), f -> f.title() == null ? null : switch (op) {
                    case "contains" -> f.title().contains(word);
                    case "startsWith" -> f.title().startsWith(word);
                    default -> f.title().endsWith(word);
                });
            }
            case 1 -> {
                List<String> in = List.of(pick(random, STATUSES), pick(random, STATUSES));
                return new Condition(map("status", map("in", in)), f -> f.status() == null ? null : in.contains(f.status()));
            }
            case 2 -> {
                String severity = pick(random, SEVERITIES);
                return new Condition(map("severity", map("eq", severity)), f -> f.severity() == null ? null : severity.equals(f.severity()));
            }
            case 3 -> {
                LocalDate bound = LocalDate.of(2023, 4, 1).plusDays(random.nextInt(900));
                String op = pick(random, List.of("lt", "lte", "gt", "gte"));
                return new Condition(map("foundOn", map(op, bound.toString())), f -> compare(f.foundOn(), op, bound));
            }
            case 4 -> {
                if (random.nextBoolean()) {
                    return new Condition(map("deadline", map("eq", null)), f -> f.deadline() == null);
                }
                LocalDate bound = LocalDate.of(2023, 6, 1).plusDays(random.nextInt(1500));
                return new Condition(map("deadline", map("lt", bound.toString())), f -> compare(f.deadline(), "lt", bound));
            }
            case 5 -> {
                boolean open = random.nextBoolean();
                Set<String> openStatuses = cn.changjiang.mining.common.IssueStatus.openStatuses().stream().map(Enum::name)
                        .collect(Collectors.toSet());
                if (random.nextBoolean()) {
                    return new Condition(map("open", open), f -> openStatuses.contains(f.status()) == open);
                }
                return new Condition(map("overdue", open), f -> (openStatuses.contains(f.status()) && f.deadline() != null
                        && f.deadline().isBefore(today)) == open);
            }
            case 6 -> {
                String township = pick(random, TOWNSHIPS);
                return new Condition(map("mine", map("township", map("name", map("eq", township)))),
                        f -> township.equals(f.township()));
            }
            case 7 -> {
                String mineral = pick(random, List.of("钨", "瓷石", "萤石", "建筑用石料"));
                return new Condition(map("mine", map("minerals", map("some", map("name", map("eq", mineral))))),
                        f -> f.minerals().contains(mineral));
            }
            case 8 -> {
                String source = pick(random, SOURCES);
                return new Condition(map("source", map("code", map("eq", source))), f -> source.equals(f.source()));
            }
            case 9 -> {
                String prefix = pick(random, List.of("T1.", "T2.", "T3.", "A0", "T2.0"));
                return quantified(random, "violationTypes", Facts::typeCodes, code -> code.startsWith(prefix),
                        map("code", map("startsWith", prefix)));
            }
            case 10 -> {
                String unit = pick(random, UNITS);
                if (random.nextBoolean()) {
                    return quantified(random, "assignedUnits", Facts::units, unit::equals, map("id", map("eq", unit)));
                }
                String role = pick(random, List.of("LEAD", "SUPPORTING"));
                return quantified(random, "assignments", Facts::roles, r -> r.equals(role + "/" + unit),
                        map("role", map("eq", role), "unit", map("id", map("eq", unit))));
            }
            default -> {
                String outcome = pick(random, List.of("EXPOSURE", "PENALTY", "CLOSURE"));
                return quantified(random, "outcomes", Facts::outcomes, outcome::equals, map("code", map("eq", outcome)));
            }
        }
    }

    private Condition tree(Random random, int depth, LocalDate today) {
        int kind = depth >= 2 ? 0 : random.nextInt(5);
        switch (kind) {
            case 1, 2 -> {
                List<Condition> parts = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    parts.add(tree(random, depth + 1, today));
                }
                boolean isAnd = kind == 1;
                return new Condition(map(isAnd ? "AND" : "OR", parts.stream().map(Condition::where).toList()), f -> {
                    Boolean all = isAnd ? Boolean.TRUE : Boolean.FALSE;
                    for (Condition part : parts) {
                        all = isAnd ? and(all, part.holds().apply(f)) : or(all, part.holds().apply(f));
                    }
                    return all;
                });
            }
            case 3 -> {
                Condition inner = tree(random, depth + 1, today);
                return new Condition(map("NOT", inner.where()), f -> not(inner.holds().apply(f)));
            }
            default -> {
                // Two fields side by side in one object hold both.
                Condition first = leaf(random, today);
                Condition second = leaf(random, today);
                if (first.where().keySet().equals(second.where().keySet())) {
                    return first;
                }
                Map<String, Object> both = new LinkedHashMap<>(first.where());
                both.putAll(second.where());
                return new Condition(both, f -> and(first.holds().apply(f), second.holds().apply(f)));
            }
        }
    }

    @Test
    void aWhereStartedFromAUnitsIndexAnswersAsTheSameWhereStartedFromTheProblems() {
        ensureProblems();
        for (Map<String, Object> where : List.of(
                map("assignments", map("some", map("role", map("eq", "LEAD"), "unit", map("id", map("eq", "ECOLOGY"))))),
                map("assignedUnits", map("some", map("id", map("eq", "POLICE"))), "open", true),
                map("AND", List.of(map("mine", map("id", map("eq", made.get("mine")))), map("severity", map("eq", "GENERAL")))),
                map("assignments", map("some", map("unit", map("id", map("eq", "AGRI_WATER"))),
                        "none", map("role", map("eq", "LEAD"), "unit", map("id", map("eq", "POLICE"))))))) {
            // Under OR the same question has nowhere to start but the problems themselves.
            Map<String, Object> unanchored = map("OR", List.of(where));
            List<Map<String, Object>> sort = List.of(map("field", "DEADLINE"), map("field", "FOUND_ON", "direction", "DESC"));
            List<String> anchored = ids(graphQl, where, sort);
            assertThat(anchored).as(where.toString()).isNotEmpty().isEqualTo(ids(graphQl, unanchored, sort));
            String counts = """
                    query($where: IssueWhere) { issueCounts(groupBy: [STATUS], where: $where) { keys count } }""";
            assertThat(graphQl.document(counts).variable("where", where).execute().path("issueCounts").entityList(Map.class).get())
                    .isEqualTo(graphQl.document(counts).variable("where", unanchored).execute().path("issueCounts")
                            .entityList(Map.class).get());
        }
    }

    @Test
    void randomWhereTreesAnswerAsTheirEvaluationInJava() {
        ensureProblems();
        Set<String> universe = Set.copyOf(ids(graphQl, null, null));
        List<Facts> facts = facts(universe);
        assertThat(facts).hasSameSizeAs(universe);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        // Repeat a failure with -Dwhere.seed=<the seed in its message>.
        long seed = Long.getLong("where.seed", System.nanoTime());
        Random random = new Random(seed);
        int nonEmpty = 0;
        for (int n = 0; n < 40; n++) {
            Condition condition = tree(random, 0, today);
            Set<String> expected = facts.stream().filter(f -> Boolean.TRUE.equals(condition.holds().apply(f)))
                    .map(Facts::id).collect(Collectors.toSet());
            List<String> answer = ids(graphQl, condition.where(), null);
            assertThat(answer).as("seed %d, tree %d: %s", seed, n, condition.where()).doesNotHaveDuplicates();
            assertThat(Set.copyOf(answer)).as("seed %d, tree %d: %s", seed, n, condition.where()).isEqualTo(expected);
            nonEmpty += expected.isEmpty() || expected.size() == facts.size() ? 0 : 1;
        }
        assertThat(nonEmpty).as("trees that split the problems, not all or nothing").isGreaterThan(10);
    }
}
