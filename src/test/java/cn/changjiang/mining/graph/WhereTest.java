package cn.changjiang.mining.graph;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.ForbiddenException;
import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.graph.Where.Arity;
import cn.changjiang.mining.graph.Where.Field;
import cn.changjiang.mining.graph.Where.Kind;
import cn.changjiang.mining.graph.Where.Relation;
import cn.changjiang.mining.graph.Where.Spec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A where tree as Cypher: fragments from the spec only, every value a parameter, every field shown to the guard. */
class WhereTest {

    private static final Spec UNIT = Spec.of("Unit", List.of(new Field("id", Kind.EXACT, "{n}.id"),
            new Field("name", Kind.STRING, "{n}.name")), List.of());
    private static final Spec ISSUE = Spec.of("Issue", List.of(
            new Field("title", Kind.STRING, "{n}.title"),
            new Field("foundOn", Kind.ORDERED, "{n}.foundOn"),
            new Field("status", Kind.EXACT, "{n}.status"),
            new Field("open", Kind.BOOLEAN, "({n}.status IN $openStatuses)")), List.of(
            new Relation("units", Arity.MANY, "({n})-[:ASSIGNED_TO]->({m}:Unit)", UNIT),
            new Relation("lead", Arity.ONE, "({n})-[:LED_BY]->({m}:Unit)", UNIT)));

    private static final Where.Guard ANYTHING = (type, field) -> { };

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void operatorsCompileToConditionsOverParameters() {
        Where.Compiled compiled = Where.compile(ISSUE, map(
                "title", map("contains", "矿", "startsWith", "无"),
                "foundOn", map("gte", LocalDate.parse("2023-05-01"), "lt", LocalDate.parse("2023-06-01")),
                "status", map("in", List.of("ASSIGNED", "RECTIFYING")),
                "open", true), "i", ANYTHING);
        assertThat(compiled.condition()).isEqualTo("((i.title CONTAINS $w0 AND i.title STARTS WITH $w1) AND "
                + "(i.foundOn >= $w2 AND i.foundOn < $w3) AND i.status IN $w4 AND (i.status IN $openStatuses) = $w5)");
        assertThat(compiled.parameters()).containsEntry("w0", "矿").containsEntry("w1", "无")
                .containsEntry("w2", LocalDate.parse("2023-05-01")).containsEntry("w4", List.of("ASSIGNED", "RECTIFYING"))
                .containsEntry("w5", true);
    }

    @Test
    void booleanCombinatorsAndRelationsNestAsTheTreeDoes() {
        Where.Compiled compiled = Where.compile(ISSUE, map(
                "OR", List.of(map("title", map("eq", "a")), map("NOT", map("title", map("endsWith", "b")))),
                "units", map("some", map("id", map("eq", "POLICE")), "none", map(), "all", map("name", map("contains", "局")),
                        "single", map("id", map("eq", "ECOLOGY"))),
                "lead", map("id", map("eq", "NATURAL_RESOURCES"))), "i", ANYTHING);
        assertThat(compiled.condition()).isEqualTo("((i.title = $w0 OR NOT (i.title ENDS WITH $w1)) AND "
                + "(EXISTS { MATCH (i)-[:ASSIGNED_TO]->(ww0:Unit) WHERE ww0.id = $w2 }"
                + " AND NOT EXISTS { MATCH (i)-[:ASSIGNED_TO]->(ww0:Unit) }"
                + " AND NOT EXISTS { MATCH (i)-[:ASSIGNED_TO]->(ww0:Unit) WHERE NOT coalesce(ww0.name CONTAINS $w3, false) }"
                + " AND COUNT { MATCH (i)-[:ASSIGNED_TO]->(ww0:Unit) WHERE ww0.id = $w4 } = 1)"
                + " AND EXISTS { MATCH (i)-[:LED_BY]->(ww1:Unit) WHERE ww1.id = $w5 })");
    }

