package cn.changjiang.mining.jurisdiction;

import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.string;

/** The 专班 an imported plan's text sets up (:PlanWorkingGroup), names as the text gives them. */
public record PlanWorkingGroup(String id, String name, String convenerUnitName, String convenerRank, String officeHost,
                               String quote) {

    public static PlanWorkingGroup from(Value v) {
        return new PlanWorkingGroup(string(v, "id"), string(v, "name"), string(v, "convenerUnitName"),
                string(v, "convenerRank"), string(v, "officeHost"), string(v, "quote"));
    }
}
