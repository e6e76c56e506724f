package cn.changjiang.mining.planimport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.changjiang.mining.planimport.ReadPlan.ResponsibleUnit;
import cn.changjiang.mining.planimport.ReadPlan.Section;
import cn.changjiang.mining.planimport.ReadPlan.Task;
import cn.changjiang.mining.planimport.ReadPlan.UnitRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@link PlanReader} on the seed plan and on small snippets of each form the genre uses. No Spring, no database. */
class PlanReaderTest {

    private static ReadPlan seed;

    private final PlanReader reader = new PlanReader();

    @BeforeAll
    static void readSeed() throws IOException {
        seed = new PlanReader().read(Files.readString(Path.of("graph-seed/source/campaign-plan.txt"), StandardCharsets.UTF_8));
    }

    private static List<String> problems(Task task) {
        return task.problems().stream().map(ReadPlan.Problem::name).toList();
    }

    private static List<String> unitNames(Task task) {
        return task.responsibleUnits().stream().map(ResponsibleUnit::nameInDocument).toList();
    }

    // ---- the seed plan ---------------------------------------------------------------------------------------

    @Test
    void readsTheSeedPlansHead() {
        assertThat(seed.documentNumber()).isEqualTo("昌府办字〔2023〕18号");
        assertThat(seed.title()).isEqualTo("昌江区深入整治规范矿产资源保护开发利用专项行动实施方案");
        assertThat(seed.noticeTitle()).isEqualTo("关于印发《昌江区深入整治规范矿产资源保护开发利用专项行动实施方案》的通知");
        assertThat(seed.issuedOn()).isEqualTo(LocalDate.of(2023, 4, 25));
        assertThat(seed.issuer()).as("the seed does not state its issuer").isNull();
        assertThat(seed.parentPlan().title()).isEqualTo("《全市深入整治规范矿产资源保护开发利用专项行动实施方案》");
        assertThat(seed.parentPlan().issuer()).isEqualTo("江西省景德镇市人民政府办公室");
        assertThat(seed.parentPlan().quote()).contains("现根据江西省景德镇市人民政府办公室印发的");
        assertThat(seed.guidingIdea()).startsWith("为认真学习贯彻习近平生态文明思想");
    }

    @Test
    void readsTheSeedPlansSectionsGoalsAndTasks() {
        assertThat(seed.sections().stream().filter(s -> s.level() == 1).map(Section::heading))
                .containsExactly("指导思想", "主要目标", "主要任务", "实施步骤", "工作要求");
        assertThat(seed.sections().stream().filter(s -> s.path().startsWith("四(")).map(Section::heading))
                .containsExactly("动员部署阶段和全面排查阶段", "集中整治阶段", "规范提升阶段");
        assertThat(seed.goals()).extracting(ReadPlan.Goal::title)
                .containsExactly("矿产资源勘查开发秩序明显好转", "矿山生态环境明显改善", "产业链供应链布局明显优化");
        assertThat(seed.tasks()).extracting(Task::number, Task::clause, Task::title).containsExactly(
                tuple(1, "三(一)", "严格矿业权设置审批"), tuple(2, "三(二)", "强化矿山开采全过程监管"),
                tuple(3, "三(三)", "规范矿山企业生产经营"), tuple(4, "三(四)", "加强矿山生态修复"),
                tuple(5, "三(五)", "加快推进绿色矿山建设"), tuple(6, "三(六)", "强化矿山安全生产"),
                tuple(7, "三(七)", "保障产业链供应链安全"));
        assertThat(seed.unplaced()).isEmpty();
    }

    @Test
    void splitsTheSeedsProblemLists() {
        assertThat(problems(seed.tasks().get(0))).containsExactly("不符合“三区三线”管控要求", "不符合矿产资源规划",
                "不符合产业政策(如产业目录禁止采矿项目、达不到最低开采规模等)", "未取得安全生产审批手续",
                "未取得环境影响评价审批手续", "未取得水土保持审批手续");
        assertThat(problems(seed.tasks().get(1))).startsWith("无证勘查开采", "证照过期勘查开采", "证照不齐勘查开采")
                .contains("以工程建设、生态修复名义变相非法采矿", "采矿过程中污水、废气、粉尘和废渣等超标排放")
                .endsWith("非法占用耕地", "非法占用林地", "非法占用草地", "非法占用湿地", "非法占用自然保护地")
                .hasSize(17);
        assertThat(problems(seed.tasks().get(2))).containsExactly("非法生产、销售、购买、储存、运输、使用民用爆炸物品",
                "无证开采的矿产品进入流通领域", "关闭、取缔后又擅自生产经营建设", "无证经营", "无照经营");
        assertThat(problems(seed.tasks().get(5))).containsExactly("不具备安全生产条件", "不履行建设项目安全设施“三同时”制度",
                "不按批准的安全设施设计进行施工、开采", "未落实矿山企业安全生产主体责任");
        assertThat(seed.tasks().get(1).problems().getFirst().quote()).startsWith("重点整治无证和证照过期");
    }

