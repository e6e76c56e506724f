package cn.changjiang.mining.enforcement;

import java.util.List;
import java.util.Map;

import cn.changjiang.mining.SmallGraphTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** 联合执法 on a small graph of the test's own (fixtures/joint-enforcement.cypher), with exact answers. */
class JointEnforcementTest extends SmallGraphTest {

    private static final String CANDIDATES = """
            query($min: Int, $first: Int, $after: String) {
              jointEnforcementCandidates(minDepartments: $min, township: "测试镇(测试)", first: $first, after: $after) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { node {
                  mine { id }
                  departmentCount
                  departments { unit { id } issues { id } }
                  openIssueCount overdueIssueCount seriousIssueCount
                  suggestedLead { id } leadReason
                  criminalMatter mustJoin { id }
                  openAction { id status }
                } }
              }
            }""";

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldRankMinesBySpanOfCompetentDepartmentsAndLeaveOutClosedAndSingleDepartmentOnes() {
        var response = graphQl.document(CANDIDATES).variable("min", 2).execute();
        response.path("jointEnforcementCandidates.totalCount").entity(Integer.class).isEqualTo(2)
                .path("jointEnforcementCandidates.edges[*].node.mine.id").entityList(String.class)
                .isEqualTo(List.of("tf-mine-4", "tf-mine-3"))
                .path("jointEnforcementCandidates.edges[0].node.departmentCount").entity(Integer.class).isEqualTo(4)
                .path("jointEnforcementCandidates.edges[0].node.departments[*].unit.id").entityList(String.class)
                .containsExactly("POLICE", "ECOLOGY", "EMERGENCY", "FORESTRY")
                .path("jointEnforcementCandidates.edges[0].node.departments[0].issues[*].id").entityList(String.class)
                .isEqualTo(List.of("tf-issue-5"))
                .path("jointEnforcementCandidates.edges[0].node.openIssueCount").entity(Integer.class).isEqualTo(3)
                .path("jointEnforcementCandidates.edges[0].node.overdueIssueCount").entity(Integer.class).isEqualTo(1)
                .path("jointEnforcementCandidates.edges[0].node.seriousIssueCount").entity(Integer.class).isEqualTo(1)
                .path("jointEnforcementCandidates.edges[0].node.criminalMatter").entity(Boolean.class).isEqualTo(true)
                .path("jointEnforcementCandidates.edges[0].node.mustJoin[*].id").entityList(String.class)
                .contains("POLICE", "POLITICS_LAW").hasSize(2)
                .path("jointEnforcementCandidates.edges[0].node.suggestedLead.id").entity(String.class).isEqualTo("POLICE")
                .path("jointEnforcementCandidates.edges[1].node.departmentCount").entity(Integer.class).isEqualTo(2)
                .path("jointEnforcementCandidates.edges[1].node.departments[*].unit.id").entityList(String.class)
                .containsExactly("NATURAL_RESOURCES", "AGRI_WATER")
                .path("jointEnforcementCandidates.edges[1].node.criminalMatter").entity(Boolean.class).isEqualTo(false)
                .path("jointEnforcementCandidates.edges[1].node.suggestedLead.id").entity(String.class).isEqualTo("NATURAL_RESOURCES")
                .path("jointEnforcementCandidates.edges[1].node.leadReason").entity(String.class)
                .satisfies(reason -> assertThat(reason).contains("牵头单位"));
        graphQl.document(CANDIDATES).variable("min", 3).execute()
                .path("jointEnforcementCandidates.edges[*].node.mine.id").entityList(String.class).isEqualTo(List.of("tf-mine-4"));
    }

