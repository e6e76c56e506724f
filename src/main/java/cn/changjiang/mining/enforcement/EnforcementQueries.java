package cn.changjiang.mining.enforcement;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.graph.Where;
import cn.changjiang.mining.ledger.Issue;
import cn.changjiang.mining.mine.Mine;
import cn.changjiang.mining.plan.Competence;
import cn.changjiang.mining.plan.Unit;
import cn.changjiang.mining.plan.Scope;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/** The Cypher of 联合执法: which mines need it, and the actions organised for them. */
@Component
class EnforcementQueries {

    private final CypherRunner reads;

    EnforcementQueries(CypherRunner reads) {
        this.reads = reads;
    }

    // A problem is a criminal matter (行刑衔接: police and 政法委 join) as JointEnforcementCandidate.CRIMINAL_MATTER says;
    // both queries below use this same test.

    /**
     * Mines whose open problems need at least {@code minDepartments} departments, ranked, with one page sliced out;
     * one round trip. The departments of a problem are the competent units of its violation types plus the units
     * explicitly assigned to it, never a task's whole 责任单位 list.
     * <p>
     * The span of departments and the rank are kept on each mine by the ledger's writes ({@link DepartmentSpans},
     * {@link JointEnforcementCandidate#RANK_MINE}), so the page is read in the order of an index, as far as the page
     * goes, and the total is counted from an index of the scope's districts; only the mines whose kept rank a passed
     * deadline has made stale are ranked here (and again by the next write or {@link CandidateRanks} each night).
     */
    CandidatePage findMinesNeedingJointEnforcement(int minDepartments, String township, String mineral, String mine,
                                           Scope scope, LocalDate today, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("districts", scope.districts());
        params.put("mine", mine);
        params.put("minDepartments", minDepartments);
        params.put("township", township);
        params.put("mineral", mineral);
        params.put("today", today);
        params.put("offset", offset);
        params.put("limit", limit);
        params.put("minRank", minDepartments * SPAN_WEIGHT);
        return reads.single("""
                // The total: an index-backed count (mine_district_department_span) of the scope's mines.
                CALL () {
                  MATCH (m:Mine) WHERE m.district IN $districts AND m.departmentSpan >= $minDepartments AND %1$s
                  RETURN count(m) AS total
                }
                // The page: the kept ranks in index order (mine_joint_rank), with the mines whose kept rank is out of
                // date today (a deadline has passed since, or it was kept on a later day) ranked again here.
                CALL () {
                  CALL () {
                    MATCH (m:Mine) WHERE m.jointRank >= $minRank AND %1$s
                      AND m.rankedOn <= $today AND (m.rankGoodUntil IS NULL OR m.rankGoodUntil >= $today)
                    RETURN m AS mine ORDER BY m.jointRank DESC, m.id LIMIT $offset + $limit
                    UNION
                    MATCH (m:Mine) USING INDEX m:Mine(rankGoodUntil)
                    WHERE m.rankGoodUntil < $today AND m.departmentSpan >= $minDepartments AND %1$s
                    RETURN m AS mine
                    UNION
                    MATCH (m:Mine) USING INDEX m:Mine(rankedOn)
                    WHERE m.rankedOn > $today AND m.departmentSpan >= $minDepartments AND %1$s
                    RETURN m AS mine
                  }
                  // Ranked as the kept rank says where it is right (the same number), again where it is stale.
                  WITH mine, %4$s AS rank ORDER BY rank DESC, mine.id SKIP $offset LIMIT $limit
                  CALL (mine) {
                    MATCH (i:Issue)-[:AT]->(mine) WHERE i.status IN $openStatuses
                    RETURN count(i) AS open, count(CASE WHEN i.deadline < $today THEN 1 END) AS overdue,
                           count(CASE WHEN i.severity IN ['SERIOUS', 'MAJOR'] THEN 1 END) AS serious,
                           count(CASE WHEN %3$s THEN 1 END) > 0 AS criminal
                  }
                  CALL (mine) {
                    MATCH (i:Issue)-[:AT]->(mine) WHERE i.status IN $openStatuses
                    UNWIND %2$s AS u
                    WITH DISTINCT u, i
                    WITH u, collect(i) AS issues
                    RETURN collect({unit: u, issues: issues}) AS departments
                  }
                  RETURN collect({mine: mine, departments: departments, open: open, overdue: overdue, serious: serious,
                                  criminal: criminal,
                                  openAction: [(a:JointEnforcementAction)-[:FOR_MINE]->(mine) WHERE a.status <> 'CLOSED' | a][0]}) AS rows
                }
                RETURN {total: total, rows: rows,
                        mustJoin: COLLECT { MATCH (u:Unit) WHERE u.id IN ['POLICE', 'POLITICS_LAW'] RETURN u ORDER BY u.order, u.id }} AS item"""
                .formatted(MINE_FILTER, JointEnforcementCandidate.DEPARTMENTS_OF_ISSUE,
                        JointEnforcementCandidate.CRIMINAL_MATTER, JointEnforcementCandidate.rankOf("mine", "$today")),
                params, CandidatePage::from)
                .orElseThrow();
    }

