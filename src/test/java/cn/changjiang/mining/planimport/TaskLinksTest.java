package cn.changjiang.mining.planimport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import cn.changjiang.mining.planimport.TaskLinks.Link;
import cn.changjiang.mining.planimport.TaskLinks.TaskRef;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TaskLinks} on plans read from their text: the seeded district's seven tasks and the 珠山区 plan's three each
 * carry out the city task they were written from, though the city plan re-words and reorders them.
 */
class TaskLinksTest {

    private static List<TaskRef> tasks(String text) {
        return new PlanReader().read(text).tasks().stream()
                .map(t -> new TaskRef(String.valueOf(t.number()), t.number(), t.title(),
                        t.problems().stream().map(ReadPlan.Problem::name).toList()))
                .toList();
    }

    private static String resource(String name) throws IOException {
        return new ClassPathResource("plans/" + name).getContentAsString(StandardCharsets.UTF_8);
    }

    private static Map<Integer, List<Integer>> pairs(List<Link> links) {
        return links.stream().collect(Collectors.groupingBy(l -> l.child().number(), TreeMap::new,
                Collectors.mapping(l -> l.parent().number(), Collectors.toList())));
    }

    @Test
    void shouldLinkEachOfTheSeededDistrictsTasksToTheCityTaskItCarriesOut() throws IOException {
        List<TaskRef> city = tasks(resource("jingdezhen-city-plan.txt"));
        List<TaskRef> district = tasks(Files.readString(Path.of("graph-seed/source/campaign-plan.txt")));
        List<Link> links = TaskLinks.link(district, city);
        // the city plan was written from the district's tasks: 矿业权 1→1, 开采监管 2→2, 生产经营 3→4, 生态修复 4→5,
        // 绿色矿山 5→6, 安全生产 6→3, 产业链 7→7
        assertThat(pairs(links)).isEqualTo(Map.of(1, List.of(1), 2, List.of(2), 3, List.of(4), 4, List.of(5),
                5, List.of(6), 6, List.of(3), 7, List.of(7)));
        assertThat(links).allSatisfy(l -> {
            assertThat(l.score()).isBetween(TaskLinks.THRESHOLD, 1.0);
            assertThat(l.basis()).startsWith("重点整治 ");
        });
    }

    @Test
    void shouldLinkTheOtherDistrictsTasksToTheCityTasksTheyCarryOut() throws IOException {
        List<Link> links = TaskLinks.link(tasks(resource("zhushan-district-plan.txt")), tasks(resource("jingdezhen-city-plan.txt")));
        // 打击非法采矿 → 全过程监管 (无证开采, 以采代探); 生态修复 → 生态保护修复 (修复基金). 规范矿山安全生产 shares
        // no problem with the city's 安全生产 task: the one problem the city lists too, storing 民用爆炸物品, is under
        // the city's 生产经营 task, and problems weigh more than titles, so it goes there.
        assertThat(pairs(links)).isEqualTo(Map.of(1, List.of(2), 2, List.of(5), 3, List.of(4)));
    }

    @Test
    void shouldLinkATaskOfAnotherKindToNothing() throws IOException {
        TaskRef publicity = new TaskRef("x", 1, "加强宣传引导", List.of("宣传报道不及时", "典型案例曝光不够"));
        assertThat(TaskLinks.link(List.of(publicity), tasks(resource("jingdezhen-city-plan.txt")))).isEmpty();
    }

    @Test
    void shouldScoreProblemsBeforeTitles() {
        TaskRef child = new TaskRef("c", 1, "强化矿山安全生产", List.of("超能力组织生产"));
        TaskRef sameTitle = new TaskRef("p1", 1, "强化矿山安全生产", List.of("未设立生态修复基金账户"));
        TaskRef sameProblem = new TaskRef("p2", 2, "规范企业经营", List.of("超能力组织生产"));
        assertThat(TaskLinks.link(List.of(child), List.of(sameTitle, sameProblem)))
                .extracting(l -> l.parent().id()).containsExactly("p2");
    }
}
