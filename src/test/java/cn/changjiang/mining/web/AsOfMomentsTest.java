package cn.changjiang.mining.web;

import java.time.Instant;
import java.util.Map;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which moments a document asks for: literals, variables, fragments; only in a query. */
class AsOfMomentsTest {

    @Test
    void shouldFindTheMomentsOfLiteralsVariablesAndFragments() {
        var document = Parser.parse("""
                query Q($t: DateTime) {
                  issueCounts(groupBy: [STATUS], asOf: "2023-06-30T23:59:59+08:00") { count }
                  ...More
                  ... on Query { supervisedIssues(asOf: $t) { id } }
                }
                fragment More on Query { unitScorecards(asOf: $t) { open } }""");
        assertThat(AsOfReads.moments(document, null, Map.of("t", "2023-07-01T00:00:00+08:00")))
                .containsExactly(Instant.parse("2023-06-30T15:59:59Z"), Instant.parse("2023-06-30T16:00:00Z"));
        assertThat(AsOfReads.moments(document, null, Map.of())).containsExactly(Instant.parse("2023-06-30T15:59:59Z"));
    }

    @Test
    void shouldFindNoMomentInAMutationOrAnotherOperation() {
        var document = Parser.parse("""
                query A { issueCounts(groupBy: [STATUS], asOf: "2023-06-30T23:59:59+08:00") { count } }
                query B { issueCounts(groupBy: [STATUS]) { count } }
                mutation C { superviseIssue(input: {issueId: "x", supervised: true}) { issue { id } } }""");
        assertThat(AsOfReads.moments(document, "A", Map.of())).hasSize(1);
        assertThat(AsOfReads.moments(document, "B", Map.of())).isEmpty();
        assertThat(AsOfReads.moments(document, "C", Map.of())).isEmpty();
        assertThat(AsOfReads.moments(document, null, Map.of())).as("no operation chosen among three").isEmpty();
    }
}
