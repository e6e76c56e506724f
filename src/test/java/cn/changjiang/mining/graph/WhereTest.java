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
        // The first relation that must hold and names its node by id is where a statement may start (the anchor),
        // the rest checked after it, with parameters of their own.
        assertThat(compiled.anchor()).isEqualTo("MATCH (i)-[:ASSIGNED_TO]->(wwaa:Unit) WHERE wwaa.id = $wa5");
        assertThat(compiled.anchored()).isEqualTo("((i.title = $wa0 OR NOT (i.title ENDS WITH $wa1)) AND "
                + "(NOT EXISTS { MATCH (i)-[:ASSIGNED_TO]->(wwa0:Unit) }"
                + " AND NOT EXISTS { MATCH (i)-[:ASSIGNED_TO]->(wwa0:Unit) WHERE NOT coalesce(wwa0.name CONTAINS $wa2, false) }"
                + " AND COUNT { MATCH (i)-[:ASSIGNED_TO]->(wwa0:Unit) WHERE wwa0.id = $wa3 } = 1)"
                + " AND EXISTS { MATCH (i)-[:LED_BY]->(wwa1:Unit) WHERE wwa1.id = $wa4 })");
        assertThat(compiled.parameters()).containsEntry("w2", "POLICE").containsEntry("wa5", "POLICE");
        // Under NOT NOT the same tree starts from the label and checks every relation.
        assertThat(Where.compile(ISSUE, map("NOT", map("NOT", map("units", map("some", map("id", map("eq", "POLICE")))))),
                "i", ANYTHING).condition())
                .isEqualTo("NOT (NOT ((EXISTS { MATCH (i)-[:ASSIGNED_TO]->(ww0:Unit) WHERE ww0.id = $w0 })))");
        assertThat(Where.compile(ISSUE, map("NOT", map("NOT", map("units", map("some", map("id", map("eq", "POLICE")))))),
                "i", ANYTHING).anchor()).isNull();
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

    @Test
    void anAssignmentsUnitIsTheNodeOfItsOwnPatternAndARecordReachesItsProblemOnlyWhenItIsOne() {
        Spec assignment = Spec.of("IssueAssignment", List.of(new Field("role", Kind.EXACT, "{n}.role")), List.of(
                new Relation("unit", Arity.ENDPOINT, "{n}_unit", UNIT)));
        Spec issue = Spec.of("Issue", List.of(), List.of(
                new Relation("assignments", Arity.MANY, "({n})-[{m}:ASSIGNED_TO]->({m}_unit:Unit)", assignment)));
        assertThat(Where.compile(issue, map("OR", List.of(map("assignments", map("some", map("role", map("eq", "LEAD"),
                "unit", map("id", map("eq", "POLICE"))))))), "i", ANYTHING).condition())
                .isEqualTo("((EXISTS { MATCH (i)-[ww0:ASSIGNED_TO]->(ww0_unit:Unit) WHERE (ww0.role = $w0 AND ww0_unit.id = $w1) }))");
        assertThatThrownBy(() -> new Relation("x", Arity.ENDPOINT, "{n}_x", issue))
                .isInstanceOf(IllegalArgumentException.class);

        Spec change = Spec.of("Change", List.of(), List.of(
                new Relation("issue", Arity.ONE, "({m}:Issue {id: {n}.entityId})", ISSUE, "{n}.entityType = 'Issue'")));
        assertThat(Where.compile(change, map("issue", map("title", map("eq", "x"))), "c", ANYTHING).condition())
                .isEqualTo("EXISTS { MATCH (ww0:Issue {id: c.entityId}) WHERE (c.entityType = 'Issue' AND ww0.title = $w0) }");
        assertThat(Where.compile(change, map("issue", null), "c", ANYTHING).condition())
                .isEqualTo("NOT EXISTS { MATCH (ww0:Issue {id: c.entityId}) WHERE c.entityType = 'Issue' }");
    }

    @Test
    void aConditionEveryKeptRootMustMeetOnARelatedNodesIdIsWhereTheStatementStarts() {
        Spec assignment = Spec.of("IssueAssignment", List.of(new Field("role", Kind.EXACT, "{n}.role")), List.of(
                new Relation("unit", Arity.ENDPOINT, "{n}_unit", UNIT)));
        Spec issue = Spec.of("Issue", List.of(new Field("title", Kind.STRING, "{n}.title")), List.of(
                new Relation("assignments", Arity.MANY, "({n})-[{m}:ASSIGNED_TO]->({m}_unit:Unit)", assignment),
                new Relation("lead", Arity.ONE, "({n})-[:LED_BY]->({m}:Unit)", UNIT)));
        Map<String, Object> led = map("assignments", map("some", map("role", map("eq", "LEAD"),
                "unit", map("id", map("eq", "POLICE")))));
        Where.Compiled compiled = Where.compile(issue, map("title", map("contains", "矿"), "AND", List.of(led)), "i", ANYTHING);
        assertThat(compiled.condition()).as("the whole question, for a statement that starts from the label")
                .isEqualTo("(i.title CONTAINS $w0 AND ((EXISTS { MATCH (i)-[ww0:ASSIGNED_TO]->(ww0_unit:Unit)"
                        + " WHERE (ww0.role = $w1 AND ww0_unit.id = $w2) })))");
        assertThat(compiled.anchor())
                .isEqualTo("MATCH (i)-[wwaa:ASSIGNED_TO]->(wwaa_unit:Unit) WHERE (wwaa.role = $wa1 AND wwaa_unit.id = $wa2)");
        assertThat(compiled.parameters()).containsEntry("wa1", "LEAD").containsEntry("wa2", "POLICE");
        assertThat(compiled.startingFrom("i", "Issue", "c")).as("the anchored condition is the start, not checked again")
                .isEqualTo("MATCH (i)-[wwaa:ASSIGNED_TO]->(wwaa_unit:Unit) WHERE (wwaa.role = $wa1 AND wwaa_unit.id = $wa2)"
                        + "\nWITH DISTINCT i WHERE i:Issue AND c AND (i.title CONTAINS $wa0 AND (true))");
        Where.Compiled onlyAnchor = Where.compile(issue, map("lead", map("id", map("eq", "ECOLOGY"))), "i", ANYTHING);
        assertThat(onlyAnchor.anchor()).isEqualTo("MATCH (i)-[:LED_BY]->(wwaa:Unit) WHERE wwaa.id = $wa0");
        assertThat(onlyAnchor.condition()).isEqualTo("EXISTS { MATCH (i)-[:LED_BY]->(ww0:Unit) WHERE ww0.id = $w0 }");
        // Other quantifiers on the same relation are still conditions.
        assertThat(Where.compile(issue, map("assignments", map("some", map("unit", map("id", map("eq", "A"))),
                "none", map("role", map("eq", "LEAD")))), "i", ANYTHING).anchored())
                .isEqualTo("(NOT EXISTS { MATCH (i)-[wwa0:ASSIGNED_TO]->(wwa0_unit:Unit) WHERE wwa0.role = $wa0 })");
        // Not where a kept root need not meet it: under OR or NOT, with none or all, or without an id.
        for (Map<String, Object> loose : List.of(map("OR", List.of(led, map("title", map("eq", "x")))), map("NOT", led),
                map("assignments", map("none", map("unit", map("id", map("eq", "POLICE"))))),
                map("assignments", map("all", map("unit", map("id", map("eq", "POLICE"))))),
                map("assignments", map("some", map("unit", map("name", map("eq", "区公安分局"))))),
                map("lead", map("id", map("in", List.of("POLICE")))))) {
            Where.Compiled unanchored = Where.compile(issue, loose, "i", ANYTHING);
            assertThat(unanchored.anchor()).as(loose.toString()).isNull();
            assertThat(unanchored.startingFrom("i", "Issue", "c")).isEqualTo("MATCH (i:Issue) WHERE c AND " + unanchored.condition());
        }
    }

    @Test
    void aTreeStartedFromItsAnchorHasTheSameLimitOfConditions() {
        for (int parts : new int[] {30, 31}) {
            List<Object> many = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                many.add(map("title", map("eq", "t" + i)));
            }
            // 2 (the anchored relation and its id) + 1 + 1 (OR) + 2 for each part: 64 with thirty parts.
            Map<String, Object> where = map("lead", map("id", map("eq", "m")), "title", map("eq", "t"), "OR", many);
            if (parts == 30) {
                assertThat(Where.compile(ISSUE, where, "i", ANYTHING).anchor()).isNotNull();
            } else {
                assertThatThrownBy(() -> Where.compile(ISSUE, where, "i", ANYTHING))
                        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most");
            }
        }
    }
}
