package cn.changjiang.mining.plan;

import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.bool;
import static cn.changjiang.mining.graph.Read.constant;
import static cn.changjiang.mining.graph.Read.string;

/** A person serving in a unit; every person in the demo data is invented. */
public record Person(String id, String name, String title, PersonRank rank, String phone, boolean synthetic) {

    public static Person from(Value v) {
        return new Person(string(v, "id"), string(v, "name"), string(v, "title"), constant(v, "rank", PersonRank.class),
                string(v, "phone"), bool(v, "synthetic"));
    }
}
