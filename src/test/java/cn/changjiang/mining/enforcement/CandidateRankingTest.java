package cn.changjiang.mining.enforcement;

import java.util.List;
import java.util.Map;

import cn.changjiang.mining.ledger.Issue;
import cn.changjiang.mining.mine.LicenceStatus;
import cn.changjiang.mining.mine.Mine;
import cn.changjiang.mining.mine.MiningMethod;
import cn.changjiang.mining.plan.Unit;
import cn.changjiang.mining.plan.UnitKind;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a ranked mine becomes a candidate, without a database: departments by the problems they must act on, the lead
 * suggested with its reason, and the units a criminal matter brings in.
 */
class CandidateRankingTest {

    private static final Mine MINE = new Mine("m-1", "某矿", "C-1", LicenceStatus.VALID, null, MiningMethod.OPEN_PIT,
            false, null, true, 1);
    private static final Unit NATURAL_RESOURCES = department("NATURAL_RESOURCES", false, 3);
    private static final Unit ECOLOGY = department("ECOLOGY", false, 5);
    private static final Unit EMERGENCY = department("EMERGENCY", false, 1);
    private static final Unit LEAD_OFFICE = department("LEAD_OFFICE", true, 9);
    private static final List<Unit> MUST_JOIN = List.of(department("POLICE", false, 7),
            department("POLITICS_LAW", false, 8));

    @Test
    void shouldLetTheDepartmentWithTheMostProblemsLeadAndListItsProblemsById() {
        JointEnforcementCandidate candidate = JointEnforcement.candidate(row(3, false,
                share(ECOLOGY, "i-2"),
                share(NATURAL_RESOURCES, "i-3", "i-1", "i-2")), MUST_JOIN);

        assertThat(candidate.departmentCount()).isEqualTo(2);
        assertThat(candidate.departments()).extracting(d -> d.unit().id()).containsExactly("NATURAL_RESOURCES", "ECOLOGY");
        assertThat(candidate.departments().getFirst().issues()).extracting(Issue::id).containsExactly("i-1", "i-2", "i-3");
        assertThat(candidate.suggestedLead()).isEqualTo(NATURAL_RESOURCES);
        assertThat(candidate.leadReason()).endsWith("covers 3 of 3 open problems, the most");
        assertThat(candidate.openIssueCount()).isEqualTo(3);
    }

    @Test
    void shouldBreakATieForTheCampaignsLeadUnitThenByTheDocumentsOrder() {
        JointEnforcementCandidate campaignLeadTied = JointEnforcement.candidate(row(2, false,
                share(EMERGENCY, "i-1", "i-2"), share(LEAD_OFFICE, "i-1", "i-2"), share(ECOLOGY, "i-1")), MUST_JOIN);
        assertThat(campaignLeadTied.suggestedLead()).isEqualTo(LEAD_OFFICE);
        assertThat(campaignLeadTied.departments()).extracting(d -> d.unit().id())
                .containsExactly("LEAD_OFFICE", "EMERGENCY", "ECOLOGY");
        assertThat(campaignLeadTied.leadReason()).endsWith("tied at 2 problems; the campaign's lead unit leads");

        JointEnforcementCandidate documentOrder = JointEnforcement.candidate(row(2, false,
                share(ECOLOGY, "i-1", "i-2"), share(EMERGENCY, "i-1", "i-2"), share(NATURAL_RESOURCES, "i-2")), MUST_JOIN);
        assertThat(documentOrder.suggestedLead()).isEqualTo(EMERGENCY);
        assertThat(documentOrder.departments()).extracting(d -> d.unit().id())
                .containsExactly("EMERGENCY", "ECOLOGY", "NATURAL_RESOURCES");
        assertThat(documentOrder.leadReason()).endsWith("tied at 2 problems; first in the document's order");
    }

    @Test
    void shouldBringInThePoliceAndPoliticsAndLawOnlyForACriminalMatter() {
        assertThat(JointEnforcement.candidate(row(1, false, share(ECOLOGY, "i-1")), MUST_JOIN).mustJoin()).isEmpty();
        JointEnforcementCandidate criminal = JointEnforcement.candidate(row(1, true, share(ECOLOGY, "i-1")), MUST_JOIN);
        assertThat(criminal.criminalMatter()).isTrue();
        assertThat(criminal.mustJoin()).isEqualTo(MUST_JOIN);
    }

    @Test
    void shouldMakeEveryRowOfAPageACandidateInRankOrder() {
        CandidatePage page = new CandidatePage(7, List.of(
                row(2, false, share(ECOLOGY, "i-1"), share(EMERGENCY, "i-2")),
                row(1, true, share(NATURAL_RESOURCES, "i-3"))), MUST_JOIN);
        List<JointEnforcementCandidate> candidates = JointEnforcement.candidates(page);
        assertThat(candidates).extracting(JointEnforcementCandidate::departmentCount).containsExactly(2, 1);
        assertThat(candidates).extracting(c -> c.mustJoin().size()).containsExactly(0, 2);
    }

    private static CandidatePage.Row row(int open, boolean criminal, CandidatePage.Department... departments) {
        return new CandidatePage.Row(MINE, List.of(departments), open, 0, 0, criminal, null);
    }

    private static CandidatePage.Department share(Unit unit, String... issueIds) {
        return new CandidatePage.Department(unit, java.util.Arrays.stream(issueIds)
                .map(id -> Issue.from(Values.value(Map.of("id", id)))).toList());
    }

    private static Unit department(String id, boolean campaignLead, int order) {
        return new Unit(id, id, id, List.of(), UnitKind.DEPARTMENT, campaignLead, order);
    }

}
