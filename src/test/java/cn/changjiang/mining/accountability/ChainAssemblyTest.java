package cn.changjiang.mining.accountability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import cn.changjiang.mining.accountability.ChainFacts.Assigned;
import cn.changjiang.mining.accountability.ChainFacts.Competent;
import cn.changjiang.mining.accountability.ChainFacts.IssueFacts;
import cn.changjiang.mining.accountability.ChainFacts.Leader;
import cn.changjiang.mining.accountability.ChainFacts.Office;
import cn.changjiang.mining.accountability.ChainFacts.Position;
import cn.changjiang.mining.accountability.ChainFacts.Problem;
import cn.changjiang.mining.accountability.ChainFacts.Responsible;
import cn.changjiang.mining.accountability.ChainFacts.Task;
import cn.changjiang.mining.accountability.ChainFacts.TaskUnit;
import cn.changjiang.mining.accountability.ChainFacts.Territorial;
import cn.changjiang.mining.accountability.ChainFacts.TypeOf;
import cn.changjiang.mining.accountability.ChainFacts.UnitRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Chains built from facts made here: no Spring, no database. */
class ChainAssemblyTest {

    private static final UnitRef POLICE = new UnitRef("POLICE", "公安分局", 3);
    private static final UnitRef EMERGENCY = new UnitRef("EMERGENCY", "应急管理局", 5);
    private static final UnitRef NATURAL = new UnitRef("NATURAL_RESOURCES", "自然资源局", 1);
    private static final UnitRef ECOLOGY = new UnitRef("ECOLOGY", "生态环境局", 4);

    private static IssueFacts explosives() {
        return new IssueFacts(new Problem("i-1", "非法使用炸药", "RECTIFYING"),
                List.of(new TypeOf("T3.02", "second type", 2), new TypeOf("T3.01", "first type", 1)),
                List.of(new Task(3, "打击非法开采", "三(三)", "非法开采")),
                List.of(new Assigned(POLICE, "LEAD")),
                List.of(new Competent(EMERGENCY, "SUPPORT", "附件2(十一)", "配合查处"),
                        new Competent(POLICE, "LEAD", "附件2(七)", "主办查处")),
                List.of(new TaskUnit(ECOLOGY, "SUPPORTING", 2, "三(三)", "牵头单位:…"),
                        new TaskUnit(NATURAL, "LEAD", 1, "三(三)", "牵头单位:…")),
                List.of(new Territorial("TOWNSHIP_A", "石碌镇", "石碌镇人民政府")),
                List.of(new Responsible("p-resp", "责任人", "POLICE")),
                List.of(new Leader("p-principal-police", "公安局长", "PRINCIPAL", "POLICE", null),
                        new Leader("p-deputy-emergency", "应急副局长", "DEPUTY", "EMERGENCY", "成员:应急管理局分管负责同志"),
                        new Leader("p-deputy-police", "公安副局长", "DEPUTY", "POLICE", null)));
    }

    private static ChainFacts withWorkingGroup(List<IssueFacts> issues) {
        return new ChainFacts(issues, new Office("OFFICE", "专班办公室", "专班下设办公室"),
                new Position("OFFICE_DIRECTOR", "办公室主任", "办公室主任由…担任"), NATURAL, List.of(),
                new Position("CONVENER", "召集人", "召集人:主要负责同志"), NATURAL, List.of("张召集"),
                "五(四):严肃追责。");
    }

    private static List<String> keys(List<AccountabilityLink> chain) {
        return chain.stream().map(l -> l.level() + "/" + l.kind() + ":" + l.id() + "/" + l.role()).toList();
    }

