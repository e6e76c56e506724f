package cn.changjiang.mining.mine;

import cn.changjiang.mining.graph.Where;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changjiang.mining.common.Connection;
import cn.changjiang.mining.plan.PlanViews.Mineral;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.plan.Scope;
import cn.changjiang.mining.plan.Unit;
import org.springframework.stereotype.Component;

/** The Cypher of mines and townships. */
@Component
class MineQueries {

    private final CypherRunner reads;

    MineQueries(CypherRunner reads) {
        this.reads = reads;
    }

    /**
     * A keyset page, with the related fields the request asks for ({@link Related}) read in the same statement: one
     * round trip however many of them, and however long the page.
     */
    Connection<MineRow> page(int first, String afterId, Scope scope, Related related) {
        return reads.pageInDistricts("Mine", "mine", scope.districts(), first, afterId, related.row(), Map.of(),
                MineRow::from, r -> r.mine().id());
    }

    /** A filtered, sorted page; its cursors are positions in that order. One round trip with the total. */
    Connection<MineRow> page(int first, int offset, MineFilter filter, Where.Compiled where, String orderBy, Scope scope,
                             Related related) {
        Map<String, Object> params = new java.util.HashMap<>(filter.parameters(scope));
        params.putAll(where.parameters());
        return reads.orderedPage("mines", MineFilter.MATCH + "\n  AND " + where.condition(), orderBy, related.row(),
                params, first, offset, MineRow::from);
    }

    /** Which related fields of a mine a page reads with its rows: those the request's selection asks for. */
    record Related(boolean township, boolean minerals) {

        boolean any() {
            return township || minerals;
        }

        /** The row of a page's mine {@code n}, as Cypher. */
        String row() {
            return "{node: n"
                    + (township ? ", township: [(n)-[:LOCATED_IN]->(t:Township) | t][0]" : "")
                    + (minerals ? ", minerals: COLLECT { MATCH (n)-[:PRODUCES]->(m:Mineral) WITH m ORDER BY m.name RETURN m }" : "")
                    + "}";
        }
    }

    /** A mine of a page with the related values read with it (null or empty where not asked for). */
    record MineRow(Mine mine, Township township, List<Mineral> minerals) {
        static MineRow from(org.neo4j.driver.Value v) {
            return new MineRow(Mine.from(v.get("node")), v.get("township").isNull() ? null : Township.from(v.get("township")),
                    v.get("minerals").isNull() ? List.of() : v.get("minerals").asList(Mineral::from));
        }
    }

    /** A mine by id, as if it did not exist when it lies outside the scope. */
    Optional<Mine> mine(String id, Scope scope) {
        return reads.single("MATCH (m:Mine {id: $id}) WHERE m.district IN $districts RETURN m AS item",
                Map.of("id", id, "districts", scope.districts()), Mine::from);
    }

    /** The townships part of the scope's districts. */
    List<Township> townships(Scope scope) {
        return reads.list("""
                MATCH (t:Township)-[:PART_OF]->(d:Jurisdiction) WHERE d.id IN $districts
                RETURN t AS item ORDER BY t.name""", Map.of("districts", scope.districts()), Township::from);
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
