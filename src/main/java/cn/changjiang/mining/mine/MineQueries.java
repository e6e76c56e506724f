package cn.changjiang.mining.mine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changjiang.mining.api.Connection;
import cn.changjiang.mining.campaign.PlanViews.Mineral;
import cn.changjiang.mining.graph.GraphReads;
import cn.changjiang.mining.org.Unit;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/** The Cypher of mines and townships. */
@Component
class MineQueries {

    private final GraphReads reads;

    MineQueries(GraphReads reads) {
        this.reads = reads;
    }

    /** A keyset page of mines by id with the total count, in one round trip. */
    Connection<Mine> page(int first, String afterId) {
        Map<String, Object> params = new HashMap<>();
        params.put("after", afterId);
        params.put("limit", first + 1);
        Value page = reads.single("""
                MATCH (counted:Mine) WITH count(counted) AS total
                OPTIONAL MATCH (m:Mine) WHERE $after IS NULL OR m.id > $after
                WITH total, m ORDER BY m.id LIMIT $limit
                WITH total, collect(m) AS rows
                RETURN {total: total, rows: rows} AS item""", params, v -> v).orElseThrow();
        List<Mine> rows = page.get("rows").asList(Mine::from);
        return Connection.of("mine", rows, first, afterId != null, page.get("total").asLong(), Mine::id);
    }

    Optional<Mine> mine(String id) {
        return reads.single("MATCH (m:Mine {id: $id}) RETURN m AS item", Map.of("id", id), Mine::from);
    }

    List<Township> townships() {
        return reads.list("MATCH (t:Township) RETURN t AS item ORDER BY t.name", Map.of(), Township::from);
    }

    Map<Mine, List<Mineral>> mineralsOfMines(List<Mine> mines) {
        return reads.many(mines, Mine::id, """
                UNWIND $keys AS key
                MATCH (:Mine {id: key})-[:PRODUCES]->(m:Mineral)
                WITH key, m ORDER BY m.name
                RETURN key, collect(m) AS items""", Mineral::from);
    }

    Map<Mine, Township> townshipsOfMines(List<Mine> mines) {
        return reads.one(mines, Mine::id, """
                UNWIND $keys AS key
                MATCH (:Mine {id: key})-[:LOCATED_IN]->(t:Township)
                RETURN key, t AS item""", Township::from);
    }

    Map<Township, Unit> territorialUnitsOfTownships(List<Township> townships) {
        return reads.one(townships, Township::name, """
                UNWIND $keys AS key
                MATCH (:Township {name: key})-[:GOVERNED_AS]->(u:Unit)
                RETURN key, u AS item""", Unit::from);
    }

    Map<Township, List<Mine>> minesOfTownships(List<Township> townships) {
        return reads.many(townships, Township::name, """
                UNWIND $keys AS key
                MATCH (m:Mine)-[:LOCATED_IN]->(:Township {name: key})
                WITH key, m ORDER BY m.id
                RETURN key, collect(m) AS items""", Mine::from);
    }
}
