package cn.changjiang.mining.ledger;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.TestFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change records as an analyst's list ({@code changes}): a {@code where} over the record and over the problem or
 * mine it changed, several sort keys, pages; only the records the reader may read, by the same rules as one record's
 * history; answers compared with the records read from the database and filtered in Java.
 */
class ChangeListTest extends IntegrationTest {

    private static final String LICENCE = "CHANGES-";
    private static final String PAGE = """
            query($where: ChangeWhere, $sort: [ChangeOrder!], $after: String) {
              changes(first: 7, after: $after, where: $where, sort: $sort) {
                totalCount edges { node { id sequence action actor entityId entityType at } }
                pageInfo { hasNextPage endCursor } } }""";

    private static Driver fixtureDriver;
    private static String mine;
    private static final List<String> problems = new ArrayList<>();

    /** A record as the database holds it. */
    record Row(String id, long sequence, String action, String actor, String entityId, String entityType,
               OffsetDateTime at) {
    }

    @BeforeAll
    static void remember(@Autowired Driver driver) {
        fixtureDriver = driver;
        removeFixtures();
    }

    @AfterAll
    static void removeFixtures() {
        TestFixtures.removeRegisteredMines(fixtureDriver, LICENCE);
        problems.clear();
        mine = null;
    }

    /** A mine, three problems at it (two assigned, the police's sent for acceptance), as the office. */
    private void ensureFixtures() {
        if (mine != null) {
            return;
        }
        String registered = graphQl.document("""
                        mutation { registerMine(input: {name: "变更记录测试矿(测试)", licenseNumber: "CHANGES-0001",
                          mineral: "钨", township: "鲇鱼山镇"}) { mine { id } } }""")
                .execute().path("registerMine.mine.id").entity(String.class).get();
        for (String lead : new String[] {"POLICE", "ECOLOGY", null}) {
            String id = graphQl.document("""
                            mutation($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id } } }""")
                    .variable("input", Map.of("mineId", registered, "violationTypeCodes", List.of("T2.01"),
                            "source", "PUBLIC_REPORT", "foundOn", "2023-05-10", "title", "变更记录测试(测试)",
                            "description", "变更记录测试:越界开采(测试)"))
                    .execute().path("reportIssue.issue.id").entity(String.class).get();
            problems.add(id);
            if (lead != null) {
                graphQl.document("""
                                mutation($input: AssignIssueInput!) { assignIssue(input: $input) { issue { id } } }""")
                        .variable("input", Map.of("issueId", id, "leadUnit", lead, "measures", "限期整改",
                                "deadline", "2027-03-31"))
                        .execute().path("assignIssue.issue.id").hasValue();
            }
        }
        graphQl.document("""
                        mutation($id: ID!) { transitionIssue(input: {issueId: $id, to: ACCEPTANCE_REQUESTED}) { issue { status } } }""")
                .variable("id", problems.getFirst()).execute().path("transitionIssue.issue.status").hasValue();
        mine = registered;
    }

    /** The records of the fixtures' mine and problems, from the database, newest first. */
    private List<Row> fixtureRows() {
        List<String> ids = new ArrayList<>(problems);
        ids.add(mine);
        try (Session session = fixtureDriver.session()) {
            return session.run("""
                            MATCH (c:Change) WHERE c.entityId IN $ids
                            RETURN c.id AS id, c.seq AS seq, c.action AS action, c.actor AS actor, c.entityId AS entityId,
                                   c.entityType AS entityType, c.at AS at ORDER BY seq DESC""", Map.of("ids", ids))
                    .list(r -> new Row(r.get("id").asString(), r.get("seq").asLong(), r.get("action").asString(),
                            r.get("actor").asString(), r.get("entityId").asString(), r.get("entityType").asString(),
                            r.get("at").asZonedDateTime().toOffsetDateTime()));
        }
    }

    /** Every record a where answers, page after page, in the order given; the total checked on every page. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> records(GraphQlTester tester, Map<String, Object> where, List<Map<String, Object>> sort) {
        List<Map<String, Object>> records = new ArrayList<>();
        String after = null;
        Integer total = null;
        while (true) {
            GraphQlTester.Response response = tester.document(PAGE).variable("where", where).variable("sort", sort)
                    .variable("after", after).execute();
            for (Object node : response.path("changes.edges[*].node").entityList(Object.class).get()) {
                records.add((Map<String, Object>) node);
            }
            int pageTotal = response.path("changes.totalCount").entity(Integer.class).get();
            assertThat(total == null || total == pageTotal).as("the same total on every page").isTrue();
            total = pageTotal;
            if (!response.path("changes.pageInfo.hasNextPage").entity(Boolean.class).get()) {
                assertThat(records).hasSize(total);
                return records;
            }
            after = response.path("changes.pageInfo.endCursor").entity(String.class).get();
        }
    }

    private static List<String> ids(List<Map<String, Object>> records) {
        return records.stream().map(r -> (String) r.get("id")).toList();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The fixtures' records: those of their problems (by the problem's mine) or of their mine (by its licence). */
    private static Map<String, Object> ofFixtures() {
        Map<String, Object> licence = map("licenceNumber", map("eq", "CHANGES-0001"));
        return map("OR", List.of(map("issue", map("mine", licence)), map("mine", licence)));
    }