    /** How many departments the open problems of each mine need, as the ledger's writes keep it, for every mine. */
    Map<String, Integer> departmentSpans() {
        return spans(reads.list("""
                MATCH (m:Mine)-[:NEEDS_DEPARTMENT]->()
                WITH m, count(*) AS departments
                RETURN {mine: m.id, departments: departments} AS item""", Map.of(), MineSpan::from));
    }

    /** The same, for the given mines and the mines of the given problems, zero included; one round trip. */
    Map<String, Integer> departmentSpans(Collection<String> mineIds, Collection<String> issueIds) {
        return spans(reads.list("""
                CALL () {
                  UNWIND $mineIds AS id MATCH (m:Mine {id: id}) RETURN m
                  UNION
                  UNWIND $issueIds AS id MATCH (:Issue {id: id})-[:AT]->(m:Mine) RETURN m
                }
                RETURN {mine: m.id, departments: COUNT { (m)-[:NEEDS_DEPARTMENT]->() }} AS item""",
                Map.of("mineIds", List.copyOf(mineIds), "issueIds", List.copyOf(issueIds)), MineSpan::from));
    }

    /** How many departments a mine's open problems need. */
    record MineSpan(String mine, int departments) {

        static MineSpan from(Value v) {
            return new MineSpan(v.get("mine").asString(), v.get("departments").asInt());
        }
    }

    private static Map<String, Integer> spans(List<MineSpan> rows) {
        Map<String, Integer> spans = new HashMap<>();
        rows.forEach(row -> spans.put(row.mine(), row.departments()));
        return spans;
    }

    /** The weight of one department in a kept rank ({@link JointEnforcementCandidate#rankOf}). */
    static final long SPAN_WEIGHT = 1_000_000_000_000L;

    /** Ranks again the mines whose kept rank a passed deadline has made stale; how many. */
    long rankStaleMines() {
        return reads.writeSingle("""
                MATCH (m:Mine) WHERE m.rankGoodUntil < date()
                %s
                RETURN count(m) AS item""".formatted(JointEnforcementCandidate.RANK_MINE), Map.of(), Value::asLong)
                .orElse(0L);
    }

    private static final String MINE_FILTER = """
            m.district IN $districts
              AND ($mine IS NULL OR m.id = $mine)
              AND ($township IS NULL OR EXISTS { (m)-[:LOCATED_IN]->(:Township {name: $township}) })
              AND ($mineral IS NULL OR EXISTS { (m)-[:PRODUCES]->(:Mineral {name: $mineral}) })""";

    Optional<JointEnforcementAction> action(String id) {
        return reads.single("MATCH (a:JointEnforcementAction {id: $id}) RETURN a AS item", Map.of("id", id),
                JointEnforcementAction::from);
    }