    @Test
    void shouldClimbEveryLevelInOrderWithTheGroundsOfEachLink() {
        List<AccountabilityLink> chain = ChainAssembly.assemble(withWorkingGroup(List.of(explosives())));

        assertThat(keys(chain)).containsExactly(
                "0/ISSUE:i-1/RECTIFYING",
                "1/VIOLATION_TYPE:T3.01/null", "1/VIOLATION_TYPE:T3.02/null",
                "2/TASK:3/null",
                "3/UNIT:POLICE/ASSIGNED_LEAD", "3/UNIT:EMERGENCY/COMPETENT_SUPPORT",
                "3/UNIT:NATURAL_RESOURCES/TASK_LEAD", "3/UNIT:ECOLOGY/TASK_SUPPORTING", "3/UNIT:TOWNSHIP_A/TERRITORIAL",
                "4/PERSON:p-resp/RESPONSIBLE_PERSON", "4/PERSON:p-deputy-police/DEPUTY",
                "4/PERSON:p-deputy-emergency/DEPUTY", "4/PERSON:p-principal-police/PRINCIPAL",
                "5/OFFICE:OFFICE/null", "5/POSITION:OFFICE_DIRECTOR/办公室主任",
                "6/POSITION:CONVENER/召集人");
        assertThat(chain).extracting(AccountabilityLink::grounds).containsExactly(
                "问题台账 / recorded in the problem ledger",
                "问题类型 / type of the recorded problem", "问题类型 / type of the recorded problem",
                "三(三)重点整治:非法开采",
                "问题台账交办 / assigned in the ledger", "附件2(十一):配合查处", "三(三)牵头单位:…", "三(三)牵头单位:…",
                "属地管理:矿山位于石碌镇 / the mine lies in this township",
                "问题台账责任人 / responsible person in the ledger", "附件1:分管负责同志",
                "附件1:成员:应急管理局分管负责同志", ChainAssembly.PRINCIPAL_GROUNDS,
                "专班下设办公室", "办公室主任由…担任", "召集人:主要负责同志;五(四):严肃追责。");
        assertThat(chain).filteredOn(l -> l.kind().equals("UNIT")).extracting(AccountabilityLink::unitId)
                .containsExactly("POLICE", "EMERGENCY", "NATURAL_RESOURCES", "ECOLOGY", null);
        assertThat(chain).filteredOn(l -> l.kind().equals("PERSON")).extracting(AccountabilityLink::unitId)
                .containsExactly("POLICE", "POLICE", "EMERGENCY", "POLICE");
        assertThat(chain).filteredOn(l -> l.kind().equals("UNIT") && l.id().equals("TOWNSHIP_A"))
                .extracting(AccountabilityLink::name).containsExactly("石碌镇人民政府");
        assertThat(chain).filteredOn(l -> l.kind().equals("POSITION")).extracting(AccountabilityLink::name)
                .containsExactly("自然资源局分管负责同志", "张召集");
    }

    @Test
    void shouldKeepAUnitReachedTwiceAtItsStrongestPlaceOnly() {
        List<AccountabilityLink> chain = ChainAssembly.assemble(withWorkingGroup(List.of(explosives())));
        assertThat(chain).filteredOn(l -> l.id().equals("POLICE"))
                .singleElement().extracting(AccountabilityLink::role).isEqualTo("ASSIGNED_LEAD");
        assertThat(keys(chain)).doesNotHaveDuplicates();
    }

    @Test
    void shouldLeaveOutTheLevelsThatHaveNoFacts() {
        IssueFacts bare = new IssueFacts(new Problem("i-2", "无类型问题", "PENDING"), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of());
        ChainFacts noGroup = new ChainFacts(List.of(bare), null, null, null, List.of(), null, null, List.of(), null);
        assertThat(keys(ChainAssembly.assemble(noGroup))).containsExactly("0/ISSUE:i-2/PENDING");

        ChainFacts nothing = new ChainFacts(List.of(), null, null, null, List.of(), null, null, List.of(), null);
        assertThat(ChainAssembly.assemble(nothing)).isEmpty();

        ChainFacts convenerOnly = new ChainFacts(List.of(bare), null, null, null, List.of(),
                new Position("CONVENER", "召集人", "召集人:主要负责同志"), NATURAL, List.of(), null);
        assertThat(ChainAssembly.assemble(convenerOnly)).last()
                .satisfies(l -> assertThat(l.name()).isEqualTo("自然资源局主要负责同志"))
                .satisfies(l -> assertThat(l.grounds()).isEqualTo("召集人:主要负责同志"));
    }

