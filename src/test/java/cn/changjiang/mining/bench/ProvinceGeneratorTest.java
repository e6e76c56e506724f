package cn.changjiang.mining.bench;

import cn.changjiang.mining.planimport.PlanReader;
import cn.changjiang.mining.planimport.ReadPlan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every generated plan text reads back with its tasks, their units, its parent plan and its 专班 (no Spring). */
class ProvinceGeneratorTest {

    @Test
    void shouldWritePlansThatReadBackWhole() {
        ProvinceGenerator generator = new ProvinceGenerator(
                new ProvinceGenerator.Shape("GENTEST", "南岭省", 11, 100, 3, 200, 400, 7));
        assertThat(generator.plans()).hasSize(112);
        assertThat(generator.places("DISTRICT")).extracting(ProvinceGenerator.Place::name).doesNotHaveDuplicates();
        PlanReader reader = new PlanReader();
        for (ProvinceGenerator.PlanText plan : generator.plans()) {
            ReadPlan read = reader.read(plan.text());
            assertThat(read.tasks()).as("tasks of %s:%n%s", plan.jurisdiction(), plan.text()).hasSize(plan.tasks());
            assertThat(read.documentNumber()).isEqualTo(plan.documentNumber());
            assertThat(read.tasks()).as("units of %s:%n%s", plan.jurisdiction(), plan.text())
                    .allSatisfy(t -> assertThat(t.responsibleUnits()).hasSizeGreaterThanOrEqualTo(3)
                            .allSatisfy(u -> assertThat(plan.unitNames()).contains(u.nameInDocument())));
            assertThat(read.parentPlan() == null).as("parent of %s", plan.jurisdiction())
                    .isEqualTo(plan.level().equals("PROVINCE"));
            assertThat(read.workingGroup()).as("专班 of %s", plan.jurisdiction()).isNotNull();
            assertThat(read.workingGroup().convenerUnit()).isEqualTo(plan.convener());
            assertThat(read.workingGroup().memberUnits()).hasSize(ProvinceGenerator.MEMBER_FUNCTIONS.length);
            // a preamble that cites no parent plan has no place in what the reader reads: only the province's
            assertThat(read.unplaced()).as("unplaced of %s", plan.jurisdiction())
                    .allSatisfy(s -> assertThat(plan.level()).isEqualTo("PROVINCE"))
                    .hasSizeLessThanOrEqualTo(1);
        }
    }
}
