package cn.changjiang.mining.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The read API as clients use it: navigation both ways, paging, errors, documentation, and round trips. */
class ReadApiTest extends IntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void shouldReportNoUnmappedFieldsOrArgumentsAtStart() {
        assertThat(schemaReport.get()).as("schema inspection report").isNotNull();
        assertThat(schemaReport.get().unmappedFields()).isEmpty();
        assertThat(schemaReport.get().unmappedArguments()).isEmpty();
        assertThat(schemaReport.get().unmappedRegistrations()).isEmpty();
    }

    @Test
    void shouldDescribeEveryTypeFieldAndEnumValueInChineseAndEnglish() {
        List<String> undocumented = new ArrayList<>();
        for (var type : graphQlSource.schema().getAllTypesAsList()) {
            if (type.getName().startsWith("__") || type instanceof graphql.schema.GraphQLScalarType scalar
                    && List.of("String", "Int", "Float", "Boolean", "ID").contains(scalar.getName())) {
                continue;
            }
            if (!(type instanceof graphql.schema.GraphQLNamedSchemaElement named) || !bilingual(named.getDescription())) {
                undocumented.add(type.getName());
            }
            if (type instanceof graphql.schema.GraphQLObjectType object) {
                object.getFieldDefinitions().stream().filter(f -> !bilingual(f.getDescription()))
                        .forEach(f -> undocumented.add(type.getName() + "." + f.getName()));
            }
            if (type instanceof graphql.schema.GraphQLEnumType enumType) {
                enumType.getValues().stream().filter(v -> !bilingual(v.getDescription()))
                        .forEach(v -> undocumented.add(type.getName() + "." + v.getName()));
            }
        }
        assertThat(undocumented).isEmpty();
    }

    private static boolean bilingual(String description) {
        return description != null && description.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)
                && description.matches("(?s).*[A-Za-z]{3,}.*");
    }

    @Test
    void shouldNavigateFromTaskToUnitsAndBackToTheirTasks() {
        var response = graphQl.document("""
                { task(number: 6) { number leadUnit { name } responsibleUnits { id name tasks { number } } } }""").execute();
        response.path("task.leadUnit.name").entity(String.class).isEqualTo("区应急局");
        List<Map<String, Object>> units = response.path("task.responsibleUnits").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(units).hasSize(2);
        for (Map<String, Object> unit : units) {
            List<Map<String, Object>> tasks = (List<Map<String, Object>>) unit.get("tasks");
            assertThat(tasks).extracting(t -> t.get("number")).contains(6);
        }
    }

    @Test
    void shouldFindAUnitByAnyNameTheDocumentUses() {
        graphQl.document("{ a: unit(name: \"区市场监管局\") { id } b: unit(name: \"区市场监督管理局\") { id } c: unit(name: \"不存在的单位\") { id } }")
                .execute()
                .path("a.id").entity(String.class).isEqualTo("MARKET")
                .path("b.id").entity(String.class).isEqualTo("MARKET")
                .path("c").valueIsNull();
    }

    @Test
    void shouldPageThroughAllMinesWithoutGapsOrRepeats() {
        int total = graphQl.document("{ mines(first: 1) { totalCount edges { cursor } } }").execute()
                .path("mines.edges").entityList(Object.class).hasSize(1)
                .path("mines.totalCount").entity(Integer.class).get();
        assertThat(total).isGreaterThan(5);
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            var page = graphQl.document("query($after: String) { mines(first: 5, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } totalCount } }")
                    .variable("after", after).execute();
            seen.addAll(page.path("mines.edges[*].node.id").entityList(String.class).get());
            hasNext = page.path("mines.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("mines.pageInfo.endCursor").entity(String.class).get();
            page.path("mines.totalCount").entity(Integer.class).isEqualTo(total);
        }
        assertThat(seen).hasSize(total).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void shouldRefuseBadPagingArgumentsWithACode() {
        graphQl.document("{ mines(first: 0) { totalCount } }").execute()
                .errors().satisfy(errors -> assertThat(errors.getFirst().getExtensions()).containsEntry("code", "BAD_REQUEST"));
        graphQl.document("{ mines(first: 101) { totalCount } }").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.getFirst().getExtensions()).containsEntry("code", "BAD_REQUEST");
                });
        graphQl.document("{ issues(after: \"not-a-cursor\") { totalCount } }").execute()
                .errors().satisfy(errors -> assertThat(errors.getFirst().getExtensions()).containsEntry("code", "BAD_REQUEST"));
        String mineCursor = graphQl.document("{ mines(first: 1) { pageInfo { endCursor } } }").execute()
                .path("mines.pageInfo.endCursor").entity(String.class).get();
        graphQl.document("query($c: String) { issues(after: $c) { totalCount } }").variable("c", mineCursor).execute()
                .errors().satisfy(errors -> assertThat(errors.getFirst().getExtensions()).containsEntry("code", "BAD_REQUEST"));
    }

    @Test
    void shouldCodeSyntaxAndValidationErrors() {
        graphQl.document("{ tasks { number ").execute()
                .errors().satisfy(errors -> assertThat(errors.getFirst().getExtensions()).containsEntry("code", "GRAPHQL_PARSE_FAILED"));
        graphQl.document("{ tasks { noSuchField } }").execute()
                .errors().satisfy(errors -> assertThat(errors.getFirst().getExtensions()).containsEntry("code", "GRAPHQL_VALIDATION_FAILED"));
    }

    @Test
    void shouldTellOpenAndOverdueProblemsApart() {
        var issues = graphQl.document("{ issues(first: 100) { edges { node { id status open overdue deadline } } } }").execute()
                .path("issues.edges[*].node").entityList(Map.class).get();
        assertThat(issues).isNotEmpty();
        for (Map<String, Object> issue : issues) {
            boolean finished = List.of("CLOSED", "SHUT_DOWN").contains(issue.get("status"));
            assertThat(issue.get("open")).as("open of %s", issue.get("id")).isEqualTo(!finished);
            if (finished) {
                assertThat(issue.get("overdue")).isEqualTo(false);
            }
        }
        assertThat(issues).anyMatch(i -> Boolean.TRUE.equals(i.get("overdue")))
                .anyMatch(i -> Boolean.TRUE.equals(i.get("open")) && Boolean.FALSE.equals(i.get("overdue")));
    }

    @Test
    void shouldSpanSeveralCompetentDepartmentsAtSomeDemoMines() {
        var mines = graphQl.document("""
                { mines(first: 100) { edges { node { id synthetic issues { open synthetic violationTypes { competentUnits { id } } } } } } }""")
                .execute().path("mines.edges[*].node").entityList(Map.class).get();
        long spanning = mines.stream().filter(mine -> {
            var units = new HashSet<Object>();
            for (Map<String, Object> issue : (List<Map<String, Object>>) mine.get("issues")) {
                if (mine.get("id").toString().startsWith("demo-")) {
                    assertThat(issue.get("synthetic")).isEqualTo(true);
                }
                if (Boolean.TRUE.equals(issue.get("open"))) {
                    for (Map<String, Object> type : (List<Map<String, Object>>) issue.get("violationTypes")) {
                        ((List<Map<String, Object>>) type.get("competentUnits")).forEach(u -> units.add(u.get("id")));
                    }
                }
            }
            return units.size() >= 2;
        }).count();
        assertThat(mines).filteredOn(m -> m.get("id").toString().startsWith("demo-"))
                .isNotEmpty().allMatch(m -> Boolean.TRUE.equals(m.get("synthetic")));
        assertThat(spanning).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldNotGrowRoundTripsWithTheSizeOfTheAnswer() {
        String deep = """
                query($n: Int) { mines(first: $n, filter: {hasOpenIssues: true}) { edges { node { name township { name } minerals { name }
                  issues { title mine { id } assignedUnits { name duties { text } } responsiblePerson { name unit { name } }
                           violationTypes { code tasks { number } competence { unit { name } } } } } } } }""";
        // At most one round trip per field of the document that reads related data (the page itself, township,
        // minerals, issues, mine, assignedUnits, duties, responsiblePerson, unit, violationTypes, tasks, competence,
        // unit): a bound set by the document alone. A field none of a page's parents has is not asked at all, so two
        // pages may differ by such fields (mines other tests registered come first by id), never by their length.
        int fieldsReadingRelatedData = 13;
        for (int first : new int[] {1, 12, 24}) {
            double trips = roundTrips(deep, first);
            assertThat(trips).as("round trips for a page of " + first)
                    .isGreaterThan(0).isLessThanOrEqualTo(fieldsReadingRelatedData);
        }
    }

    private double roundTrips(String document, int first) {
        return roundTrips(graphQl, document, first);
    }

    private double roundTrips(org.springframework.graphql.test.tester.GraphQlTester tester, String document, int first) {
        var counter = meters.counter("accountability.cypher.round-trips");
        double before = counter.count();
        tester.document(document).variable("n", first).execute().errors().verify();
        return counter.count() - before;
    }

    /** A page of problems with its mine, units and responsible person (the benchmark's W5) in one round trip. */
    private static final String PAGE_WITH_RELATED = """
            query($n: Int) { issues(first: $n) { totalCount edges { node {
              id title status foundOn mine { id name }
              assignments { role unit { id name } } assignedUnits { id } responsiblePerson { id name } } } } }""";

    @Test
    void shouldReadAPageWithItsRelatedFieldsInOneRoundTripHoweverLong() {
        assertThat(roundTrips(PAGE_WITH_RELATED, 1)).isEqualTo(1);
        assertThat(roundTrips(PAGE_WITH_RELATED, 50)).isEqualTo(1);
        String sorted = PAGE_WITH_RELATED.replace("issues(first: $n)", "issues(first: $n, orderBy: {field: FOUND_ON, direction: DESC})");
        assertThat(roundTrips(sorted, 1)).isEqualTo(1);
        assertThat(roundTrips(sorted, 50)).isEqualTo(1);
        // A unit officer, who reads the person of its own unit's problems only, is answered in one round trip too.
        assertThat(roundTrips(as("ecology"), PAGE_WITH_RELATED, 50)).isEqualTo(1);
        String mines = "query($n: Int) { mines(first: $n) { totalCount edges { node { id township { name } minerals { name } } } } }";
        assertThat(roundTrips(mines, 1)).isEqualTo(1);
        assertThat(roundTrips(mines, 50)).isEqualTo(1);
        assertThat(roundTrips(mines.replace("mines(first: $n)", "mines(first: $n, orderBy: {field: NAME})"), 50)).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldAnswerAPagesRelatedFieldsAsTheFieldsOfOneProblemAreAnswered() {
        for (String user : List.of("office", "ecology")) {
            var tester = as(user);
            List<Map<String, Object>> page = tester.document(PAGE_WITH_RELATED).variable("n", 50).execute()
                    .path("issues.edges[*].node").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
            assertThat(page).isNotEmpty();
            boolean hidden = false;
            for (Map<String, Object> fromPage : page) {
                Map<String, Object> alone = tester.document("""
                        query($id: ID!) { issue(id: $id) { id title status foundOn mine { id name }
                          assignments { role unit { id name } } assignedUnits { id } responsiblePerson { id name } } }""")
                        .variable("id", fromPage.get("id")).execute().path("issue").entity(Map.class).get();
                assertThat(fromPage).as(user + " " + fromPage.get("id")).isEqualTo(alone);
                hidden |= fromPage.get("responsiblePerson") == null;
            }
            if (user.equals("ecology")) {
                assertThat(hidden).as("the unit officer does not read the person of every problem").isTrue();
            }
        }
    }

    @Test
    void shouldAnswerEveryRegisteredExampleWithoutErrors() throws Exception {
        var documents = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath*:trusted-documents/*.graphql");
        assertThat(documents).hasSizeGreaterThanOrEqualTo(7);
        for (var document : documents) {
            graphQl.document(document.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).execute()
                    .errors().verify();
        }
    }
}