    /** The same by the ids of the things changed (an index lookup). */
    private static Map<String, Object> byId() {
        List<String> ids = new ArrayList<>(problems);
        ids.add(mine);
        return map("entityId", map("in", ids));
    }

    @Test
    void theRecordsOfAProblemsMineAndOfTheMineItselfNewestFirst() {
        ensureFixtures();
        List<Row> rows = fixtureRows();
        assertThat(rows).extracting(Row::action).contains("registerMine", "reportIssue", "assignIssue", "transitionIssue");
        assertThat(ids(records(graphQl, ofFixtures(), null))).containsExactlyElementsOf(rows.stream().map(Row::id).toList());
        // Each record leads to what it changed.
        graphQl.document("""
                        query($where: ChangeWhere) { changes(first: 50, where: $where) {
                          edges { node { entityType entityId issue { id mine { id } } mine { id } } } } }""")
                .variable("where", ofFixtures()).execute()
                .path("changes.edges[*].node").entityList(Map.class).satisfies(nodes -> assertThat(nodes)
                        .hasSize(rows.size()).allSatisfy(node -> {
                            Map<?, ?> issue = (Map<?, ?>) node.get("issue");
                            Map<?, ?> changedMine = (Map<?, ?>) node.get("mine");
                            if ("Issue".equals(node.get("entityType"))) {
                                assertThat(issue.get("id")).isEqualTo(node.get("entityId"));
                                assertThat(((Map<?, ?>) issue.get("mine")).get("id")).isEqualTo(mine);
                                assertThat(changedMine).isNull();
                            } else {
                                assertThat(issue).isNull();
                                assertThat(changedMine.get("id")).isEqualTo(mine);
                            }
                        }));
        // Only the problems' records: the relation holds for a record of a problem, never of the mine.
        assertThat(ids(records(graphQl, map("issue", map("mine", map("licenceNumber", map("eq", "CHANGES-0001")))), null)))
                .containsExactlyElementsOf(rows.stream().filter(r -> r.entityType().equals("Issue")).map(Row::id).toList());
        // `issue: null` keeps the records of anything but a problem.
        assertThat(ids(records(graphQl, map("AND", List.of(ofFixtures(), map("issue", null))), null)))
                .containsExactlyElementsOf(rows.stream().filter(r -> !r.entityType().equals("Issue")).map(Row::id).toList());
    }

    @Test
    void theExampleInTheDocsAnswersWithTheFixturesRecords() throws java.io.IOException {
        ensureFixtures();
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("docs/ledger.md"));
        int start = docs.indexOf("```graphql\n{ changes(");
        assertThat(start).as("the example in docs/ledger.md").isPositive();
        String example = docs.substring(start + "```graphql\n".length(), docs.indexOf("```", start + 3));
        List<String> expected = fixtureRows().stream()
                .filter(r -> r.action().equals("assignIssue") || r.action().equals("transitionIssue"))
                .map(Row::id).toList();
        assertThat(expected).hasSize(3);
        graphQl.document(example.replace("first: 20", "first: 100")).execute()
                .path("changes.edges[*].node.issue.id").entityList(String.class).contains(problems.get(0), problems.get(1))
                .path("changes.edges[*].node.action").entityList(String.class)
                .satisfies(actions -> assertThat(actions).containsOnly("assignIssue", "transitionIssue"));
        graphQl.document(example.replace("first: 20", "first: 100").replace("at actor", "id at actor")).execute()
                .path("changes.edges[*].node.id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).containsAll(expected));
    }

