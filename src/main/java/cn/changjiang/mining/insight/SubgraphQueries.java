package cn.changjiang.mining.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.common.NotFoundException;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.security.ReadPolicy;
import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.plan.Scope;
import cn.changjiang.mining.plan.Scopes;
import org.springframework.stereotype.Component;

/**
 * Subgraphs around a node, in one query. Nodes are named {@code Type:key} by their business key (never Neo4j's
 * internal ids), and what a viewer may not read is left out of their properties.
 */
@Component
class SubgraphQueries {

    /** The kinds of node a subgraph may show, each with the property that keys it; change records never appear. */
    static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("Campaign", "id");
        KEYS.put("Goal", "id");
        KEYS.put("Task", "number");
        KEYS.put("ViolationType", "code");
        KEYS.put("Regulation", "id");
        KEYS.put("Unit", "id");
        KEYS.put("Duty", "id");
        KEYS.put("Phase", "number");
        KEYS.put("WorkingGroup", "id");
        KEYS.put("Office", "id");
        KEYS.put("Position", "id");
        KEYS.put("ProblemSource", "code");
        KEYS.put("Outcome", "code");
        KEYS.put("Mineral", "name");
        KEYS.put("Township", "name");
        KEYS.put("Person", "id");
        KEYS.put("Mine", "id");
        KEYS.put("Issue", "id");
        KEYS.put("JointEnforcementAction", "id");
    }

    static final Set<String> RELATIONSHIP_TYPES = Set.of("HAS_GOAL", "NAMES_MINERAL", "HAS_PHASE", "HAS_TASK", "LED_BY",
            "STEERS", "HAS_OFFICE", "HOSTED_BY", "HAS_POSITION", "HELD_IN", "HAS_MEMBER", "RESPONSIBLE_UNIT",
            "TERRITORIAL_UNIT", "CITES", "FOCUSES_ON", "HAS_DUTY", "COVERS", "COMPETENT_UNIT", "GOVERNED_AS", "SERVES_IN",
            "HOLDS", "PRODUCES", "LOCATED_IN", "AT", "FOUND_BY", "IN_PHASE", "OF_TYPE", "ASSIGNED_TO",
            "RESPONSIBLE_PERSON", "SUPERVISED_BY", "RESULTED_IN", "FOR_MINE", "WITH_UNIT", "COVERS_ISSUE");

    private final CypherRunner graph;
    private final ReadPolicy policy;
    private final Scopes scopes;

    SubgraphQueries(CypherRunner graph, ReadPolicy policy, Scopes scopes) {
        this.graph = graph;
        this.policy = policy;
        this.scopes = scopes;
    }

    Subgraph around(String rootId, int depth, List<String> relationshipTypes, int limit, Viewer viewer) {
        return around(rootId, depth, relationshipTypes, limit, false, viewer);
    }

    /** With {@code outgoing}, only relationships pointing away from the root are followed. */
    Subgraph around(String rootId, int depth, List<String> relationshipTypes, int limit, boolean outgoing, Viewer viewer) {
        int colon = rootId.indexOf(':');
        String label = colon < 0 ? null : rootId.substring(0, colon);
        if (label == null || !KEYS.containsKey(label)) {
            throw new InvalidInputException("rootId", "rootId must look like Type:key with Type one of " + KEYS.keySet());
        }
        if (depth < 1 || depth > 4) {
            throw new InvalidInputException("depth", "depth must be between 1 and 4");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "limit must be between 1 and 1000");
        }
        if (relationshipTypes != null && !RELATIONSHIP_TYPES.containsAll(relationshipTypes)) {
            throw new InvalidInputException("relationshipTypes", "Unknown relationship type; known are " + RELATIONSHIP_TYPES);
        }
        String key = KEYS.get(label);
        Object keyValue = rootId.substring(colon + 1);
        if (key.equals("number")) {
            try {
                keyValue = Long.parseLong((String) keyValue);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("rootId", "A " + label + " is keyed by its number");
            }
        }
        Map<String, Object> params = new HashMap<>();
        params.put("key", keyValue);
        // Only the known kinds: figures kept for speed (NEEDS_DEPARTMENT) are not part of the picture.
        // Traverse only what the viewer may see, so nothing hidden decides which nodes come first or make the limit;
        // a relationship it sees only on its unit's problems is followed only from or to such a problem.
        List<String> requested = relationshipTypes == null ? List.copyOf(RELATIONSHIP_TYPES) : relationshipTypes;
        List<String> visible = requested.stream().filter(t -> policy.mayShow(viewer, t, true)).toList();
        params.put("types", visible);
        params.put("perProblem", visible.stream().filter(t -> !policy.mayShow(viewer, t, false)).toList());
        params.put("labels", List.copyOf(KEYS.keySet()));
        params.put("limit", limit);
        // Problems, mines and actions outside the viewer's jurisdiction are not there: not as the root, not on a path.
        params.put("districts", scopes.of(viewer, null).districts());
        SubgraphRows rows = graph.single("""
                MATCH (root:%1$s {%2$s: $key}) WHERE %6$s
                OPTIONAL MATCH path = (root)-[rels*1..%3$d]-%4$s(n)
                WHERE all(r IN rels WHERE type(r) IN $types AND (NOT type(r) IN $perProblem
                        OR any(x IN [startNode(r), endNode(r)] WHERE x:Issue AND EXISTS { (x)-[:%5$s]->(:Unit {id: $unit}) })))
                  AND all(x IN nodes(path) WHERE any(l IN labels(x) WHERE l IN $labels)
                          AND %7$s)
                WITH root, n, min(length(path)) AS hops
                ORDER BY hops, elementId(n)
                WITH root, [x IN collect(n) WHERE x IS NOT NULL] AS reached
                WITH [root] + reached[..$limit - 1] AS nodes, size(reached) > $limit - 1 AS truncated
                CALL (nodes) {
                  UNWIND nodes AS a
                  MATCH (a)-[r]->(b) WHERE b IN nodes AND type(r) IN $types
                  RETURN collect(r) AS rels
                }
                RETURN {truncated: truncated,
                        nodes: [x IN nodes | {eid: elementId(x), labels: labels(x), properties: properties(x)}],
                        rels: [r IN rels | {type: type(r), start: elementId(startNode(r)), end: elementId(endNode(r)),
                                            properties: properties(r)}],
                        ownIssues: CASE WHEN $unit IS NULL THEN [] ELSE
                          [i IN nodes WHERE i:Issue AND EXISTS { (i)-[:%5$s]->(:Unit {id: $unit}) } | i.id] END
                } AS item""".formatted(label, key, depth, outgoing ? ">" : "", ReadPolicy.PROBLEM_UNIT_RELATIONSHIPS,
                        Scope.holds("root"), Scope.holds("x")),
                withUnit(params, viewer), SubgraphRows::from)
                .orElseThrow(() -> new NotFoundException("rootId", "Nothing with id " + rootId));
        return assemble(rows, Visibility.of(policy, viewer));
    }

    private static Map<String, Object> withUnit(Map<String, Object> params, Viewer viewer) {
        params.put("unit", ReadPolicy.readerUnit(viewer));
        return params;
    }

    /** What a viewer may see of the elements of a subgraph: the read policy, as far as assembling needs it. */
    interface Visibility {

        /** Whether a relationship of the type may be shown; {@code ownProblem} when an end is the viewer's own problem. */
        boolean mayShow(String relationshipType, boolean ownProblem);

        /** The properties of a node or relationship the viewer may read. */
        Map<String, Object> visibleProperties(String element, Map<String, Object> properties, boolean ownProblem);

        static Visibility of(ReadPolicy policy, Viewer viewer) {
            return new Visibility() {
                @Override
                public boolean mayShow(String relationshipType, boolean ownProblem) {
                    return policy.mayShow(viewer, relationshipType, ownProblem);
                }

                @Override
                public Map<String, Object> visibleProperties(String element, Map<String, Object> properties,
                                                             boolean ownProblem) {
                    return policy.visibleProperties(viewer, element, properties, ownProblem);
                }
            };
        }
    }

    /**
     * Nodes and edges as the read policy lets the viewer see them: properties it may not read are left out, edges
     * it may not see are dropped, and so is every node that only such edges connected to the root (a picture must
     * not show whom a hidden edge led to). The first node is the root.
     */
    static Subgraph assemble(SubgraphRows rows, Visibility visibility) {
        Set<String> ownIssues = rows.ownIssues();
        Map<String, String> idsByElement = new HashMap<>();
        Map<String, Subgraph.Node> nodes = new LinkedHashMap<>();
        String root = null;
        for (SubgraphRows.NodeRow node : rows.nodes()) {
            List<String> labels = node.labels();
            String type = KEYS.keySet().stream().filter(labels::contains).findFirst().orElse(labels.getFirst());
            Map<String, Object> stored = node.properties();
            String id = type + ":" + stored.get(KEYS.getOrDefault(type, "id"));
            idsByElement.put(node.elementId(), id);
            boolean own = type.equals("Issue") && ownIssues.contains(String.valueOf(stored.get("id")));
            Map<String, Object> visible = visibility.visibleProperties(type, stored, own);
            nodes.put(id, new Subgraph.Node(id, type, label(visible), visible));
            root = root == null ? id : root;
        }
        List<Subgraph.Edge> edges = new ArrayList<>();
        for (SubgraphRows.RelationshipRow rel : rows.relationships()) {
            String source = idsByElement.get(rel.start());
            String target = idsByElement.get(rel.end());
            String type = rel.type();
            boolean own = ownsEnd(ownIssues, source) || ownsEnd(ownIssues, target);
            if (visibility.mayShow(type, own)) {
                edges.add(new Subgraph.Edge(type + ":" + source + "->" + target, type, source, target,
                        visibility.visibleProperties(type, rel.properties(), own)));
            }
        }
        Set<String> reachable = reachable(root, edges);
        List<Subgraph.Node> shown = nodes.values().stream().filter(n -> reachable.contains(n.id())).toList();
        return new Subgraph(shown, edges.stream().filter(e -> reachable.contains(e.source()))
                .sorted(java.util.Comparator.comparing(Subgraph.Edge::id)).toList(),
                rows.truncated());
    }

    /** Whether an end of an edge is one of the viewer's own problems. */
    private static boolean ownsEnd(Set<String> ownIssues, String nodeId) {
        return nodeId != null && nodeId.startsWith("Issue:") && ownIssues.contains(nodeId.substring("Issue:".length()));
    }

    /** The nodes connected to the root by the edges shown, either way round. */
    private static Set<String> reachable(String root, List<Subgraph.Edge> edges) {
        Map<String, List<String>> neighbours = new HashMap<>();
        for (Subgraph.Edge edge : edges) {
            neighbours.computeIfAbsent(edge.source(), k -> new ArrayList<>()).add(edge.target());
            neighbours.computeIfAbsent(edge.target(), k -> new ArrayList<>()).add(edge.source());
        }
        Set<String> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>();
        if (root != null) {
            todo.add(root);
            seen.add(root);
        }
        while (!todo.isEmpty()) {
            for (String next : neighbours.getOrDefault(todo.poll(), List.of())) {
                if (seen.add(next)) {
                    todo.add(next);
                }
            }
        }
        return seen;
    }

    private static String label(Map<String, Object> properties) {
        for (String key : List.of("name", "title", "code", "text")) {
            if (properties.get(key) != null) {
                String text = properties.get(key).toString();
                return text.length() > 40 ? text.substring(0, 40) + "…" : text;
            }
        }
        return String.valueOf(properties.getOrDefault("number", properties.get("id")));
    }
}