    @Test
    void readsTheSeedsUnitListsInOrderWithTheFirstLeading() {
        Task second = seed.tasks().get(1);
        assertThat(unitNames(second)).containsExactly("市自然资源和规划局昌江分局", "昌江生态环境局", "区委政法委", "区公安局",
                "区应急局", "区农水局", "区林业局");
        assertThat(second.unitsQuote()).startsWith("(责任单位;"); // the document's own typo, ; for :
        assertThat(second.responsibleUnits()).extracting(ResponsibleUnit::role)
                .containsExactly(UnitRole.LEAD, UnitRole.SUPPORTING, UnitRole.SUPPORTING, UnitRole.SUPPORTING,
                        UnitRole.SUPPORTING, UnitRole.SUPPORTING, UnitRole.SUPPORTING);
        assertThat(unitNames(seed.tasks().get(5))).containsExactly("区应急局", "市自然资源和规划局昌江分局");
        assertThat(seed.tasks().stream().mapToInt(t -> t.responsibleUnits().size()).sum()).isEqualTo(34);
    }

    @Test
    void readsTheSeedsPhasesWorkingGroupDutiesAndRequirements() {
        assertThat(seed.period().startsOn()).isEqualTo(LocalDate.of(2023, 4, 25));
        assertThat(seed.period().endsOn()).isEqualTo(LocalDate.of(2023, 10, 31));
        assertThat(seed.period().longTerm()).isTrue();
        assertThat(seed.phases()).extracting(ReadPlan.Phase::name, ReadPlan.Phase::startsOn, ReadPlan.Phase::endsOn,
                ReadPlan.Phase::longTerm).containsExactly(
                tuple("动员部署阶段和全面排查阶段", LocalDate.of(2023, 4, 25), LocalDate.of(2023, 4, 30), false),
                tuple("集中整治阶段", LocalDate.of(2023, 5, 1), LocalDate.of(2023, 7, 31), false),
                tuple("规范提升阶段", LocalDate.of(2023, 8, 1), LocalDate.of(2023, 10, 31), true));
        ReadPlan.WorkingGroup group = seed.workingGroup();
        assertThat(group.name()).isEqualTo("昌江区深入整治规范矿产资源保护开发利用专项行动工作专班");
        assertThat(group.convenerUnit()).isEqualTo("市自然资源和规划局昌江分局");
        assertThat(group.convenerRank()).isEqualTo("主要负责同志");
        assertThat(group.officeHost()).isEqualTo("市自然资源和规划局昌江分局");
        assertThat(group.officeDirectorUnit()).isEqualTo("市自然资源和规划局昌江分局");
        assertThat(group.memberUnits()).hasSize(13).startsWith("区委宣传部").endsWith("区市场监督管理局");
        assertThat(seed.duties()).hasSize(13);
        assertThat(seed.duties().get(5).unitName()).isEqualTo("昌江公安分局");
        assertThat(seed.duties().get(5).duties()).containsExactly("负责依法查处非法购买、运输、使用民用爆炸物品等行为",
                "依法严厉打击非法开采矿产资源、污染环境等犯罪活动,对相关部门移送的案件,构成犯罪的,依法及时立案侦查,严厉打击矿产资源开发利用领域的涉黑涉恶犯罪行为");
        assertThat(seed.requirements()).extracting(ReadPlan.Requirement::clause, ReadPlan.Requirement::heading)
                .containsExactly(tuple("五(一)", "提高政治站位"), tuple("五(二)", "强化组织领导"), tuple("五(三)", "压实工作责任"),
                        tuple("五(四)", "强化督促指导"), tuple("五(五)", "加强宣传引导"));
    }

    // ---- snippets of each form -------------------------------------------------------------------------------

    @Test
    void readsEveryLevelOfNumberingWithAsciiOrFullWidthBrackets() {
        ReadPlan plan = reader.read("""
                一、工作目标
                （一）秩序好转。全面整治。
                1.摸清底数。开展排查。
                (1)建立台账。逐矿登记。
                二、其他事项
                """);
        assertThat(plan.sections()).extracting(Section::path, Section::level, Section::heading).containsExactly(
                tuple("一", 1, "工作目标"), tuple("一(一)", 2, "秩序好转"), tuple("一1.", 3, "摸清底数"),
                tuple("一(一)(1)", 4, "建立台账"), tuple("二", 1, "其他事项"));
        assertThat(plan.goals()).extracting(ReadPlan.Goal::title).containsExactly("秩序好转");
    }

