package cn.changjiang.mining.plan;

import java.util.List;

import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.string;
import static cn.changjiang.mining.graph.Read.strings;

/** The working group (专班), its office and the positions in them, as annex 1 defines them. */
public final class WorkingGroupViews {

    private WorkingGroupViews() {
    }

    public record WorkingGroup(String id, String name, String nameEn, List<String> aliases, String mandate, String quote) {
        static WorkingGroup from(Value v) {
            return new WorkingGroup(string(v, "id"), string(v, "name"), string(v, "nameEn"), strings(v, "aliases"),
                    string(v, "mandate"),
                    string(v, "quote"));
        }
    }

    public record Office(String id, String name, List<String> aliases, String mandate, String quote) {
        static Office from(Value v) {
            return new Office(string(v, "id"), string(v, "name"), strings(v, "aliases"), string(v, "mandate"),
                    string(v, "quote"));
        }
    }

    public record Position(String id, String title, String titleEn, String rank, String quote) {
        public static Position from(Value v) {
            return new Position(string(v, "id"), string(v, "title"), string(v, "titleEn"), string(v, "rank"),
                    string(v, "quote"));
        }
    }
}