    /** The district of a mine, or of an action's mine, when it exists (the other id null). */
    Optional<String> districtOf(String mineId, String actionId) {
        Map<String, Object> params = new HashMap<>();
        params.put("mineId", mineId);
        params.put("actionId", actionId);
        return reads.single("""
                CALL () {
                  MATCH (m:Mine {id: $mineId}) RETURN m
                  UNION
                  MATCH (:JointEnforcementAction {id: $actionId})-[:FOR_MINE]->(m:Mine) RETURN m
                }
                RETURN m.district AS item LIMIT 1""", params, v -> v.asString(null)).filter(d -> d != null);
    }

    /** An action by id, as if it did not exist when its mine lies outside the scope. */
    Optional<JointEnforcementAction> action(String id, Scope scope) {
        return reads.single("""
                MATCH (a:JointEnforcementAction {id: $id})-[:FOR_MINE]->(m:Mine) WHERE m.district IN $districts
                RETURN a AS item""", Map.of("id", id, "districts", scope.districts()), JointEnforcementAction::from);
    }

    /** The actions at mines of the scope's districts, newest first. */
    List<JointEnforcementAction> actions(JointEnforcementStatus status, Where.Compiled where, Scope scope, LocalDate today) {
        Map<String, Object> params = new HashMap<>(where.parameters());
        params.put("f_today", today); // a problem's `overdue` in the where
        params.put("status", status == null ? null : status.name());
        params.put("districts", scope.districts());
        return reads.list("""
                MATCH (m:Mine) WHERE m.district IN $districts
                MATCH (a:JointEnforcementAction)-[:FOR_MINE]->(m) WHERE ($status IS NULL OR a.status = $status) AND %s
                RETURN a AS item ORDER BY a.openedAt DESC, a.id""".formatted(where.condition()), params,
                JointEnforcementAction::from);
    }

    /**
     * What opening an action must check, read inside the writing transaction after locking the mine, so two
     * offices cannot open two actions for one mine at once.
     */
    Optional<OpeningFacts> lockMineAndReadForOpening(String mineId, List<String> issueIds, List<String> unitIds,
                                                     List<String> districts) {
        return reads.writeSingle("""
                MATCH (m:Mine {id: $mineId})
                SET m._lock = true REMOVE m._lock
                WITH m
                OPTIONAL MATCH (i:Issue) WHERE i.id IN $issueIds AND (i.district IS NULL OR i.district IN $districts)
                WITH m, collect({id: i.id, open: i.status IN $openStatuses, atMine: EXISTS { (i)-[:AT]->(m) },
                  criminal: %1$s,
                  responsible: [(i)-[:ASSIGNED_TO]->(u:Unit) | u.id]
                             + %2$s
                             + [(i)-[:OF_TYPE]->(:ViolationType)<-[:COVERS]-(:Duty)<-[:HAS_DUTY]-(u:Unit) | u.id]
                             + [(i)-[:OF_TYPE]->(:ViolationType)<-[:FOCUSES_ON]-(:Task)-[:RESPONSIBLE_UNIT]->(u:Unit) | u.id]}) AS issues
                RETURN {issues: [x IN issues WHERE x.id IS NOT NULL],
                        knownUnits: COLLECT { MATCH (u:Unit) WHERE u.id IN $unitIds RETURN u.id },
                        openAction: [(a:JointEnforcementAction)-[:FOR_MINE]->(m) WHERE a.status <> 'CLOSED' | a.id][0]} AS item"""
                        .formatted(JointEnforcementCandidate.CRIMINAL_MATTER, Competence.competentUnits("i", "", "u.id")),
                Map.of("mineId", mineId, "issueIds", issueIds, "unitIds", unitIds, "districts", districts), OpeningFacts::from);
    }

