package cn.changjiang.mining.jurisdiction;

import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.constant;
import static cn.changjiang.mining.graph.Read.string;

/** A jurisdiction (:Jurisdiction): province, city, district or township. */
public record Jurisdiction(String id, String name, String nameEn, JurisdictionLevel level) {

    public static Jurisdiction from(Value v) {
        return new Jurisdiction(string(v, "id"), string(v, "name"), string(v, "nameEn"),
                constant(v, "level", JurisdictionLevel.class));
    }
}
