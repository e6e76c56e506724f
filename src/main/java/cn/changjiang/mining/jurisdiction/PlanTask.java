package cn.changjiang.mining.jurisdiction;

import java.util.List;

import cn.changjiang.mining.plan.Unit;
import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.string;
import static cn.changjiang.mining.graph.Read.strings;

/**
 * A task as a plan sets it out: the seeded district's {@code :Task} (through its campaign) or an imported plan's
 * {@code :PlanTask}, read the same way: its problems (重点整治) and its 责任单位 in the document's order.
 */
public record PlanTask(String id, int number, String title, List<String> problems, List<String> responsibleNames,
                       List<Responsible> responsibleUnits) {

    static PlanTask from(Value v) {
        return new PlanTask(string(v, "id"), v.get("number").asInt(), string(v, "title"), strings(v, "problems"),
                strings(v, "responsibleNames"), v.get("responsibleUnits").asList(Responsible::from));
    }

    /** A known unit on the task's 责任单位 list, with its role and the name the document gives it. */
    public record Responsible(Unit unit, String role, String nameInDocument) {
        static Responsible from(Value v) {
            return new Responsible(Unit.from(v.get("unit")), string(v, "role"), string(v, "nameInDocument"));
        }
    }
}
