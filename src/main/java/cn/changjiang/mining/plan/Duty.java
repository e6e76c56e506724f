package cn.changjiang.mining.plan;

import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.string;

/** One duty stated in annex 2 (部门职能分工), quoted. */
public record Duty(String id, String clause, String text) {

    public static Duty from(Value v) {
        return new Duty(string(v, "id"), string(v, "clause"), string(v, "text"));
    }
}