    @Test
    void readsTasksNumberedOneTwoUnderGroupHeadings() {
        ReadPlan plan = reader.read("""
                二、重点任务
                （一）整治非法采矿
                1.打击无证开采。重点整治无证开采、越界开采等问题。（责任单位：省自然资源厅）
                2.规范矿山生态修复。重点整治未履行修复义务等问题。（责任单位：省林业局）
                （二）保障供应
                3.推进综合利用。重点排查资源浪费等问题。（责任单位：省工业和信息化厅）
                """);
        assertThat(plan.tasks()).extracting(Task::number, Task::clause, Task::title).containsExactly(
                tuple(1, "二(一)1.", "打击无证开采"), tuple(2, "二(一)2.", "规范矿山生态修复"), tuple(3, "二(二)3.", "推进综合利用"));
        assertThat(problems(plan.tasks().getFirst())).containsExactly("无证开采", "越界开采");
        assertThat(unitNames(plan.tasks().get(2))).containsExactly("省工业和信息化厅");
        assertThat(plan.unplaced()).isEmpty();
    }

    @Test
    void readsTasksNumberedInBracketsRightUnderTheTaskHeading() {
        ReadPlan plan = reader.read("""
                二、工作任务
                (1)打击非法采矿。重点整治无证开采、越界开采等问题。（牵头单位：区自然资源分局；配合单位：区公安分局）
                (2)规范矿山生态修复。重点整治未履行修复义务等问题。（责任单位：区林业局）
                三、保障措施
                （一）加强组织领导。明确责任人。
                """);
        assertThat(plan.tasks()).extracting(Task::number, Task::clause, Task::title).containsExactly(
                tuple(1, "二(1)", "打击非法采矿"), tuple(2, "二(2)", "规范矿山生态修复"));
        assertThat(unitNames(plan.tasks().getFirst())).containsExactly("区自然资源分局", "区公安分局");
        assertThat(plan.requirements()).hasSize(1);
        assertThat(plan.unplaced()).isEmpty();
    }

    @Test
    void readsLeadAndSupportingUnitsNamedAsSuch() {
        ReadPlan plan = reader.read("""
                三、重点任务
                （一）规范矿山生态修复。重点整治未履行生态修复义务、未缴存修复基金等问题。（牵头单位：市自然资源局；配合单位：市林业局、市生态环境局）
                """);
        Task task = plan.tasks().getFirst();
        assertThat(task.title()).isEqualTo("规范矿山生态修复");
        assertThat(task.responsibleUnits()).extracting(ResponsibleUnit::nameInDocument, ResponsibleUnit::role).containsExactly(
                tuple("市自然资源局", UnitRole.LEAD), tuple("市林业局", UnitRole.SUPPORTING), tuple("市生态环境局", UnitRole.SUPPORTING));
        assertThat(problems(task)).containsExactly("未履行生态修复义务", "未缴存修复基金");
    }

    @Test
    void readsTheProvinceFormAndAStandingUnitForEveryLaterTask() {
        ReadPlan plan = reader.read("""
                二、工作任务
                （一）严厉打击非法采矿。重点整治无证开采；越界开采等问题。
                责任单位：省自然资源厅、省生态环境厅、省林业局、省地质局，各市、县〔区〕人民政府
                以下均需各市、县〔区〕人民政府落实，不再列出。
                （二）推进绿色矿山建设。重点整治未按绿色矿山标准生产等问题。（牵头单位：省自然资源厅；配合单位：省工业和信息化厅）
                """);
        assertThat(plan.tasks()).hasSize(2);
        assertThat(unitNames(plan.tasks().get(0)))
                .containsExactly("省自然资源厅", "省生态环境厅", "省林业局", "省地质局", "各市、县〔区〕人民政府");
        assertThat(problems(plan.tasks().get(0))).containsExactly("无证开采", "越界开采");
        List<ResponsibleUnit> second = plan.tasks().get(1).responsibleUnits();
        assertThat(second).extracting(ResponsibleUnit::nameInDocument, ResponsibleUnit::role, ResponsibleUnit::standing)
                .containsExactly(tuple("省自然资源厅", UnitRole.LEAD, false), tuple("省工业和信息化厅", UnitRole.SUPPORTING, false),
                        tuple("各市、县〔区〕人民政府", UnitRole.SUPPORTING, true));
        assertThat(second.getLast().quote()).startsWith("以下均需");
        assertThat(plan.unplaced()).isEmpty();
    }

