package cn.changjiang.mining.enforcement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.mine.Mine;
import cn.changjiang.mining.plan.Competence;
import cn.changjiang.mining.plan.JurisdictionTree;
import cn.changjiang.mining.plan.Scope;
import cn.changjiang.mining.plan.Scopes;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

import static cn.changjiang.mining.graph.Read.string;

/**
 * {@code crossBorderCandidates}: cases that no one district can settle, answered at the common parent level (the
 * lowest jurisdiction that takes in all those involved). Both
 * kinds start from indexes: open problems by (district, status), mines by district and by location (point index).
 * The jurisdiction a unit acts for is the district it serves, else the one it belongs to. One round trip.
 */
@Component
class CrossBorder {

    static final double MAX_KM = 50;
    static final int MAX_FIRST = 100;

    private final CypherRunner reads;
    private final Scopes scopes;

    CrossBorder(CypherRunner reads, Scopes scopes) {
        this.reads = reads;
        this.scopes = scopes;
    }

    List<CrossBorderCandidate> candidates(Viewer viewer, String jurisdiction, double withinKm, int first) {
        if (withinKm <= 0 || withinKm > MAX_KM) {
            throw new InvalidInputException("withinKm", "withinKm must be more than 0 and at most " + MAX_KM + ", got " + withinKm);
        }
        if (first < 1 || first > MAX_FIRST) {
            throw new InvalidInputException("first", "first must be between 1 and " + MAX_FIRST + ", got " + first);
        }
        Scope scope = scopes.of(viewer, jurisdiction);
        JurisdictionTree tree = scopes.tree();
        Map<String, Object> params = new HashMap<>();
        params.put("districts", scope.districts());
        params.put("meters", withinKm * 1000);
        List<Row> rows = reads.list("""
                CALL () {
                  MATCH (i:Issue) WHERE i.district IN $districts AND i.status IN $openStatuses
                  MATCH (i)-[:AT]->(m:Mine)
                  UNWIND [(i)-[:ASSIGNED_TO]->(a:Unit) | a] + %s AS u
                  WITH m, i, coalesce([(u)-[:SERVES]->(j:Jurisdiction) | j.id][0],
                                      [(u)-[:BELONGS_TO]->(j:Jurisdiction) | j.id][0]) AS place
                  WITH m, collect(DISTINCT place) AS places
                  WHERE size(places) >= 2
                  RETURN {kind: 'SHARED_MINE', mines: [m], places: places, distance: null,
                          open: COUNT { (x:Issue)-[:AT]->(m) WHERE x.status IN $openStatuses }} AS row
                  UNION
                  MATCH (m:Mine) WHERE m.district IN $districts AND m.location IS NOT NULL
                    AND EXISTS { MATCH (i:Issue)-[:AT]->(m) WHERE i.status IN $openStatuses }
                  MATCH (n:Mine) WHERE point.distance(n.location, m.location) <= $meters
                    AND n.district IN $districts AND n.district > m.district
                    AND EXISTS { MATCH (i:Issue)-[:AT]->(n) WHERE i.status IN $openStatuses }
                  RETURN {kind: 'NEIGHBOURING_MINES', mines: [m, n], places: [m.district, n.district],
                          distance: point.distance(m.location, n.location) / 1000.0,
                          open: COUNT { (i:Issue)-[:AT]->(x) WHERE x IN [m, n] AND i.status IN $openStatuses }} AS row
                }
                WITH row
                UNWIND row.places AS place
                MATCH (j:Jurisdiction {id: place})
                WITH row, collect(j {.id, .name, .level}) AS places
                CALL (row) {
                  OPTIONAL MATCH (:Jurisdiction {id: row.places[0]})-[:PART_OF*0..]->(a:Jurisdiction)
                  WHERE all(p IN row.places WHERE EXISTS { (:Jurisdiction {id: p})-[:PART_OF*0..]->(a) })
                  WITH a ORDER BY COUNT { (a)-[:PART_OF*1..]->() } DESC, a.id LIMIT 1
                  RETURN a {.id, .name, .level} AS parent
                }
                RETURN row {.kind, .mines, .distance, .open, places: places, parent: parent} AS item""".formatted(
                Competence.competentUnits("i", "", "u")), params, Row::from);
        List<CrossBorderCandidate> out = new ArrayList<>();
        for (Row row : rows) {
            if (!row.places().stream().allMatch(p -> tree.within(p.id(), scope.jurisdiction()))) {
                continue;
            }
            out.add(new CrossBorderCandidate(row.kind(), row.mines(),
                    row.places().stream().sorted(Comparator.comparing(CrossBorderCandidate.Place::id)).toList(),
                    row.parent(), row.distance(), row.open()));
        }
        out.sort(Comparator.comparing(CrossBorderCandidate::kind)
                .thenComparing(c -> c.distanceKm() == null ? 0 : c.distanceKm())
                .thenComparing(Comparator.comparingInt(CrossBorderCandidate::openIssueCount).reversed())
                .thenComparing(c -> c.mines().getFirst().id()));
        return out.subList(0, Math.min(first, out.size()));
    }

    private record Row(CrossBorderKind kind, List<Mine> mines, List<CrossBorderCandidate.Place> places,
                       CrossBorderCandidate.Place parent, Double distance, int open) {
        static Row from(Value v) {
            return new Row(CrossBorderKind.valueOf(string(v, "kind")), v.get("mines").asList(Mine::from),
                    v.get("places").asList(p -> new CrossBorderCandidate.Place(string(p, "id"), string(p, "name"),
                            string(p, "level"))),
                    v.get("parent").isNull() ? null : new CrossBorderCandidate.Place(string(v.get("parent"), "id"),
                            string(v.get("parent"), "name"), string(v.get("parent"), "level")),
                    v.get("distance").isNull() ? null : v.get("distance").asDouble(), v.get("open").asInt());
        }
    }
}
