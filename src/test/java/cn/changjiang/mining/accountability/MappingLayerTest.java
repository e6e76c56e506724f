package cn.changjiang.mining.accountability;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.accountability.ChainFacts.Leader;
import cn.changjiang.mining.accountability.ChainFacts.UnitRef;
import cn.changjiang.mining.accountability.ScorecardRow.Standing;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;

import static org.assertj.core.api.Assertions.assertThat;

/** The records read the shapes the Cypher returns (driver values built here, no database). */
class MappingLayerTest {

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            map.put((String) keysAndValues[k], keysAndValues[k + 1]);
        }
        return map;
    }

    @Test
    void shouldReadChainFactsIncludingMissingWorkingGroupAndMissingQuotes() {
        Map<String, Object> issue = map(
                "issue", map("id", "i-1", "title", "炸药", "status", "PENDING"),
                "types", List.of(map("type", map("code", "T3.01", "name", "爆炸物"), "order", null)),
                "tasks", List.of(map("number", 3L, "title", "打击", "clause", "三(三)", "focus", "非法")),
                "assigned", List.of(map("unit", map("id", "POLICE", "name", "公安"), "role", "LEAD")),
                "competent", List.of(map("unit", map("id", "EMERGENCY", "name", "应急", "order", 5L), "role", "SUPPORT",
                        "clause", "附件2(十一)", "quote", "配合")),
                "taskUnits", List.of(map("unit", map("id", "NR", "name", "自然资源"), "role", "LEAD", "order", 1L,
                        "task", map("clause", "三(三)", "unitsClause", "牵头"))),
                "territorial", List.of(map("unit", map("id", "TOWN"), "township", "石碌镇", "government", "石碌镇政府")),
                "responsible", List.of(map("person", map("id", "p1", "name", "甲"), "unit", map("id", "POLICE"))),
                "leaders", List.of(map("person", map("id", "p2", "name", "乙", "rank", "DEPUTY"), "unit", map("id", "POLICE"),
                        "memberQuote", null)));
        Map<String, Object> facts = map("issues", List.of(issue), "office", null, "director", null,
                "directorUnit", null, "directorHolders", null, "convener", map("id", "CONVENER", "title", "召集人", "quote", "q"),
                "convenerUnit", map("id", "NR", "name", "自然资源"), "convenerHolders", List.of(map("name", "张")),
                "holdsToAccount", null);

        ChainFacts read = ChainFacts.from(Values.value(facts));

        assertThat(read.office()).isNull();
        assertThat(read.directorHolders()).isEmpty();
        assertThat(read.convenerHolders()).containsExactly("张");
        assertThat(read.holdsToAccount()).isNull();
        ChainFacts.IssueFacts one = read.issues().getFirst();
        assertThat(one.types().getFirst().order()).as("no recorded order").isZero();
        assertThat(one.tasks().getFirst().number()).isEqualTo(3);
        assertThat(one.competent().getFirst().unit()).isEqualTo(new UnitRef("EMERGENCY", "应急", 5));
        assertThat(one.assigned().getFirst().unit().order()).isNull();
        assertThat(one.taskUnits().getFirst().unitsClause()).isEqualTo("牵头");
        assertThat(one.territorial().getFirst().unitId()).isEqualTo("TOWN");
        assertThat(one.responsible().getFirst().unitId()).isEqualTo("POLICE");
        assertThat(one.leaders()).containsExactly(new Leader("p2", "乙", "DEPUTY", "POLICE", null));
    }

    @Test
    void shouldReadRoleFactsIntoTheEnum() {
        Map<String, Object> unit = map("id", "POLICE", "name", "公安", "order", 3L);
        RoleFacts facts = RoleFacts.from(Values.value(map(
                "assigned", List.of(), "competent", List.of(map("unit", unit, "role", "COMPETENT_LEAD", "grounds", "g")),
                "duties", List.of(), "taskUnits", List.of(), "territorial", List.of(), "responsible", List.of(),
                "leaders", List.of(map("person", map("id", "p", "rank", "DEPUTY"), "unit", unit)))));
        assertThat(facts.units()).singleElement().extracting(RoleFacts.UnitRole::role)
                .isEqualTo(AccountabilityRole.COMPETENT_LEAD);
        assertThat(facts.leaders().getFirst().unit().order()).isEqualTo(3);
    }

    @Test
    void shouldReadScorecardRowsWithDatesAndUnknownOpenness() {
        ScorecardRow row = ScorecardRow.from(Values.value(map("unit", map("id", "POLICE"), "mines", List.of(),
                "issues", List.of(map("open", false, "status", "CLOSED", "deadline", LocalDate.of(2026, 1, 1),
                                "closedOn", LocalDate.of(2026, 1, 2)),
                        map("open", null, "status", null, "deadline", null, "closedOn", null)))));
        assertThat(row.issues()).containsExactly(
                new Standing(false, "CLOSED", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2)),
                new Standing(null, null, null, null));
    }
}
