package cn.changjiang.mining.jurisdiction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import cn.changjiang.mining.planimport.PlanReader;
import cn.changjiang.mining.planimport.ReadPlan;
import cn.changjiang.mining.planimport.ReadPlan.ResponsibleUnit;
import cn.changjiang.mining.planimport.ReadPlan.UnitRole;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The district plan written for {@link PlanImportTest} (another district of the same city, other formatting:
 * (1) task numbering, 牵头单位/配合单位, full-width punctuation, 保障措施) reads without hand edits. No Spring, no database.
 */
class OtherDistrictPlanTest {

    static String text() throws IOException {
        return new ClassPathResource("plans/zhushan-district-plan.txt").getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheOtherDistrictsPlan() throws IOException {
        ReadPlan plan = new PlanReader().read(text());
        assertThat(plan.documentNumber()).isEqualTo("珠府办字〔2023〕9号");
        assertThat(plan.title()).isEqualTo("珠山区深入整治规范矿产资源保护开发利用专项行动实施方案");
        assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2023, 5, 8));
        assertThat(plan.parentPlan().title()).isEqualTo("《全市深入整治规范矿产资源保护开发利用专项行动实施方案》");
        assertThat(plan.tasks()).extracting(ReadPlan.Task::number, ReadPlan.Task::title).containsExactly(
                tuple(1, "打击非法采矿"), tuple(2, "强化矿山生态修复"), tuple(3, "规范矿山安全生产"));
        assertThat(plan.tasks().get(0).problems()).extracting(ReadPlan.Problem::name)
                .containsExactly("无证开采", "越界开采", "以采代探");
        assertThat(plan.tasks().get(1).problems()).extracting(ReadPlan.Problem::name)
                .containsExactly("未履行生态修复义务", "未缴存生态修复基金");
        assertThat(plan.tasks().get(0).responsibleUnits()).extracting(ResponsibleUnit::nameInDocument, ResponsibleUnit::role)
                .containsExactly(tuple("珠山区自然资源分局", UnitRole.LEAD), tuple("珠山公安分局", UnitRole.SUPPORTING),
                        tuple("景德镇市公安局", UnitRole.SUPPORTING));
        assertThat(plan.unplaced()).isEmpty();
    }
}
