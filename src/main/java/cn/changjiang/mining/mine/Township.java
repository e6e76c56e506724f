package cn.changjiang.mining.mine;

import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.bool;
import static cn.changjiang.mining.graph.Read.string;

/** A township (乡镇/街道), the territorial level of responsibility for the mines in it. */
public record Township(String name, String nameEn, String government, boolean synthetic) {

    public static Township from(Value v) {
        return new Township(string(v, "name"), string(v, "nameEn"), string(v, "government"), bool(v, "synthetic"));
    }
}