    @Test
    void shouldPageThroughCandidatesWithCursors() {
        var first = graphQl.document(CANDIDATES).variable("min", 2).variable("first", 1).execute();
        first.path("jointEnforcementCandidates.edges[*].node.mine.id").entityList(String.class).isEqualTo(List.of("tf-mine-4"))
                .path("jointEnforcementCandidates.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("jointEnforcementCandidates.pageInfo.endCursor").entity(String.class).get();
        graphQl.document(CANDIDATES).variable("min", 2).variable("first", 1).variable("after", cursor).execute()
                .path("jointEnforcementCandidates.edges[*].node.mine.id").entityList(String.class).isEqualTo(List.of("tf-mine-3"))
                .path("jointEnforcementCandidates.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void shouldAnswerCandidatesInRoundTripsThatDoNotGrowWithTheAnswer() {
        var counter = meters.counter("accountability.cypher.round-trips");
        double before = counter.count();
        graphQl.document(CANDIDATES).variable("min", 2).variable("first", 1).execute().errors().verify();
        double one = counter.count() - before;
        before = counter.count();
        graphQl.document(CANDIDATES).variable("min", 1).variable("first", 10).execute().errors().verify();
        assertThat(counter.count() - before).isEqualTo(one);
    }

    @Test
    void shouldOpenRecordAndCloseAnActionAndRefuseBadInputWithoutWritingAnything() {
        String open = """
                mutation($input: OpenJointEnforcementActionInput!) {
                  openJointEnforcementAction(input: $input) { action { id status leadUnit { id } participatingUnits { id } issues { id } mine { id } plannedOn } }
                }""";
        Map<String, Object> good = Map.of("mineId", "tf-mine-4", "leadUnitId", "POLICE",
                "participatingUnitIds", List.of("EMERGENCY", "ECOLOGY", "FORESTRY", "POLITICS_LAW"),
                "issueIds", List.of("tf-issue-5", "tf-issue-6", "tf-issue-7"), "plannedOn", "2026-12-10");

        assertRefused(open, Map.of("input", with(good, "mineId", "no-such-mine")), "NOT_FOUND");
        assertRefused(open, Map.of("input", with(good, "participatingUnitIds", List.of("SCIENCE_TECH"))), "BAD_REQUEST");
        assertRefused(open, Map.of("input", with(good, "issueIds", List.of("tf-issue-3"))), "BAD_REQUEST");
        assertRefused(open, Map.of("input", with(good, "issueIds", List.of("tf-issue-1"))), "BAD_REQUEST");
        assertThat(actionCount()).isZero();

        var opened = graphQl.document(open).variable("input", good).execute();
        opened.path("openJointEnforcementAction.action.status").entity(String.class).isEqualTo("OPEN")
                .path("openJointEnforcementAction.action.participatingUnits[*].id").entityList(String.class)
                .containsExactly("POLITICS_LAW", "ECOLOGY", "EMERGENCY", "FORESTRY")
                .path("openJointEnforcementAction.action.issues[*].id").entityList(String.class)
                .containsExactly("tf-issue-5", "tf-issue-6", "tf-issue-7");
        String id = opened.path("openJointEnforcementAction.action.id").entity(String.class).get();
        assertRefused(open, Map.of("input", good), "CONFLICT");
        assertThat(actionCount()).isEqualTo(1);

        graphQl.document(CANDIDATES).variable("min", 2).execute()
                .path("jointEnforcementCandidates.edges[0].node.openAction.id").entity(String.class).isEqualTo(id);

        graphQl.document("""
                        mutation($id: ID!) { recordJointEnforcementResult(input: {actionId: $id, inspectedOn: "2026-11-20",
                          findings: "查获违规储存的炸药", penaltyAmount: 50000, penaltyDecisions: ["昌公罚〔2026〕1号"],
                          casesTransferred: 1, mineClosed: false}) { action { status penaltyAmount casesTransferred penaltyDecisions } } }""")
                .variable("id", id).execute()
                .path("recordJointEnforcementResult.action.status").entity(String.class).isEqualTo("RESULT_RECORDED")
                .path("recordJointEnforcementResult.action.casesTransferred").entity(Integer.class).isEqualTo(1);
        String close = "mutation($id: ID!) { closeJointEnforcementAction(input: {actionId: $id, summary: \"完成\"}) { action { status closedAt } } }";
        graphQl.document(close).variable("id", id).execute()
                .path("closeJointEnforcementAction.action.status").entity(String.class).isEqualTo("CLOSED");
        assertRefused(close, Map.of("id", id), "CONFLICT");
        assertRefused(close, Map.of("id", "no-such-action"), "NOT_FOUND");
        graphQl.document(CANDIDATES).variable("min", 2).execute()
                .path("jointEnforcementCandidates.edges[0].node.openAction").valueIsNull();
        graphQl.document("query($id: ID!) { history(id: $id) { action actor changes { field to } } }").variable("id", id).execute()
                .path("history[*].action").entityList(String.class).containsExactly("closeJointEnforcementAction",
                        "recordJointEnforcementResult", "openJointEnforcementAction")
                .path("history[*].actor").entityList(String.class).containsExactly("office", "office", "office");
    }

    private void assertRefused(String document, Map<String, Object> variables, String code) {
        var request = graphQl.document(document);
        variables.forEach(request::variable);
        request.execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getExtensions()).containsEntry("code", code);
        });
    }

    private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
        var copy = new java.util.HashMap<>(input);
        copy.put(key, value);
        return copy;
    }

    private long actionCount() {
        try (var session = fixtureDriver.session()) {
            return session.run("MATCH (a:JointEnforcementAction)-[:FOR_MINE]->(:TestFixture) RETURN count(a) AS n")
                    .single().get("n").asLong();
        }
    }
}
