package cn.changjiang.mining.plan;

import java.util.List;

import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.constant;
import static cn.changjiang.mining.graph.Read.string;
import static cn.changjiang.mining.graph.Read.strings;

/** One kind of problem: listed by a task under 重点整治, or named only by a unit's annex-2 duty. */
public record ViolationType(String code, String name, String nameEn, ViolationSource source, List<String> formerNames) {

    public static ViolationType from(Value v) {
        return new ViolationType(string(v, "code"), string(v, "name"), string(v, "nameEn"), constant(v, "source", ViolationSource.class),
                strings(v, "formerNames"));
    }
}
