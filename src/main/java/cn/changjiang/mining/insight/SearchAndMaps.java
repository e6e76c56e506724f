package cn.changjiang.mining.insight;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.Connection;
import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.enforcement.JointEnforcementCandidate;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.security.ReadPolicy;
import cn.changjiang.mining.mine.Mine;
import cn.changjiang.mining.plan.Scope;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/** Full-text search and the map of mines, each one query. */
@Component
class SearchAndMaps {

    /** A node found, named {@code Type:key} as in subgraphs, labelled by its name, else its title, else its key. */
    record Hit(String id, SearchType type, String label, double score) {

        static Hit from(Value v) {
            SearchType type = SearchType.valueOf(v.get("type").asString());
            Value node = v.get("node");
            String key = SubgraphQueries.KEYS.get(type.name());
            String label = node.get("name").isNull() ? node.get("title").asString(node.get(key).toString())
                    : node.get("name").asString();
            return new Hit(type + ":" + node.get(key).asObject(), type, label, v.get("score").asDouble());
        }
    }

    record BoundingBox(double west, double south, double east, double north) {
    }

    record MineDistance(Mine mine, double distanceKm) {

        static MineDistance from(Value v) {
            return new MineDistance(Mine.from(v.get("mine")), v.get("km").asDouble());
        }
    }

    /** A mine on the map: where it is, its open problems and how many departments they need. */
    record MinePin(String id, String name, String licenceStatus, double longitude, double latitude, int openIssueCount,
                   int departments) {

        static MinePin from(Value v) {
            return new MinePin(v.get("id").asString(), v.get("name").asString(), v.get("status").asString(null),
                    v.get("longitude").asDouble(), v.get("latitude").asDouble(), v.get("openIssueCount").asInt(),
                    v.get("departments").asInt());
        }

        /** The GeoJSON feature: a point with the mine's facts; two departments or more make a joint-enforcement case. */
        Map<String, Object> feature() {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", id);
            properties.put("name", name);
            properties.put("licenceStatus", licenceStatus);
            properties.put("openIssueCount", openIssueCount);
            properties.put("jointEnforcementCandidate", departments >= 2);
            return Map.of("type", "Feature", "id", id,
                    "geometry", Map.of("type", "Point", "coordinates", List.of(longitude, latitude)),
                    "properties", properties);
        }
    }

    private final CypherRunner graph;

    SearchAndMaps(CypherRunner graph) {
        this.graph = graph;
    }

    /**
     * Full-text search, literal: each word is searched as a quoted term, so Lucene's syntax (operators, wildcards,
     * fields) is never interpreted. A unit officer's text matches another unit's problem by its title only, never
     * by the description it may not read ({@link ReadPolicy#PROBLEM_DETAILS_READABLE}).
     */
    List<Hit> search(String text, List<SearchType> types, int first, String readerUnit, Scope scope, List<String> units) {
        String query = text == null ? "" : text.strip();
        if (query.isEmpty() || query.length() > 200) {
            throw new InvalidInputException("text", "Search for 1 to 200 characters");
        }
        String terms = literal(query);
        Map<String, Object> params = new HashMap<>();
        params.put("query", terms);
        params.put("titleQuery", "title:(" + terms + ")");
        params.put("types", (types == null || types.isEmpty() ? List.of(SearchType.values()) : types).stream()
                .map(SearchType::name).toList());
        params.put("first", first);
        params.put("readerUnit", readerUnit);
        params.put("districts", scope.districts());
        params.put("units", units);
        return graph.list("""
                CALL () {
                  CALL db.index.fulltext.queryNodes('search_text', $query) YIELD node AS i, score
                  WITH i, score WHERE NOT i:Issue OR %1$s
                  RETURN i, score
                  UNION
                  CALL db.index.fulltext.queryNodes('search_text', $titleQuery) YIELD node AS i, score
                  WITH i, score WHERE i:Issue AND NOT %1$s
                  RETURN i, score
                }
                WITH i, score, [l IN labels(i) WHERE l IN $types][0] AS type
                WHERE type IS NOT NULL AND %2$s
                RETURN {type: type, node: properties(i), score: score} AS item
                ORDER BY score DESC, elementId(i) LIMIT $first""".formatted(ReadPolicy.PROBLEM_DETAILS_READABLE, IN_SCOPE),
                params, Hit::from);
    }