    @Test
    void nullMeansNoValueAndAnEmptyWhereKeepsEverything() {
        assertThat(Where.compile(ISSUE, map("foundOn", map("eq", null)), "i", ANYTHING).condition())
                .isEqualTo("i.foundOn IS NULL");
        assertThat(Where.compile(ISSUE, map("lead", null), "i", ANYTHING).condition())
                .isEqualTo("NOT EXISTS { MATCH (i)-[:LED_BY]->(ww0:Unit) }");
        assertThat(Where.compile(ISSUE, map(), "i", ANYTHING).none()).isTrue();
        assertThat(Where.compile(ISSUE, null, "i", ANYTHING).none()).isTrue();
        assertThat(Where.compile(ISSUE, map("AND", List.of()), "i", ANYTHING).condition()).isEqualTo("true");
        assertThat(Where.compile(ISSUE, map("OR", List.of()), "i", ANYTHING).condition()).isEqualTo("false");
        assertThat(Where.compile(ISSUE, map("OR", null, "NOT", null, "units", map("some", null)), "i", ANYTHING)
                .condition()).as("explicit nulls are no condition").isEqualTo("true");
        assertThatThrownBy(() -> Where.compile(ISSUE, map("open", null), "i", ANYTHING))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("true or false");
    }

    @Test
    void emptyObjectsCountTowardsTheLimit() {
        List<Object> empties = new ArrayList<>();
        for (int i = 0; i < Where.MOST_CONDITIONS; i++) {
            empties.add(map());
        }
        assertThatThrownBy(() -> Where.compile(ISSUE, map("AND", empties), "i", ANYTHING))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most");
    }

    @Test
    void whatAClientSendsIsNeverCypher() {
        List<String> hostile = List.of("') RETURN 1 //", "x' OR 1=1 --", "\" }) MATCH (n) DETACH DELETE n //",
                "$openStatuses", "{n}", "` RETURN *", "\\u0027; CALL db.labels()");
        for (String value : hostile) {
            for (String op : List.of("eq", "contains", "startsWith", "endsWith", "in")) {
                Object operand = op.equals("in") ? List.of(value) : value;
                Where.Compiled compiled = Where.compile(ISSUE, map("title", map(op, operand),
                        "units", map("some", map("name", map(op, operand)))), "i", ANYTHING);
                assertThat(compiled.condition()).as(op + " " + value).doesNotContain(value);
                assertThat(compiled.parameters().values()).as(op).contains(operand);
            }
        }
    }

    @Test
    void theGuardSeesEveryFieldAndRelationBeforeAnythingCompiles() {
        List<String> seen = new ArrayList<>();
        Where.compile(ISSUE, map("title", map("eq", "a"), "units", map("some", map("name", map("eq", "b")))), "i",
                (type, field) -> seen.add(type + "." + field));
        assertThat(seen).containsExactly("Issue.title", "Issue.units", "Unit.null", "Unit.name");
        assertThatThrownBy(() -> Where.compile(ISSUE, map("units", map("some", map("name", map("eq", "b")))), "i",
                (type, field) -> {
                    if ("name".equals(field)) {
                        throw new ForbiddenException("no");
                    }
                })).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void operatorsAFieldDoesNotTakeAndOversizedTreesAreRefused() {
        assertThatThrownBy(() -> Where.compile(ISSUE, map("status", map("contains", "A")), "i", ANYTHING))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not take contains");
        assertThatThrownBy(() -> Where.compile(ISSUE, map("title", map("contains", null)), "i", ANYTHING))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a value");
        List<Object> many = new ArrayList<>();
        for (int i = 0; i <= Where.MOST_CONDITIONS; i++) {
            many.add(map("title", map("eq", "t" + i)));
        }
        assertThatThrownBy(() -> Where.compile(ISSUE, map("OR", many), "i", ANYTHING))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most");
        Map<String, Object> deep = map("title", map("eq", "x"));
        for (int i = 0; i < Where.DEEPEST; i++) {
            deep = map("NOT", deep);
        }
        Map<String, Object> tooDeep = deep;
        assertThatThrownBy(() -> Where.compile(ISSUE, tooDeep, "i", ANYTHING))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("levels deep");
    }
}
