package cn.changjiang.mining.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A subgraph with stable string ids, in the shape graph libraries take. */
public record Subgraph(List<Node> nodes, List<Edge> edges, boolean truncated) {

    public record Node(String id, String type, String label, Map<String, Object> properties) {
    }

    public record Edge(String id, String type, String source, String target, Map<String, Object> properties) {
    }

    /** Cytoscape.js {@code elements}: {@code {nodes: [{data}], edges: [{data}]}}, nothing to rename. */
    public Map<String, Object> cytoscapeElements() {
        List<Map<String, Object>> cyNodes = new ArrayList<>();
        for (Node node : nodes) {
            Map<String, Object> data = new LinkedHashMap<>(node.properties());
            data.put("id", node.id());
            data.put("label", node.label());
            data.put("type", node.type());
            cyNodes.add(Map.of("data", data));
        }
        List<Map<String, Object>> cyEdges = new ArrayList<>();
        for (Edge edge : edges) {
            Map<String, Object> data = new LinkedHashMap<>(edge.properties());
            data.put("id", edge.id());
            data.put("source", edge.source());
            data.put("target", edge.target());
            data.put("type", edge.type());
            cyEdges.add(Map.of("data", data));
        }
        return Map.of("nodes", cyNodes, "edges", cyEdges);
    }
}
