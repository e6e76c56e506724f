package cn.changjiang.mining.plan;

import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.bool;
import static cn.changjiang.mining.graph.Read.string;

/** A person serving in a unit; every person in the demo data is invented. */
public record Person(String id, String name, String title, String rank, String phone, boolean synthetic) {

    public static Person from(Value v) {
        return new Person(string(v, "id"), string(v, "name"), string(v, "title"), string(v, "rank"),
                string(v, "phone"), bool(v, "synthetic"));
    }
}
