package cn.changjiang.mining.accountability;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.plan.Competence;
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
     * ({@link ReadPolicy#PROBLEM_DETAILS_READABLE}). With {@code districts}, only the problems of those districts have
     * facts (a problem outside them is answered as an unknown one); null when the ids were already found in scope.
     */
    ChainFacts chainFacts(List<String> issueIds, List<String> districts, String readerUnit) {
        return reads.single("""
                UNWIND $ids AS id
                MATCH (i:Issue {id: id})-[:AT]->(m:Mine)
                WHERE $districts IS NULL OR i.district IN $districts
                WITH i, m ORDER BY i.foundOn, i.id
                WITH collect({
                  issue: i {.id, .title, .status},
                  types: [(i)-[r:OF_TYPE]->(v:ViolationType) | {type: v {.code, .name}, order: r.order}],
                  tasks: [(i)-[:OF_TYPE]->(:ViolationType)<-[:FOCUSES_ON]-(t:Task) | t {.number, .title, .clause, .focus}],
                  assigned: [(i)-[a:ASSIGNED_TO]->(u:Unit) | {unit: u {.id, .name}, role: a.role}],
                  competent: %2$s,
                  taskUnits: [(i)-[:OF_TYPE]->(:ViolationType)<-[:FOCUSES_ON]-(t:Task)-[r:RESPONSIBLE_UNIT]->(u:Unit)
                             WHERE i.district IS NULL OR EXISTS { (u)-[:BELONGS_TO|SERVES]->(:Jurisdiction {id: i.district}) } | {unit: u {.id, .name}, role: r.role, order: r.order, task: t {.clause, .unitsClause}}],
                  territorial: [(m)-[:LOCATED_IN]->(tw:Township)-[:GOVERNED_AS]->(u:Unit) | {unit: u {.id}, township: tw.name, government: tw.government}],
                  responsible: CASE WHEN %1$s THEN [(i)-[:RESPONSIBLE_PERSON]->(p:Person)-[:SERVES_IN]->(u:Unit) | {person: p {.id, .name}, unit: u {.id}}] ELSE [] END,
                  leaders: reduce(acc = [], u IN [(i)-[:ASSIGNED_TO]->(a:Unit) | a] + %3$s |
                            acc + [(u)<-[:SERVES_IN]-(p:Person) WHERE p.rank IN ['DEPUTY', 'PRINCIPAL'] | {person: p {.id, .name, .rank}, unit: u {.id},
                              memberQuote: %5$s}])
                }) AS issues, collect(i.district)[0] AS district
                CALL (district) {
                  OPTIONAL MATCH (dp:Plan)-[:FOR]->(:Jurisdiction {id: district})
                  WITH dp ORDER BY CASE WHEN EXISTS { (dp)-[:SETS_OUT]->(:Campaign) } THEN 0 ELSE 1 END, dp.id
                  LIMIT 1
                  RETURN dp, dp IS NOT NULL AND NOT EXISTS { (dp)-[:SETS_OUT]->(:Campaign) } AS ownPlan
                }
                WITH issues, dp, ownPlan,
                     CASE WHEN ownPlan THEN [(dp)-[:CONVENES]->(g:PlanWorkingGroup) | %4$s][0] END AS ownGroup,
                     [path = (dp)-[:IMPLEMENTS*1..4]->(up:Plan) WHERE EXISTS { (up)-[:CONVENES]->(:PlanWorkingGroup) }
                      | {depth: length(path), implementsQuote: last(relationships(path)).quote,
                         group: [(up)-[:CONVENES]->(g:PlanWorkingGroup) | %4$s][0]}] AS upper
                OPTIONAL MATCH (office:Office)-[:HAS_POSITION]->(director:Position)-[:HELD_IN]->(directorUnit:Unit)
                OPTIONAL MATCH (:WorkingGroup)-[:HAS_POSITION]->(convener:Position {id: 'CONVENER'})-[:HELD_IN]->(convenerUnit:Unit)
                WITH issues, ownGroup, upper,
                     CASE WHEN ownGroup IS NULL THEN office END AS office, CASE WHEN ownGroup IS NULL THEN director END AS director,
                     directorUnit, CASE WHEN ownGroup IS NULL THEN convener END AS convener, convenerUnit
                RETURN {issues: issues, office: office {.id, .name, .quote}, director: director {.id, .title, .quote},
                        directorUnit: directorUnit {.id, .name}, ownGroup: ownGroup, upper: upper,
                        directorHolders: COLLECT { MATCH (p:Person)-[:HOLDS]->(director) WITH p ORDER BY p.id RETURN p {.name} },
                        convener: convener {.id, .title, .quote}, convenerUnit: convenerUnit {.id, .name},
                        convenerHolders: COLLECT { MATCH (p:Person)-[:HOLDS]->(convener) WITH p ORDER BY p.id RETURN p {.name} },
                        holdsToAccount: [(:WorkingGroup)<-[:REQUIRED_OF]-(r:Requirement {id: 'R5.4-ACCOUNTABILITY'})
                                         | r.clause + ':' + r.quote][0]} AS item""".formatted(ReadPolicy.PROBLEM_DETAILS_READABLE,
                        Competence.competentUnits("i", "", "{unit: u {.id, .name, .order}, role: k.role, clause: k.clause, quote: k.quote}"),
                        Competence.competentUnits("i", "", "u"), GROUP, MEMBER_QUOTE),
                parameters(issueIds, districts, readerUnit), ChainFacts::from).orElseThrow();
    }

    /**
     * The annex-1 quote of a unit {@code u}'s deputy position in the working group; of several, the first by position
     * id, never by storage order.
     */
    static final String MEMBER_QUOTE = """
            COLLECT { MATCH (u)<-[:HELD_IN]-(pos:Position {rank: 'DEPUTY'}) WHERE pos.id STARTS WITH 'MEMBER_'
                      WITH pos ORDER BY pos.id RETURN pos.quote }[0]""";

    /** A plan's working group {@code g} as a chain shows it: with its convener's unit and its jurisdiction. */
    private static final String GROUP = """
            g {.id, .name, .quote, .convenerUnitName, .convenerRank, unit: [(g)-[:CONVENER_UNIT]->(u) | u {.id, .name}][0],
               jurisdiction: [(g)<-[:CONVENES]-(:Plan)-[:FOR]->(j:Jurisdiction) | j {.id, .name, .level}][0]}""";

    private static Map<String, Object> parameters(List<String> issueIds, List<String> districts, String readerUnit) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("ids", issueIds);
        params.put("districts", districts);
        params.put("readerUnit", readerUnit);
        return params;
    }
}