    /**
     * Whether a hit {@code i} is in the scope: problems and mines by their district, units by where they work, people
     * by their unit; the plan's own things (violation types, tasks) are everyone's.
     */
    private static final String IN_SCOPE = """
            (NOT (i:Issue OR i:Mine) OR i.district IN $districts)
              AND (NOT i:Unit OR i.id IN $units)
              AND (NOT i:Person OR EXISTS { (i)-[:SERVES_IN]->(u:Unit) WHERE u.id IN $units })""";

    /** Every word as a quoted Lucene term: nothing the user types is read as query syntax. */
    static String literal(String text) {
        return String.join(" ", java.util.Arrays.stream(text.split("\\s+"))
                .map(word -> "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .toList());
    }

    /** Mines as GeoJSON points, each with its open problem count and whether it is a joint-enforcement case. */
    Map<String, Object> minesGeoJson(BoundingBox box, Scope scope) {
        if (box != null && (box.south() > box.north() || box.west() > box.east()
                || Math.abs(box.south()) > 90 || Math.abs(box.north()) > 90 || Math.abs(box.west()) > 180 || Math.abs(box.east()) > 180)) {
            throw new InvalidInputException("bbox", "A bounding box needs south ≤ north and west ≤ east, within ±90/±180");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("districts", scope.districts());
        params.put("box", box == null ? null : Map.of("west", box.west(), "south", box.south(), "east", box.east(), "north", box.north()));
        List<MinePin> pins = graph.list("""
                MATCH (m:Mine) WHERE m.district IN $districts AND m.location IS NOT NULL AND ($box IS NULL OR point.withinBBox(m.location,
                    point({longitude: $box.west, latitude: $box.south}), point({longitude: $box.east, latitude: $box.north})))
                OPTIONAL MATCH (i:Issue)-[:AT]->(m) WHERE i.status IN $openStatuses
                WITH m, collect(i) AS open
                WITH m, open, reduce(acc = [], i IN open | acc + [u IN %s WHERE NOT u IN acc]) AS departments
                RETURN {id: m.id, name: m.name, status: m.licenceStatus, longitude: m.location.longitude,
                        latitude: m.location.latitude, openIssueCount: size(open),
                        departments: size(reduce(d = [], u IN departments | CASE WHEN u IN d THEN d ELSE d + u END))} AS item
                ORDER BY m.id""".formatted(JointEnforcementCandidate.DEPARTMENTS_OF_ISSUE), params, MinePin::from);
        return Map.of("type", "FeatureCollection", "features", pins.stream().map(MinePin::feature).toList());
    }

    List<MineDistance> minesNear(double latitude, double longitude, double radiusKm, Scope scope) {
        if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180 || !(radiusKm > 0) || radiusKm > 500) {
            throw new InvalidInputException("radiusKm", "A point within ±90/±180 and a radius above 0 and at most 500 km");
        }
        return graph.list("""
                WITH point({latitude: $latitude, longitude: $longitude}) AS here
                MATCH (m:Mine) WHERE m.district IN $districts AND point.distance(m.location, here) <= $radius
                WITH m, point.distance(m.location, here) AS metres ORDER BY metres, m.id
                LIMIT $limit
                RETURN {mine: m, km: metres / 1000.0} AS item""",
                Map.of("latitude", latitude, "longitude", longitude, "radius", radiusKm * 1000, "limit", Connection.MAX_PAGE_SIZE,
                        "districts", scope.districts()),
                MineDistance::from);
    }
}