    @Test
    void shouldGiveTheSameChainWhateverTheOrderTheFactsComeIn() {
        IssueFacts facts = explosives();
        List<AccountabilityLink> expected = ChainAssembly.assemble(withWorkingGroup(List.of(facts)));
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            IssueFacts shuffled = new IssueFacts(facts.issue(), shuffle(facts.types(), random),
                    shuffle(facts.tasks(), random), shuffle(facts.assigned(), random), shuffle(facts.competent(), random),
                    shuffle(facts.taskUnits(), random), shuffle(facts.territorial(), random),
                    shuffle(facts.responsible(), random), shuffle(facts.leaders(), random));
            assertThat(ChainAssembly.assemble(withWorkingGroup(List.of(shuffled)))).isEqualTo(expected);
        }
    }

    @Test
    void shouldOrderPeopleByRoleThenTheirUnitsPlaceThenId() {
        IssueFacts issue = new IssueFacts(new Problem("i-3", "多人", "PENDING"), List.of(), List.of(),
                List.of(new Assigned(ECOLOGY, "LEAD"), new Assigned(POLICE, "SUPPORTING")), List.of(), List.of(),
                List.of(),
                List.of(),
                List.of(new Leader("b", "乙", "PRINCIPAL", "POLICE", null),
                        new Leader("a", "甲", "PRINCIPAL", "POLICE", null),
                        new Leader("z", "丙", "PRINCIPAL", "ECOLOGY", null),
                        new Leader("y", "丁", "DEPUTY", "OUTSIDE", null),
                        new Leader("x", "戊", "DEPUTY", "POLICE", null)));
        List<AccountabilityLink> people = ChainAssembly.assemble(new ChainFacts(List.of(issue), null, null, null,
                List.of(), null, null, List.of(), null)).stream().filter(l -> l.kind().equals("PERSON")).toList();
        // Deputies first; the deputy of a unit outside the chain after those of its units; ECOLOGY leads, so its
        // principal comes before POLICE's, whose two principals are ordered by id.
        assertThat(people).extracting(AccountabilityLink::id).containsExactly("x", "y", "z", "a", "b");
    }

    /**
     * Units of a generated or imported district may have no place in the plan: they come after those with one, as
     * Cypher's ORDER BY puts nulls last (the benchmark's hand-written W1 does), then by id; and their people follow them.
     */
    @Test
    void shouldPutCompetentUnitsWithoutAPlaceInThePlanAfterTheOthersAndTheirPeopleToo() {
        UnitRef unplacedA = new UnitRef("D9_A", "无序单位甲", null);
        UnitRef unplacedB = new UnitRef("D9_B", "无序单位乙", null);
        IssueFacts issue = new IssueFacts(new Problem("i-5", "无序", "PENDING"), List.of(), List.of(), List.of(),
                List.of(new Competent(unplacedB, "LEAD", "附件2(七)", "主办"), new Competent(POLICE, "LEAD", "附件2(七)", "主办"),
                        new Competent(unplacedA, "LEAD", "附件2(七)", "主办")),
                List.of(), List.of(), List.of(),
                List.of(new Leader("p1", "甲", "PRINCIPAL", "D9_A", null), new Leader("p2", "乙", "PRINCIPAL", "D9_B", null),
                        new Leader("p3", "丙", "PRINCIPAL", "POLICE", null)));
        for (List<Competent> competent : List.of(issue.competent(), issue.competent().reversed())) {
            IssueFacts facts = new IssueFacts(issue.issue(), List.of(), List.of(), List.of(), competent, List.of(),
                    List.of(), List.of(), issue.leaders().reversed());
            List<AccountabilityLink> chain = ChainAssembly.assemble(new ChainFacts(List.of(facts), null, null, null,
                    List.of(), null, null, List.of(), null));
            assertThat(chain).filteredOn(l -> l.level() > 0).extracting(AccountabilityLink::id)
                    .containsExactly("POLICE", "D9_A", "D9_B", "p3", "p1", "p2");
        }
    }

    @Test
    void shouldKeepAPersonWhoIsAlsoTheResponsiblePersonOnceAsResponsible() {
        IssueFacts issue = new IssueFacts(new Problem("i-4", "同一人", "PENDING"), List.of(), List.of(),
                List.of(new Assigned(POLICE, "LEAD")), List.of(), List.of(), List.of(),
                List.of(new Responsible("p", "某人", "POLICE")),
                List.of(new Leader("p", "某人", "DEPUTY", "POLICE", null)));
        assertThat(ChainAssembly.assemble(new ChainFacts(List.of(issue), null, null, null, List.of(), null, null,
                List.of(), null))).filteredOn(l -> l.kind().equals("PERSON"))
                .singleElement().extracting(AccountabilityLink::role).isEqualTo("RESPONSIBLE_PERSON");
    }

    @Test
    void shouldMergeSeveralProblemsEarlierProblemsFirstWithinEachLevel() {
        IssueFacts first = new IssueFacts(new Problem("i-a", "先", "PENDING"), List.of(new TypeOf("T9", "九", 1)),
                List.of(), List.of(new Assigned(POLICE, "LEAD")), List.of(), List.of(), List.of(), List.of(),
                List.of(new Leader("p-police", "警", "PRINCIPAL", "POLICE", null)));
        IssueFacts second = new IssueFacts(new Problem("i-b", "后", "PENDING"), List.of(new TypeOf("T1", "一", 1)),
                List.of(), List.of(new Assigned(ECOLOGY, "LEAD"), new Assigned(POLICE, "SUPPORTING")), List.of(),
                List.of(), List.of(), List.of(),
                List.of(new Leader("p-eco", "环", "DEPUTY", "ECOLOGY", null),
                        new Leader("p-police", "警", "PRINCIPAL", "POLICE", null)));
        List<AccountabilityLink> chain = ChainAssembly.assemble(new ChainFacts(List.of(first, second), null, null, null,
                List.of(), null, null, List.of(), null));
        assertThat(keys(chain)).containsExactly("0/ISSUE:i-a/PENDING", "0/ISSUE:i-b/PENDING",
                "1/VIOLATION_TYPE:T9/null", "1/VIOLATION_TYPE:T1/null",
                "3/UNIT:POLICE/ASSIGNED_LEAD", "3/UNIT:ECOLOGY/ASSIGNED_LEAD",
                "4/PERSON:p-police/PRINCIPAL", "4/PERSON:p-eco/DEPUTY");
    }

    @Test
    void shouldReadTheNumeralOfATasksClause() {
        assertThat(ChainAssembly.numeral("三(七)")).isEqualTo("七");
    }

    private static <T> List<T> shuffle(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }
}
