package cn.changjiang.mining.bench;

import cn.changjiang.mining.common.IssueStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The workloads as the peer (bench/peer/server.mjs: the Neo4j GraphQL Library over the same database) expresses them:
 * its generated queries where it has them (W4 a nested selection, W5 a list and a count), its {@code @cypher}
 * fields running the workloads' own Cypher where it has none (W1, W2, W3, W6). Each with what turns the peer's
 * answer into the shape of this API's, so the benchmark checks both give the same answer before timing them. W7 (a
 * report and an assignment) is left out: the library's generated mutations do not keep the change records, the
 * phase or the mine's departments the API writes, so they would not do the same work.
 */
final class PeerWorkloads {

    private PeerWorkloads() {
    }

    /** A workload as the peer asks it, and its answer turned into this API's shape. */
    record PeerWorkload(Function<Target, Workloads.Request> request, Function<Map<String, Object>, Object> answer) {
    }

    static final Map<String, PeerWorkload> ALL = new LinkedHashMap<>();

    static {
        ALL.put("W1", new PeerWorkload(t -> new Workloads.Request("""
                query W1($id: ID!) { accountabilityChain(id: $id) { level kind id name role grounds } }""",
                Map.of("id", t.issueId())), data -> data.get("accountabilityChain")));
        ALL.put("W2", new PeerWorkload(t -> new Workloads.Request("""
                query W2($day: String!, $limit: Int!, $districts: [String!]!, $openStatuses: [String!]!) {
                  jointEnforcementCandidates(day: $day, limit: $limit, districts: $districts, openStatuses: $openStatuses) {
                    totalCount
                    edges { node {
                      mine { id name } departmentCount
                      departments { unit { id } issues { id } }
                      openIssueCount overdueIssueCount seriousIssueCount suggestedLead { id } criminalMatter
                    } }
                  } }""", scoped(t, Map.of("limit", 50))), data -> data.get("jointEnforcementCandidates")));
        ALL.put("W3", new PeerWorkload(t -> new Workloads.Request("""
                query W3($day: String!, $units: [String!]!, $districts: [String!]!, $openStatuses: [String!]!, $closedStatus: String!) {
                  unitScorecards(day: $day, units: $units, districts: $districts, openStatuses: $openStatuses, closedStatus: $closedStatus) {
                    unit { id } assigned open overdue closedOnTime closedLate
                  } }""", scoped(t, Map.of("units", t.units(),
                "closedStatus", IssueStatus.CYPHER_PARAMETERS.get(IssueStatus.CLOSED_STATUS)))),
                data -> data.get("unitScorecards")));
        ALL.put("W4", new PeerWorkload(t -> new Workloads.Request("""
                query W4($id: ID!) {
                  mines(where: {id: {eq: $id}}) {
                    id name
                    issues { id title ofType { code name } assignedTo { id name } responsiblePerson { id name } foundBy { code name } }
                  } }""", Map.of("id", t.mineId())), PeerWorkloads::subgraph));
        ALL.put("W5", new PeerWorkload(t -> new Workloads.Request("""
                query W5($districts: [String!]!) {
                  issues(where: {district: {in: $districts}}, sort: [{id: ASC}], limit: 100) {
                    id title status foundOn mine { id name }
                    assignedToConnection(sort: [{edge: {role: ASC}}, {node: {order: ASC}}]) { edges { properties { role } node { id name } } }
                    responsiblePerson { id name }
                  }
                  issuesConnection(where: {district: {in: $districts}}) { aggregate { count { nodes } } }
                }""", Map.of("districts", t.districts())), PeerWorkloads::page));
        ALL.put("W8", new PeerWorkload(t -> new Workloads.Request("""
                query W8($districts: [String!]!, $statuses: [String!]!, $from: Date!, $lead: ID!) {
                  issues(where: {district: {in: $districts}, status: {in: $statuses}, foundOn: {gte: $from},
                                 assignedToConnection: {some: {edge: {role: {eq: "LEAD"}}, node: {id: {eq: $lead}}}}},
                         sort: [{deadline: ASC}, {foundOn: DESC}, {id: ASC}], limit: 100) {
                    id title status foundOn deadline
                  }
                  issuesConnection(where: {district: {in: $districts}, status: {in: $statuses}, foundOn: {gte: $from},
                                 assignedToConnection: {some: {edge: {role: {eq: "LEAD"}}, node: {id: {eq: $lead}}}}}) {
                    aggregate { count { nodes } } }
                }""", Map.of("districts", t.districts(), "statuses", Workloads.W8_STATUSES, "from", Workloads.W8_FOUND_FROM,
                "lead", t.leadUnit())), PeerWorkloads::wherePage));
        ALL.put("W6", new PeerWorkload(t -> new Workloads.Request("""
                query W6($day: String!, $districts: [String!]!, $openStatuses: [String!]!) {
                  issueCounts(day: $day, districts: $districts, openStatuses: $openStatuses) { keys count open overdue }
                }""", scoped(t, Map.of())), data -> data.get("issueCounts")));
    }

