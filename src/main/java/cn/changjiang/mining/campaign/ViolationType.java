package cn.changjiang.mining.campaign;

import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.string;

/** One kind of problem: listed by a task under 重点整治, or named only by a unit's annex-2 duty. */
public record ViolationType(String code, String name, String nameEn, String source) {

    public static ViolationType from(Value v) {
        return new ViolationType(string(v, "code"), string(v, "name"), string(v, "nameEn"), string(v, "source"));
    }
}