    JointEnforcementAction create(String id, JointEnforcementAction.OpenInput input) {
        return reads.writeSingle("""
                MATCH (m:Mine {id: $mineId}), (lead:Unit {id: $leadUnitId})
                CREATE (a:JointEnforcementAction {id: $id, status: 'OPEN', plannedOn: $plannedOn, openedAt: datetime()})
                CREATE (a)-[:FOR_MINE]->(m)
                CREATE (a)-[:LED_BY]->(lead)
                WITH a
                CALL (a) {
                  UNWIND $participants AS unitId
                  MATCH (u:Unit {id: unitId})
                  CREATE (a)-[:WITH_UNIT]->(u)
                }
                CALL (a) {
                  UNWIND $issueIds AS issueId
                  MATCH (i:Issue {id: issueId})
                  CREATE (a)-[:COVERS_ISSUE]->(i)
                }
                RETURN a AS item""", Map.of("id", id, "mineId", input.mineId(), "leadUnitId", input.leadUnitId(),
                "plannedOn", input.plannedOn(), "participants", input.participatingUnitIds(), "issueIds", input.issueIds()),
                JointEnforcementAction::from).orElseThrow();
    }

    /** Locks the action and reads it, or empty when there is none. */
    Optional<JointEnforcementAction> lockAction(String id) {
        return reads.writeSingle("""
                MATCH (a:JointEnforcementAction {id: $id})
                SET a._lock = true REMOVE a._lock
                RETURN a AS item""", Map.of("id", id), JointEnforcementAction::from);
    }

    /** Writes a result: the action's result fields as the service computed them (unchanged ones included). */
    JointEnforcementAction recordResult(String actionId, Map<String, Object> result) {
        Map<String, Object> params = new HashMap<>(result);
        params.remove("status"); // the statement sets it
        params.put("id", actionId);
        return reads.writeSingle("""
                MATCH (a:JointEnforcementAction {id: $id})
                SET a.status = 'RESULT_RECORDED', a.inspectedOn = $inspectedOn, a.findings = $findings,
                    a.penaltyAmount = $penaltyAmount, a.penaltyDecisions = $penaltyDecisions,
                    a.casesTransferred = $casesTransferred, a.mineClosed = $mineClosed, a.resultRecordedAt = datetime()
                RETURN a AS item""", params, JointEnforcementAction::from).orElseThrow();
    }

    JointEnforcementAction close(String actionId, String summary) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", actionId);
        params.put("summary", summary);
        return reads.writeSingle("""
                MATCH (a:JointEnforcementAction {id: $id})
                SET a.status = 'CLOSED', a.closedAt = datetime(), a.summary = $summary
                RETURN a AS item""", params, JointEnforcementAction::from).orElseThrow();
    }

    Map<JointEnforcementAction, Mine> minesOfActions(List<JointEnforcementAction> actions) {
        return reads.one(actions, JointEnforcementAction::id, """
                UNWIND $keys AS key
                MATCH (:JointEnforcementAction {id: key})-[:FOR_MINE]->(m:Mine)
                RETURN key, m AS item""", Mine::from);
    }

    Map<JointEnforcementAction, Unit> leadUnitsOfActions(List<JointEnforcementAction> actions) {
        return reads.one(actions, JointEnforcementAction::id, """
                UNWIND $keys AS key
                MATCH (:JointEnforcementAction {id: key})-[:LED_BY]->(u:Unit)
                RETURN key, u AS item""", Unit::from);
    }

    Map<JointEnforcementAction, List<Unit>> participantsOfActions(List<JointEnforcementAction> actions) {
        return reads.many(actions, JointEnforcementAction::id, """
                UNWIND $keys AS key
                MATCH (:JointEnforcementAction {id: key})-[:WITH_UNIT]->(u:Unit)
                WITH key, u ORDER BY u.order, u.id
                RETURN key, collect(u) AS items""", Unit::from);
    }

    Map<JointEnforcementAction, List<Issue>> issuesOfActions(List<JointEnforcementAction> actions) {
        return reads.many(actions, JointEnforcementAction::id, """
                UNWIND $keys AS key
                MATCH (:JointEnforcementAction {id: key})-[:COVERS_ISSUE]->(i:Issue)
                WITH key, i ORDER BY i.id
                RETURN key, collect(i) AS items""", Issue::from);
    }
}
