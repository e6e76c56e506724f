package cn.changjiang.mining.insight;

import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Point;

/**
 * A subgraph as its query reads it, before the read policy: nodes of any label keyed by their element ids,
 * relationships between them, and which of the problems are the viewer's unit's own. Nodes and relationships are
 * generic by nature (any label, any property), so their properties stay a map, but one already made JSON-friendly
 * and stripped of internal figures here, where the driver's values are read.
 */
record SubgraphRows(boolean truncated, List<NodeRow> nodes, List<RelationshipRow> relationships, Set<String> ownIssues) {

    /** A node: its element id (valid within the query's transaction only), its labels and its properties. */
    record NodeRow(String elementId, List<String> labels, Map<String, Object> properties) {

        static NodeRow from(Value v) {
            return new NodeRow(v.get("eid").asString(), v.get("labels").asList(Value::asString),
                    jsonProperties(v.get("properties")));
        }
    }

    /** A relationship: its type, the element ids of its start and end, and its properties. */
    record RelationshipRow(String type, String start, String end, Map<String, Object> properties) {

        static RelationshipRow from(Value v) {
            return new RelationshipRow(v.get("type").asString(), v.get("start").asString(), v.get("end").asString(),
                    jsonProperties(v.get("properties")));
        }
    }

    static SubgraphRows from(Value v) {
        return new SubgraphRows(v.get("truncated").asBoolean(), v.get("nodes").asList(NodeRow::from),
                v.get("rels").asList(RelationshipRow::from), Set.copyOf(v.get("ownIssues").asList(Value::asString)));
    }

    /**
     * Properties as JSON-friendly values: dates as ISO text, points as latitude and longitude; locks, the importer's
     * mark and figures kept for speed are left out.
     */
    private static Map<String, Object> jsonProperties(Value map) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String key : map.keys()) {
            if (key.startsWith("_") || key.equals("importedBy") || key.equals("departmentSpan")) {
                continue;
            }
            Object value = map.get(key).asObject();
            if (value instanceof TemporalAccessor) {
                value = value.toString();
            } else if (value instanceof Point point) {
                value = Map.of("latitude", point.y(), "longitude", point.x());
            }
            properties.put(key, value);
        }
        return properties;
    }
}