    /** The library's W8 answer in the app's shape (a connection of the fields asked). */
    @SuppressWarnings("unchecked")
    private static Object wherePage(Map<String, Object> data) {
        List<Object> edges = new ArrayList<>();
        for (Map<String, Object> issue : (List<Map<String, Object>>) data.get("issues")) {
            edges.add(Map.of("node", new LinkedHashMap<>(issue)));
        }
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("totalCount", ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) data
                .get("issuesConnection")).get("aggregate")).get("count")).get("nodes"));
        connection.put("edges", edges);
        return connection;
    }

    /** The parameters every scoped statement takes: today, the scope's districts, the open statuses. */
    private static Map<String, Object> scoped(Target t, Map<String, Object> more) {
        Map<String, Object> variables = new LinkedHashMap<>(more);
        variables.put("day", LocalDate.now().toString());
        variables.put("districts", t.districts());
        variables.put("openStatuses", IssueStatus.CYPHER_PARAMETERS.get(IssueStatus.OPEN_STATUSES));
        return variables;
    }

    /** The peer's nested mine → problems → types, units, people, sources as this API's subgraph (nodes, edges). */
    @SuppressWarnings("unchecked")
    private static Object subgraph(Map<String, Object> data) {
        Map<String, Object> mine = ((List<Map<String, Object>>) data.get("mines")).getFirst();
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        List<Map<String, Object>> edges = new ArrayList<>();
        String mineId = node(nodes, "Mine", mine.get("id"), mine.get("name"));
        for (Map<String, Object> issue : (List<Map<String, Object>>) mine.get("issues")) {
            String issueId = node(nodes, "Issue", issue.get("id"), issue.get("title"));
            edge(edges, "AT", issueId, mineId);
            for (Map<String, Object> v : (List<Map<String, Object>>) issue.get("ofType")) {
                edge(edges, "OF_TYPE", issueId, node(nodes, "ViolationType", v.get("code"), v.get("name")));
            }
            for (Map<String, Object> u : (List<Map<String, Object>>) issue.get("assignedTo")) {
                edge(edges, "ASSIGNED_TO", issueId, node(nodes, "Unit", u.get("id"), u.get("name")));
            }
            for (Map<String, Object> p : (List<Map<String, Object>>) issue.get("responsiblePerson")) {
                edge(edges, "RESPONSIBLE_PERSON", issueId, node(nodes, "Person", p.get("id"), p.get("name")));
            }
            for (Map<String, Object> s : (List<Map<String, Object>>) issue.get("foundBy")) {
                edge(edges, "FOUND_BY", issueId, node(nodes, "ProblemSource", s.get("code"),
                        s.get("name") == null ? s.get("code") : s.get("name")));
            }
        }
        Map<String, Object> subgraph = new LinkedHashMap<>();
        subgraph.put("nodes", new ArrayList<>(nodes.values()));
        subgraph.put("edges", edges);
        subgraph.put("truncated", false);
        return sorted(subgraph);
    }

    private static String node(Map<String, Map<String, Object>> nodes, String type, Object key, Object label) {
        String id = type + ":" + key;
        String text = String.valueOf(label);
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", id);
        node.put("type", type);
        node.put("label", text.length() > 40 ? text.substring(0, 40) + "…" : text);
        nodes.putIfAbsent(id, node);
        return id;
    }

    private static void edge(List<Map<String, Object>> edges, String type, String source, String target) {
        Map<String, Object> edge = new LinkedHashMap<>();
        edge.put("id", type + ":" + source + "->" + target);
        edge.put("type", type);
        edge.put("source", source);
        edge.put("target", target);
        edges.add(edge);
    }

    /** A subgraph with its nodes and edges sorted by id: a set of nodes and a set of edges. */
    @SuppressWarnings("unchecked")
    static Object sorted(Object subgraph) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) subgraph);
        for (String part : List.of("nodes", "edges")) {
            List<Map<String, Object>> list = new ArrayList<>((List<Map<String, Object>>) copy.get(part));
            list.sort(Comparator.comparing(e -> String.valueOf(e.get("id"))));
            copy.put(part, list.stream().distinct().toList());
        }
        return copy;
    }

    /** The peer's list and count as this API's connection of problems. */
    @SuppressWarnings("unchecked")
    private static Object page(Map<String, Object> data) {
        List<Object> edges = new ArrayList<>();
        for (Map<String, Object> issue : (List<Map<String, Object>>) data.get("issues")) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", issue.get("id"));
            node.put("title", issue.get("title"));
            node.put("status", issue.get("status"));
            node.put("foundOn", issue.get("foundOn"));
            node.put("mine", first(issue.get("mine")));
            List<Object> assignments = new ArrayList<>();
            for (Map<String, Object> e : (List<Map<String, Object>>) ((Map<String, Object>) issue.get("assignedToConnection")).get("edges")) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("role", ((Map<String, Object>) e.get("properties")).get("role"));
                a.put("unit", e.get("node"));
                assignments.add(a);
            }
            node.put("assignments", assignments);
            node.put("responsiblePerson", first(issue.get("responsiblePerson")));
            edges.add(Map.of("node", node));
        }
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("totalCount", ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) data
                .get("issuesConnection")).get("aggregate")).get("count")).get("nodes"));
        connection.put("edges", edges);
        return connection;
    }

    private static Object first(Object list) {
        return list instanceof List<?> l && !l.isEmpty() ? l.getFirst() : null;
    }
}
