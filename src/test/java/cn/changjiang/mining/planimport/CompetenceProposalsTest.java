package cn.changjiang.mining.planimport;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.changjiang.mining.planimport.CompetenceProposal.Basis;
import cn.changjiang.mining.planimport.CompetenceProposal.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@link CompetenceProposals}: annex-2 duty sentences matched to the tasks' problems by their words. */
class CompetenceProposalsTest {

    private static final String PLAN = """
            三、主要任务
            （一）规范生产经营。重点整治非法储存、运输、使用民用爆炸物品；无照经营；未落实水土保持措施；超层越界开采等问题。（责任单位：区自然资源局、区公安局、区应急局、区市场监管局、区水利局）
            附件2：
            部门职能分工
            （一）区公安局：负责依法查处非法运输、使用民用爆炸物品等行为。
            （二）区市场监管局：按照法定职责分工对无照经营行为进行查处。
            （三）区水利局：负责监督矿山企业落实水土保持方案。
            （四）区应急局：配合区自然资源局、区公安局严厉打击违法违规储存、运输民用爆炸物品行为。
            （五）区教育局：负责宣传教育。
            """;

    private final UnitNames names = new UnitNames(List.of(
            new KnownUnit("NATURAL_RESOURCES", "区自然资源局", List.of()),
            new KnownUnit("POLICE", "区公安局", List.of()),
            new KnownUnit("EMERGENCY", "区应急局", List.of()),
            new KnownUnit("MARKET", "区市场监督管理局", List.of("区市场监管局")),
            new KnownUnit("WATER", "区水利局", List.of()),
            new KnownUnit("EDUCATION", "区教育局", List.of())));

    @Test
    void proposesTheUnitsWhoseDutiesNameTheProblem() {
        List<CompetenceProposal> proposals = CompetenceProposals.propose(new PlanReader().read(PLAN), names);
        assertThat(proposals).filteredOn(p -> p.problem().equals("非法储存、运输、使用民用爆炸物品"))
                .extracting(CompetenceProposal::unitId, CompetenceProposal::role, CompetenceProposal::basis)
                .containsExactlyInAnyOrder(tuple("POLICE", Role.LEAD, Basis.ANNEX_2), tuple("EMERGENCY", Role.SUPPORT, Basis.ANNEX_2),
                        tuple("NATURAL_RESOURCES", Role.LEAD, Basis.ANNEX_2));
        assertThat(proposals).filteredOn(p -> p.problem().equals("无照经营"))
                .extracting(CompetenceProposal::unitId, CompetenceProposal::clause, CompetenceProposal::quote)
                .containsExactly(tuple("MARKET", "附件2(二)", "按照法定职责分工对无照经营行为进行查处"));
        assertThat(proposals).filteredOn(p -> p.problem().equals("未落实水土保持措施"))
                .extracting(CompetenceProposal::unitId).containsExactly("WATER");
    }

    @Test
    void fallsBackToTheTaskLeadWhereNoDutyNamesTheProblem() {
        List<CompetenceProposal> proposals = CompetenceProposals.propose(new PlanReader().read(PLAN), names);
        assertThat(proposals).filteredOn(p -> p.problem().equals("超层越界开采"))
                .extracting(CompetenceProposal::unitId, CompetenceProposal::basis, CompetenceProposal::quote)
                .containsExactly(tuple("NATURAL_RESOURCES", Basis.TASK_LEAD,
                        "（责任单位：区自然资源局、区公安局、区应急局、区市场监管局、区水利局）".replace('（', '(').replace('）', ')').replace('：', ':')));
        assertThat(proposals).noneMatch(p -> p.unitId().equals("EDUCATION"));
    }
}