    @Test
    void randomWhereTreesAndSortsAnswerAsTheRecordsFilteredInJava() {
        ensureFixtures();
        List<Row> rows = fixtureRows();
        OffsetDateTime middle = rows.get(rows.size() / 2).at();
        // Repeat a failure with -Dwhere.seed=<the seed in its message>.
        long seed = Long.getLong("where.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int n = 0; n < 15; n++) {
            Condition condition = tree(random, 0, middle);
            List<Row> expected = rows.stream().filter(condition.holds()).toList();
            List<Map<String, Object>> sort = List.of(map("field", "ACTION", "direction", "ASC"), map("field", "SEQUENCE"));
            List<String> answer = ids(records(graphQl, map("AND", List.of(byId(), condition.where())), sort));
            assertThat(answer).as("seed %d, tree %d: %s", seed, n, condition.where()).containsExactlyElementsOf(
                    expected.stream().sorted(Comparator.comparing(Row::action)
                            .thenComparing(Comparator.comparingLong(Row::sequence).reversed())).map(Row::id).toList());
        }
    }

    /** A condition as the client sends it and as Java evaluates it. */
    record Condition(Map<String, Object> where, Predicate<Row> holds) {
    }

    private Condition tree(Random random, int depth, OffsetDateTime middle) {
        int pick = random.nextInt(depth >= 2 ? 5 : 8);
        return switch (pick) {
            case 0 -> {
                List<String> actions = List.of("reportIssue", "assignIssue", "transitionIssue", "registerMine").stream()
                        .filter(a -> random.nextBoolean()).toList();
                yield new Condition(map("action", map("in", actions)), r -> actions.contains(r.action()));
            }
            case 1 -> {
                String type = random.nextBoolean() ? "Issue" : "Mine";
                yield new Condition(map("entityType", map("eq", type)), r -> r.entityType().equals(type));
            }
            case 2 -> random.nextBoolean()
                    ? new Condition(map("at", map("gte", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(middle))), r -> !r.at().isBefore(middle))
                    : new Condition(map("at", map("lt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(middle))), r -> r.at().isBefore(middle));
            case 3 -> {
                String id = problems.get(random.nextInt(problems.size()));
                yield new Condition(map("entityId", map("eq", id)), r -> r.entityId().equals(id));
            }
            case 4 -> new Condition(map("action", map("startsWith", "assign")), r -> r.action().startsWith("assign"));
            case 5 -> {
                Condition inner = tree(random, depth + 1, middle);
                yield new Condition(map("NOT", inner.where()), inner.holds().negate());
            }
            default -> {
                Condition one = tree(random, depth + 1, middle);
                Condition other = tree(random, depth + 1, middle);
                yield pick == 6
                        ? new Condition(map("AND", List.of(one.where(), other.where())), one.holds().and(other.holds()))
                        : new Condition(map("OR", List.of(one.where(), other.where())), one.holds().or(other.holds()));
            }
        };
    }

    @Test
    void aUnitOfficerListsTheRecordsOfItsOwnUnitsProblemsOnlyAndCannotFilterOnTheirDetails() {
        ensureFixtures();
        List<Row> rows = fixtureRows();
        Set<String> policeProblems;
        try (Session session = fixtureDriver.session()) {
            policeProblems = Set.copyOf(session.run("""
                    MATCH (i:Issue)-[:ASSIGNED_TO|SUPERVISED_BY]->(:Unit {id: 'POLICE'}) WHERE i.id IN $ids
                    RETURN i.id AS id""", Map.of("ids", problems)).list(r -> r.get("id").asString()));
        }
        assertThat(policeProblems).as("one of the three is the police's").hasSize(1);
        List<String> expected = rows.stream()
                .filter(r -> !r.entityType().equals("Issue") || policeProblems.contains(r.entityId()))
                .map(Row::id).toList();
        assertThat(ids(records(as("police"), ofFixtures(), null))).containsExactlyElementsOf(expected)
                .hasSizeLessThan(rows.size());
        // Whatever the police ask, the problems' records they get are of their own problems.
        as("police").document("query { changes(first: 100, where: {entityType: {eq: \"Issue\"}}) { edges { node { id } } } }")
                .execute().path("changes.edges[*].node.id").entityList(String.class)
                .satisfies(page -> assertThat(page).isNotEmpty()
                        .allSatisfy(id -> assertThat(ownProblemOfPolice(id)).as(id).isTrue()));
        // A problem's description is the police's to read on its own problems only: no filter on it.
        as("police").document(PAGE).variable("where", map("issue", map("description", map("contains", "越界")))).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")))
                .path("changes").pathDoesNotExist();
        anonymous.document(PAGE).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
    }

    private boolean ownProblemOfPolice(String changeId) {
        try (Session session = fixtureDriver.session()) {
            return session.run("""
                    MATCH (c:Change {id: $id})
                    RETURN EXISTS { MATCH (i:Issue {id: c.entityId})-[:ASSIGNED_TO|SUPERVISED_BY]->(:Unit {id: 'POLICE'}) } AS own""",
                    Map.of("id", changeId)).single().get("own").asBoolean();
        }
    }

    /**
     * In sequence order (the default) a cursor is the last record's sequence: a record written between two pages does
     * not shift the second one. A cursor of a list in another order is refused there.
     */
    @Test
    void pagesInSequenceOrderHoldStillWhileRecordsAreWritten() {
        ensureFixtures();
        String document = """
                query($where: ChangeWhere, $after: String, $sort: [ChangeOrder!]) {
                  changes(first: 2, after: $after, where: $where, sort: $sort) {
                    totalCount edges { node { id } } pageInfo { endCursor hasPreviousPage } } }""";
        for (String direction : new String[] {"DESC", "ASC"}) {
            List<Map<String, Object>> sort = direction.equals("DESC") ? null : List.of(map("field", "SEQUENCE", "direction", "ASC"));
            List<String> before = new ArrayList<>(fixtureRows().stream().map(Row::id).toList());
            if (direction.equals("ASC")) {
                java.util.Collections.reverse(before);
            }
            GraphQlTester.Response first = graphQl.document(document).variable("where", byId()).variable("sort", sort).execute();
            first.path("changes.edges[*].node.id").entityList(String.class).containsExactly(before.get(0), before.get(1));
            String cursor = first.path("changes.pageInfo.endCursor").entity(String.class).get();

            graphQl.document("""
                            mutation($input: AssignIssueInput!) { assignIssue(input: $input) { issue { id } } }""")
                    .variable("input", Map.of("issueId", problems.get(1), "measures", "限期整改(" + direction + ")"))
                    .execute().path("assignIssue.issue.id").hasValue();

            GraphQlTester.Response second = graphQl.document(document).variable("where", byId()).variable("sort", sort)
                    .variable("after", cursor).execute();
            second.path("changes.edges[*].node.id").entityList(String.class).containsExactly(before.get(2), before.get(3));
            second.path("changes.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
            second.path("changes.totalCount").entity(Integer.class).isEqualTo(before.size() + 1);
        }
        String byTime = graphQl.document(document).variable("where", byId())
                .variable("sort", List.of(map("field", "AT"))).execute()
                .path("changes.pageInfo.endCursor").entity(String.class).get();
        graphQl.document(document).variable("where", byId()).variable("after", byTime).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e ->
                        assertThat(e.getExtensions()).containsEntry("code", "BAD_REQUEST")));
    }

    /**
     * Without an entityId or at condition at its top level the list checks every record (the schema's @walksAll):
     * each such call costs 2,000, so ten in one request pass the complexity limit; narrowed ones do not.
     */
    @Test
    void aListThatWalksEveryRecordCostsItsWalk() {
        for (Object where : new Object[] {null, Map.of("action", Map.of("eq", "assignIssue")),
                Map.of("OR", List.of(Map.of("entityId", Map.of("eq", "x")), Map.of("at", Map.of("gte", "2026-01-01T00:00:00+08:00"))))}) {
            graphQl.document(aliases(10)).variable("where", where).execute().errors().satisfy(errors ->
                    assertThat(errors).singleElement().satisfies(e ->
                            assertThat(e.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX")));
            graphQl.document(aliases(5)).variable("where", where).execute().path("a4.totalCount").hasValue();
        }
        for (Object where : List.of(Map.of("entityId", Map.of("eq", "x")),
                Map.of("at", Map.of("gte", "2026-01-01T00:00:00+08:00"), "action", Map.of("eq", "assignIssue")))) {
            graphQl.document(aliases(10)).variable("where", where).execute().path("a9.totalCount").hasValue();
        }
    }

    private static String aliases(int count) {
        StringBuilder document = new StringBuilder("query($where: ChangeWhere) {");
        for (int i = 0; i < count; i++) {
            document.append(" a").append(i).append(": changes(first: 1, where: $where) { totalCount }");
        }
        return document.append(" }").toString();
    }

    @Test
    void injectionStringsAndBadInputAreValuesOrClearErrors() {
        ensureFixtures();
        for (String hostile : List.of("') RETURN 1 //", "x' OR 1=1 --", "\"}) MATCH (n) DETACH DELETE n //")) {
            for (Map<String, Object> where : List.of(map("actor", map("eq", hostile)), map("action", map("contains", hostile)),
                    map("entityId", map("in", List.of(hostile))), map("entityType", map("startsWith", hostile)),
                    map("issue", map("title", map("endsWith", hostile))))) {
                assertThat(records(graphQl, map("AND", List.of(byId(), where)), null)).as(where.toString()).isEmpty();
            }
        }
        assertThat(records(graphQl, byId(), null)).as("nothing was touched").hasSize(fixtureRows().size());
        graphQl.document(PAGE).variable("where", map("at", map("gte", "not a moment"))).execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
    }
}
