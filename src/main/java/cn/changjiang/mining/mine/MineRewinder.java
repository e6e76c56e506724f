package cn.changjiang.mining.mine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.audit.Past;
import cn.changjiang.mining.audit.RecordedValues;
import cn.changjiang.mining.audit.Rewinder;
import cn.changjiang.mining.graph.CypherRunner;
import org.springframework.stereotype.Component;

/**
 * Puts the registry's mines back as they stood at a past moment ({@link Rewinder}): a mine registered since is removed;
 * a mine changed since is written again with its fields of then, through the registry's own write
 * ({@link MineRegistry#WRITE}: mineral, township and the district of its problems follow), at its version of then.
 */
@Component
class MineRewinder implements Rewinder {

    private final CypherRunner graph;

    MineRewinder(CypherRunner graph) {
        this.graph = graph;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void rewind(Past past) {
        List<String> created = new ArrayList<>();
        for (Past.Entity mine : past.of("Mine")) {
            if (registeredSince(mine)) {
                created.add(mine.id());
                continue;
            }
            graph.single("MATCH (m:Mine {id: $id}) RETURN " + MineRegistry.FIELDS + " AS item", Map.of("id", mine.id()),
                    MineRegistry.LockedMine::from).ifPresent(now -> writeAsThen(now, mine));
        }
        if (!created.isEmpty()) {
            graph.write("UNWIND $ids AS id MATCH (m:Mine {id: id}) DETACH DELETE m RETURN count(*) AS item",
                    Map.of("ids", created), v -> v);
        }
        past.touch("Mine", past.of("Mine").stream().map(Past.Entity::id).toList());
    }

    /** Whether the mine's first change since is its registration: its licence number had no value before. */
    static boolean registeredSince(Past.Entity mine) {
        return mine.changes().getFirst().changes().stream()
                .anyMatch(f -> f.field().equals("licenceNumber") && f.from() == null);
    }

    private void writeAsThen(MineRegistry.LockedMine now, Past.Entity mine) {
        Map<String, Object> params = new HashMap<>(now.fields());
        params.put("licenceStatus", now.licenceStatus() == null ? null : now.licenceStatus().name());
        params.put("miningMethod", now.miningMethod() == null ? null : now.miningMethod().name());
        mine.fieldsThen().forEach((field, text) -> params.put(field, switch (field) {
            case "licenceValidUntil" -> RecordedValues.date(text);
            case "greenMine" -> RecordedValues.bool(text);
            case "latitude", "longitude" -> RecordedValues.decimal(text);
            default -> text;
        }));
        params.put("id", now.id());
        params.put("version", now.version() - mine.changes().size());
        params.put("district", graph.single("""
                MATCH (m:Mine {id: $id})
                RETURN coalesce([(:Township {name: $township})-[:PART_OF]->(j:Jurisdiction) | j.id][0], m.district) AS item""",
                params, v -> v.asString(null)).orElse(null));
        graph.writeSingle(MineRegistry.WRITE + "\nSET m.version = $version\nRETURN m.id AS item", params, v -> v.asString());
    }
}
