package cn.changjiang.mining.plan;

import java.util.List;

import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.bool;
import static cn.changjiang.mining.graph.Read.constant;
import static cn.changjiang.mining.graph.Read.integer;
import static cn.changjiang.mining.graph.Read.string;
import static cn.changjiang.mining.graph.Read.strings;

/** A responsible unit: a district department or the territorial township governments. */
public record Unit(String id, String name, String nameEn, List<String> aliases, UnitKind kind, boolean campaignLead,
                   int order) {

    public static Unit from(Value v) {
        return new Unit(string(v, "id"), string(v, "name"), string(v, "nameEn"), strings(v, "aliases"),
                constant(v, "kind", UnitKind.class), bool(v, "campaignLead"), integer(v, "order"));
    }
}
