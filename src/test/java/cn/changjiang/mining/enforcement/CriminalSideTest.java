package cn.changjiang.mining.enforcement;

import cn.changjiang.mining.common.IssueStatus;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.SmallGraphTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The police on a problem's criminal side (附件2(六): "依法严厉打击非法开采矿产资源、污染环境等犯罪活动,对相关部门移送的案件,
 * 构成犯罪的,依法及时立案侦查"): counted among the departments a mine needs once the problem is a criminal matter, and
 * the spans kept for earlier data recounted that way by the seed. On the tests' own small graph
 * (fixtures/joint-enforcement.cypher): tf-mine-2 has one open 无证开采 problem (T2.01), found in screening.
 */
class CriminalSideTest extends SmallGraphTest {

    private static final String DEPARTMENTS = """
            { jointEnforcementCandidates(minDepartments: 1, township: "测试镇(测试)", first: 10) {
                edges { node { mine { id } criminalMatter departments { unit { id } } } } } }""";

    @AfterAll
    static void removeChangeRecords() {
        try (var session = fixtureDriver.session()) {
            session.run("MATCH (c:Change) WHERE c.entityId STARTS WITH 'tf-' DELETE c").consume();
        }
    }

    @Test
    void shouldCountThePoliceOnAnUnlicensedMiningProblemOnceItIsReferredForLegalLiability() {
        // Screened, not (yet) a crime: natural resources acts alone, the police's criminal side is not counted.
        graphQl.document(DEPARTMENTS).execute()
                .path("jointEnforcementCandidates.edges[?(@.node.mine.id == 'tf-mine-2')].node.departments[*].unit.id")
                .entityList(String.class).containsExactly("NATURAL_RESOURCES")
                .path("jointEnforcementCandidates.edges[?(@.node.mine.id == 'tf-mine-2')].node.criminalMatter")
                .entityList(Boolean.class).containsExactly(false);
        graphQl.document("{ unitById(id: \"POLICE\") { openIssues { id } } }").execute()
                .path("unitById.openIssues[*].id").entityList(String.class).doesNotContain("tf-issue-3");
        graphQl.document("""
                        mutation { recordOutcome(input: {issueId: "tf-issue-3", outcome: LEGAL_LIABILITY, on: "2020-03-01"}) {
                          issue { id } } }""")
                .execute().errors().verify();
        graphQl.document(DEPARTMENTS).execute()
                .path("jointEnforcementCandidates.edges[?(@.node.mine.id == 'tf-mine-2')].node.departments[*].unit.id")
                .entityList(String.class).contains("NATURAL_RESOURCES", "POLICE").hasSize(2)
                .path("jointEnforcementCandidates.edges[?(@.node.mine.id == 'tf-mine-2')].node.criminalMatter")
                .entityList(Boolean.class).containsExactly(true);
        graphQl.document("{ unitById(id: \"POLICE\") { openIssues { id } } }").execute()
                .path("unitById.openIssues[*].id").entityList(String.class).contains("tf-issue-3");
        graphQl.document("{ whoIsAccountable(for: {mine: \"tf-mine-2\"}) { units { unit { id } roles } } }").execute()
                .path("whoIsAccountable.units[?(@.unit.id == 'POLICE')].roles[*]").entityList(String.class)
                .contains("COMPETENT_SUPPORT");
    }

    @Test
    void shouldKeepEveryMinesSpanAsTheAppCountsIt() {
        try (var session = fixtureDriver.session()) {
            List<String> stale = session.run("""
                    MATCH (m:Mine)
                    WITH m, coalesce(m.departmentSpan, 0) AS kept,
                         COLLECT { MATCH (m)-[:NEEDS_DEPARTMENT]->(u:Unit) RETURN u.id ORDER BY u.id } AS keptUnits,
                         COLLECT { MATCH (i:Issue)-[:AT]->(m) WHERE i.status IN $openStatuses
                                   UNWIND %s AS u WITH DISTINCT u RETURN u.id ORDER BY u.id } AS counted
                    WHERE kept <> size(counted) OR keptUnits <> counted
                    RETURN m.id AS id""".formatted(JointEnforcementCandidate.DEPARTMENTS_OF_ISSUE), IssueStatus.CYPHER_PARAMETERS)
                    .list(r -> r.get("id").asString());
            assertThat(stale).as("mines whose kept departments differ from a recount").isEmpty();
        }
    }
}