    @Test
    void splitsProblemListsOnCommasAndSemicolonsAndCleansEtc() {
        ReadPlan plan = reader.read("""
                三、主要任务
                （一）整治。重点整治矿山企业未办理用地手续；非法占用耕地、林地和湿地等;无证无照经营等问题。（责任单位：甲局）
                """);
        assertThat(problems(plan.tasks().getFirst())).containsExactly("未办理用地手续", "非法占用耕地", "非法占用林地",
                "非法占用湿地", "无证经营", "无照经营");
    }

    @Test
    void readsPhasesWithTheirDates() {
        ReadPlan plan = reader.read("""
                2024年3月1日
                四、时间安排
                本次专项行动时间自2024年3月10日起至2024年12月底。
                （一）部署阶段（3月31日前）。制定方案。
                （二）整治阶段（4月1日至9月30日）。集中整治。
                （三）巩固阶段（10月1日至12月31日并长期坚持）。总结提升。
                """);
        assertThat(plan.period().startsOn()).isEqualTo(LocalDate.of(2024, 3, 10));
        assertThat(plan.period().endsOn()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(plan.period().longTerm()).isFalse();
        assertThat(plan.phases()).extracting(ReadPlan.Phase::name, ReadPlan.Phase::startsOn, ReadPlan.Phase::endsOn,
                ReadPlan.Phase::longTerm).containsExactly(
                tuple("部署阶段", LocalDate.of(2024, 3, 10), LocalDate.of(2024, 3, 31), false),
                tuple("整治阶段", LocalDate.of(2024, 4, 1), LocalDate.of(2024, 9, 30), false),
                tuple("巩固阶段", LocalDate.of(2024, 10, 1), LocalDate.of(2024, 12, 31), true));
    }

    @Test
    void readsTheWorkingGroupAndTheAnnexDuties() {
        ReadPlan plan = reader.read("""
                五、保障措施
                （一）加强组织领导。成立全市整治工作领导小组，统筹推进。
                附件：1.工作专班成员
                2.部门职责分工
                附件1：
                工作专班成员
                召集人：市自然资源局主要负责同志
                成员单位：市公安局、市自然资源局、市林业局
                专班办公室设在市自然资源局，市自然资源局分管负责同志兼任办公室主任。
                附件2：
                部门职责分工
                （一）市公安局：负责依法打击非法采矿犯罪；查处非法运输民用爆炸物品行为。
                （二）市林业局：负责查处非法占用林地行为。
                """);
        ReadPlan.WorkingGroup group = plan.workingGroup();
        assertThat(group.name()).isEqualTo("全市整治工作领导小组");
        assertThat(group.convenerUnit()).isEqualTo("市自然资源局");
        assertThat(group.memberUnits()).containsExactly("市公安局", "市自然资源局", "市林业局");
        assertThat(group.officeHost()).isEqualTo("市自然资源局");
        assertThat(group.officeDirectorUnit()).isEqualTo("市自然资源局");
        assertThat(plan.duties()).extracting(ReadPlan.AnnexDuty::clause, ReadPlan.AnnexDuty::unitName).containsExactly(
                tuple("一", "市公安局"), tuple("二", "市林业局"));
        assertThat(plan.duties().getFirst().duties()).containsExactly("负责依法打击非法采矿犯罪", "查处非法运输民用爆炸物品行为");
        assertThat(plan.requirements()).extracting(ReadPlan.Requirement::heading).containsExactly("加强组织领导");
    }

    @Test
    void reportsEverySentenceItCannotPlace() {
        ReadPlan plan = reader.read("""
                一、主要目标
                （一）秩序好转。整治见效。
                二、附则
                本方案由区自然资源局负责解释。自印发之日起施行。
                """);
        assertThat(plan.unplaced()).containsExactly("本方案由区自然资源局负责解释。", "自印发之日起施行。");
    }

    @Test
    void readsADocxFileParagraphByParagraph() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            for (String line : List.of("赣府厅字〔2023〕17号", "关于印发《全省深入整治规范矿产资源保护开发利用专项行动实施方案》的通知",
                    "江西省人民政府办公厅", "2023年3月6日", "一、重点任务",
                    "（一）打击非法采矿。重点整治无证开采等问题。（责任单位：省自然资源厅、省公安厅）")) {
                document.createParagraph().createRun().setText(line);
            }
            document.write(bytes);
        }
        ReadPlan plan = reader.readDocx(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(plan.documentNumber()).isEqualTo("赣府厅字〔2023〕17号");
        assertThat(plan.title()).isEqualTo("全省深入整治规范矿产资源保护开发利用专项行动实施方案");
        assertThat(plan.issuer()).isEqualTo("江西省人民政府办公厅");
        assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2023, 3, 6));
        assertThat(unitNames(plan.tasks().getFirst())).containsExactly("省自然资源厅", "省公安厅");
    }
}
