package cn.changjiang.mining.accountability;

import java.util.List;
import java.util.Map;

import cn.changjiang.mining.SmallGraphTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Chains of accountability and "who is accountable for X", on the tests' own small graph. */
class AccountabilityTest extends SmallGraphTest {

    private static final String CHAIN = "query($id: ID!) { accountabilityChain(issueId: $id) { level kind id name role grounds unitId } }";

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> chain(String issueId) {
        return graphQl.document(CHAIN).variable("id", issueId).execute()
                .path("accountabilityChain").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
    }

    @Test
    void shouldClimbFromAnExplosivesProblemToTheConvenerWithGroundsAtEveryStep() {
        List<Map<String, Object>> links = chain("tf-issue-5");
        assertThat(links).extracting(l -> (Integer) l.get("level")).isSorted();
        assertThat(links.getFirst()).containsEntry("kind", "ISSUE").containsEntry("id", "tf-issue-5");
        assertThat(links.get(1)).containsEntry("kind", "VIOLATION_TYPE").containsEntry("id", "T3.01");
        assertThat(links.get(2)).containsEntry("kind", "TASK").containsEntry("id", "3");
        List<Map<String, Object>> units = links.stream().filter(l -> l.get("kind").equals("UNIT")).toList();
        assertThat(units).extracting(l -> l.get("id") + "/" + l.get("role")).startsWith(
                "POLICE/ASSIGNED_LEAD", "EMERGENCY/COMPETENT_SUPPORT", "NATURAL_RESOURCES/TASK_LEAD");
        assertThat(units.get(1).get("grounds").toString()).startsWith("附件2(十一):配合自然资源和规划局、公安部门");
        assertThat(units).extracting(l -> l.get("role")).contains("TASK_SUPPORTING", "TERRITORIAL");
        assertThat(units.getLast()).containsEntry("role", "TERRITORIAL");
        List<Map<String, Object>> people = links.stream().filter(l -> l.get("kind").equals("PERSON")).toList();
        assertThat(people.getFirst()).containsEntry("id", "tf-person-police").containsEntry("role", "RESPONSIBLE_PERSON");
        assertThat(people).extracting(l -> l.get("role")).contains("DEPUTY", "PRINCIPAL");
        Map<String, Object> convener = links.getLast();
        assertThat(convener).containsEntry("level", 6).containsEntry("id", "CONVENER").containsEntry("role", "召集人");
        assertThat(convener.get("grounds").toString()).contains("召集人:市自然资源和规划局昌江分局主要负责同志")
                .contains("五(四):对责任落实不到位、工作不力的,将依纪依法严肃追责。");
        assertThat(links.get(links.size() - 2)).containsEntry("id", "OFFICE_DIRECTOR");
        assertThat(links).allSatisfy(l -> assertThat(l.get("grounds")).isNotNull());
        assertThat(links).extracting(l -> l.get("kind") + ":" + l.get("id")).doesNotHaveDuplicates();
    }

    @Test
    void shouldListBothTasksWhenAProblemsTypeIsCoveredByTwo() {
        List<Map<String, Object>> links = chain("tf-issue-7");
        assertThat(links).filteredOn(l -> l.get("kind").equals("TASK")).extracting(l -> l.get("id"))
                .containsExactlyInAnyOrder("91", "92");
        assertThat(links).filteredOn(l -> l.get("kind").equals("UNIT")).extracting(l -> l.get("id") + "/" + l.get("role"))
                .startsWith("FORESTRY/COMPETENT_LEAD").contains("EMERGENCY/TASK_SUPPORTING")
                .filteredOn(s -> s.startsWith("FORESTRY")).hasSize(1);
    }

    @Test
    void shouldRefuseAChainForAnUnknownProblem() {
        graphQl.document(CHAIN).variable("id", "no-such-issue").execute()
                .errors().satisfy(errors -> assertThat(errors.getFirst().getExtensions()).containsEntry("code", "NOT_FOUND"));
    }

    @Test
    void shouldMergeTheChainsOfAMinesOpenProblems() {
        var links = graphQl.document("{ mineAccountabilityChain(mineId: \"tf-mine-4\") { kind id } }").execute()
                .path("mineAccountabilityChain").entityList(Map.class).get();
        assertThat(links).filteredOn(l -> l.get("kind").equals("ISSUE")).extracting(l -> l.get("id"))
                .containsExactly("tf-issue-5", "tf-issue-6", "tf-issue-7");
        graphQl.document("{ mineAccountabilityChain(mineId: \"tf-mine-1\") { kind id } }").execute()
                .path("mineAccountabilityChain[*].kind").entityList(String.class).doesNotContain("ISSUE", "UNIT");
    }

