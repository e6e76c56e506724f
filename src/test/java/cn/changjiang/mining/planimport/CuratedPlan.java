package cn.changjiang.mining.planimport;

import java.util.List;

import org.neo4j.driver.Value;

/** The hand-curated plan graph, as the acid test reads it back from the seeded database. */
record CuratedPlan(List<CuratedTask> tasks, List<Responsibility> responsibilities, List<CuratedType> types,
                   List<Competence> competence, List<KnownUnit> units) {

    record CuratedTask(int number, String title) {
        static CuratedTask from(Value v) {
            return new CuratedTask(v.get("number").asInt(), v.get("title").asString());
        }
    }

    record Responsibility(int task, String unitId, int order, String role, String nameInDocument) {
        static Responsibility from(Value v) {
            return new Responsibility(v.get("task").asInt(), v.get("unitId").asString(), v.get("order").asInt(),
                    v.get("role").asString(), v.get("nameInDocument").asString(null));
        }
    }

    /** A violation type; {@code task} is null for one that only annex 2 gives (source ANNEX_2). */
    record CuratedType(String code, String name, Integer task, String source) {
        static CuratedType from(Value v) {
            return new CuratedType(v.get("code").asString(), v.get("name").asString(),
                    v.get("task").isNull() ? null : v.get("task").asInt(), v.get("source").asString(null));
        }
    }

    record Competence(String code, String unitId, String role, String basis, String dutyId) {
        static Competence from(Value v) {
            return new Competence(v.get("code").asString(), v.get("unitId").asString(), v.get("role").asString(null),
                    v.get("basis").asString(null), v.get("dutyId").asString(null));
        }
    }

    static KnownUnit unit(Value v) {
        return new KnownUnit(v.get("id").asString(), v.get("name").asString(),
                v.get("aliases").isNull() ? List.of() : v.get("aliases").asList(Value::asString));
    }
}
