package cn.changjiang.mining.accountability;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.security.ReadPolicy;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/** The one query behind a chain of accountability: everything linked to the given problems, in one round trip. */
@Component
class ChainQueries {

    private final CypherRunner reads;

    ChainQueries(CypherRunner reads) {
        this.reads = reads;
    }

    /** The open problems of a mine of the scope's districts; empty when no such mine is in the scope. */
    Optional<List<String>> openIssueIdsOfMine(String mineId, List<String> districts) {
        return reads.single("""
                MATCH (m:Mine {id: $mineId}) WHERE m.district IN $districts
                OPTIONAL MATCH (i:Issue)-[:AT]->(m) WHERE i.status IN $openStatuses
                WITH m, i ORDER BY i.foundOn, i.id
                // Grouped by the mine: no mine (unknown, or outside the scope), no row, NOT_FOUND.
                WITH m, collect(i.id) AS ids
                RETURN ids AS item""", Map.of("mineId", mineId, "districts", districts), v -> v.asList(Value::asString));
    }

    /**
     * Whether a problem, a mine or a township ({@code kind} "issue", "mine", "township") exists outside the scope's
     * districts: such a thing is answered as unknown.
     */
    boolean outside(String kind, String key, List<String> districts) {
        String cypher = switch (kind) {
            case "issue" -> "MATCH (n:Issue {id: $key}) RETURN NOT n.district IN $districts AS item";
            case "mine" -> "MATCH (n:Mine {id: $key}) RETURN NOT n.district IN $districts AS item";
            case "township" -> """
                    MATCH (n:Township {name: $key})
                    RETURN NOT EXISTS { (n)-[:PART_OF]->(d:Jurisdiction) WHERE d.id IN $districts } AS item""";
            default -> null;
        };
        return cypher != null && reads.single(cypher, Map.of("key", key, "districts", districts),
                v -> v.isNull() || v.asBoolean()).orElse(false);
    }

    /**
     * Facts of the problems (types, tasks, units, people) and of the working group above them: only the fields a chain
     * shows. The person who answers for a problem is in its facts only where the reader may know it
     * ({@link ReadPolicy#PROBLEM_DETAILS_READABLE}).
     */
    ChainFacts chainFacts(List<String> issueIds, String readerUnit) {
        return reads.single("""
                UNWIND $ids AS id
                MATCH (i:Issue {id: id})-[:AT]->(m:Mine)
                WITH i, m ORDER BY i.foundOn, i.id
                WITH collect({
                  issue: i {.id, .title, .status},
                  types: [(i)-[r:OF_TYPE]->(v:ViolationType) | {type: v {.code, .name}, order: r.order}],
                  tasks: [(i)-[:OF_TYPE]->(:ViolationType)<-[:FOCUSES_ON]-(t:Task) | t {.number, .title, .clause, .focus}],
                  assigned: [(i)-[a:ASSIGNED_TO]->(u:Unit) | {unit: u {.id, .name}, role: a.role}],
                  competent: [(i)-[:OF_TYPE]->(:ViolationType)-[c:COMPETENT_UNIT]->(u:Unit) | {unit: u {.id, .name, .order}, role: c.role, clause: c.clause, quote: c.quote}],
                  taskUnits: [(i)-[:OF_TYPE]->(:ViolationType)<-[:FOCUSES_ON]-(t:Task)-[r:RESPONSIBLE_UNIT]->(u:Unit) | {unit: u {.id, .name}, role: r.role, order: r.order, task: t {.clause, .unitsClause}}],
                  territorial: [(m)-[:LOCATED_IN]->(tw:Township)-[:GOVERNED_AS]->(u:Unit) | {unit: u {.id}, township: tw.name, government: tw.government}],
                  responsible: CASE WHEN %s THEN [(i)-[:RESPONSIBLE_PERSON]->(p:Person)-[:SERVES_IN]->(u:Unit) | {person: p {.id, .name}, unit: u {.id}}] ELSE [] END,
                  leaders: [(i)-[:ASSIGNED_TO|OF_TYPE]->()-[:COMPETENT_UNIT*0..1]->(u:Unit)<-[:SERVES_IN]-(p:Person)
                            WHERE p.rank IN ['DEPUTY', 'PRINCIPAL'] | {person: p {.id, .name, .rank}, unit: u {.id},
                              memberQuote: [(u)<-[:HELD_IN]-(pos:Position {rank: 'DEPUTY'}) WHERE pos.id STARTS WITH 'MEMBER_' | pos.quote][0]}]
                }) AS issues
                OPTIONAL MATCH (office:Office)-[:HAS_POSITION]->(director:Position)-[:HELD_IN]->(directorUnit:Unit)
                OPTIONAL MATCH (:WorkingGroup)-[:HAS_POSITION]->(convener:Position {id: 'CONVENER'})-[:HELD_IN]->(convenerUnit:Unit)
                RETURN {issues: issues, office: office {.id, .name, .quote}, director: director {.id, .title, .quote},
                        directorUnit: directorUnit {.id, .name},
                        directorHolders: [(p:Person)-[:HOLDS]->(director) | p {.name}],
                        convener: convener {.id, .title, .quote}, convenerUnit: convenerUnit {.id, .name},
                        convenerHolders: [(p:Person)-[:HOLDS]->(convener) | p {.name}],
                        holdsToAccount: [(:WorkingGroup)<-[:REQUIRED_OF]-(r:Requirement {id: 'R5.4-ACCOUNTABILITY'})
                                         | r.clause + ':' + r.quote][0]} AS item""".formatted(ReadPolicy.PROBLEM_DETAILS_READABLE),
                parameters(issueIds, readerUnit), ChainFacts::from).orElseThrow();
    }

    private static Map<String, Object> parameters(List<String> issueIds, String readerUnit) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("ids", issueIds);
        params.put("readerUnit", readerUnit);
        return params;
    }
}