    @Test
    void shouldSayWhoIsAccountableForAMineWithEveryRoleOfEachUnitOnce() {
        var response = graphQl.document("""
                { whoIsAccountable(for: {mine: "tf-mine-3"}) { subject units { unit { id } roles grounds people { id } } people { id } } }""")
                .execute();
        List<String> units = response.path("whoIsAccountable.units[*].unit.id").entityList(String.class).get();
        assertThat(units).doesNotHaveDuplicates().startsWith("NATURAL_RESOURCES", "AGRI_WATER").contains("TOWNSHIPS");
        response.path("whoIsAccountable.units[0].roles").entityList(String.class)
                .containsExactly("ASSIGNED_LEAD", "COMPETENT_LEAD", "DUTY_HOLDER", "TASK_LEAD")
                .path("whoIsAccountable.units[1].roles").entityList(String.class)
                .containsExactly("ASSIGNED_SUPPORTING", "TASK_SUPPORTING");
    }

    @Test
    void shouldSayWhoIsAccountableForAViolationTypeAndATask() {
        graphQl.document("{ whoIsAccountable(for: {violationType: \"T3.01\"}) { units { unit { id } roles } } }").execute()
                .path("whoIsAccountable.units[0].unit.id").entity(String.class).isEqualTo("POLICE")
                .path("whoIsAccountable.units[0].roles").entityList(String.class)
                .containsExactly("COMPETENT_LEAD", "DUTY_HOLDER", "TASK_SUPPORTING");
        graphQl.document("{ whoIsAccountable(for: {task: 4}) { units { unit { id } roles } } }").execute()
                .path("whoIsAccountable.units[*].unit.id").entityList(String.class)
                .containsExactly("NATURAL_RESOURCES", "TOWNSHIPS");
    }

    @Test
    void shouldRefuseAnAmbiguousOrUnknownSubject() {
        graphQl.document("{ whoIsAccountable(for: {task: 1, mine: \"tf-mine-1\"}) { subject } }").execute()
                .errors().satisfy(errors -> assertThat(errors.getFirst().getExtensions()).containsEntry("code", "BAD_REQUEST"));
        graphQl.document("{ whoIsAccountable(for: {mine: \"no-such-mine\"}) { subject } }").execute()
                .errors().satisfy(errors -> assertThat(errors.getFirst().getExtensions()).containsEntry("code", "NOT_FOUND"));
    }

    @Test
    void shouldShowWhatAUnitFoundByAliasAndAPersonAnswerFor() {
        graphQl.document("""
                        { unit(name: "区农水局") { id openIssues { id } mines { id } violationTypes { code } }
                          person(id: "tf-person-police") { openIssues { id } overdueIssues { id } mines { id } } }""")
                .execute()
                .path("unit.id").entity(String.class).isEqualTo("AGRI_WATER")
                .path("unit.openIssues[*].id").entityList(String.class).contains("tf-issue-4")
                .path("unit.mines[*].id").entityList(String.class).contains("tf-mine-3")
                .path("unit.violationTypes[*].code").entityList(String.class).contains("T1.06", "T2.10", "A10.01")
                .path("person.openIssues[*].id").entityList(String.class).isEqualTo(List.of("tf-issue-5"))
                .path("person.overdueIssues").entityList(Object.class).hasSize(0)
                .path("person.mines[*].id").entityList(String.class).isEqualTo(List.of("tf-mine-4"));
    }

    @Test
    void shouldScoreUnitsOnTheProblemsFoundInAPeriod() {
        var cards = graphQl.document("""
                { unitScorecards(from: "2020-01-01", to: "2020-12-31") { unit { id } assigned open overdue closedOnTime closedLate mines { id } } }""")
                .execute().path("unitScorecards").entityList(Map.class).get();
        Map<Object, Map> byUnit = new java.util.HashMap<>();
        cards.forEach(c -> byUnit.put(((Map) c.get("unit")).get("id"), c));
        assertThat(byUnit.get("POLICE")).containsEntry("assigned", 2).containsEntry("open", 1).containsEntry("overdue", 0)
                .containsEntry("closedOnTime", 1).containsEntry("closedLate", 0);
        assertThat(byUnit.get("ECOLOGY")).containsEntry("assigned", 2).containsEntry("open", 1).containsEntry("overdue", 1)
                .containsEntry("closedOnTime", 0).containsEntry("closedLate", 1);
        assertThat(byUnit.get("NATURAL_RESOURCES")).containsEntry("assigned", 2).containsEntry("open", 2);
        assertThat(byUnit.get("MARKET")).containsEntry("assigned", 0);
        assertThat((List<?>) byUnit.get("POLICE").get("mines")).hasSize(2);
    }
}
