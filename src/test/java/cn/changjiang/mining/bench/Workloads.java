package cn.changjiang.mining.bench;

import cn.changjiang.mining.enforcement.JointEnforcementCandidate;
import cn.changjiang.mining.plan.Competence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The workloads of issue 7, each as a GraphQL document and as hand-written Cypher that returns the same answer in
 * the same shape (field names as in the GraphQL response), so the benchmark measures both doing the same work and
 * the test can check that they agree. Parameters (which problem, which mine) come from {@link Target#pick}.
 */
final class Workloads {

    private Workloads() {
    }

    /**
     * One workload. {@code graphQl} gives the document and variables; {@code cypher} the statement and parameters;
     * {@code answer} picks, from the GraphQL {@code data}, the part the Cypher returns as its one column
     * {@code answer}; {@code canonical} makes both comparable where the API leaves an order open.
     */
    record Workload(String id, String title, boolean write, Function<Target, Request> graphQl,
                    Function<Target, Request> cypher, String answerField, Function<Object, Object> canonical) {
    }

    record Request(String text, Map<String, Object> parameters) {
    }

    /**
     * The app's day (its clock is Asia/Shanghai's, web/GraphQlConfiguration), not the machine's: between 16:00 and
     * midnight UTC they differ, and so would the overdue counts.
     */
    static LocalDate today() {
        return LocalDate.now(cn.changjiang.mining.common.CampaignTime.ZONE);
    }

    static final Workload W1 = new Workload("W1", "accountability chain of one problem", false,
            t -> new Request("""
                    query W1($id: ID!) { accountabilityChain(issueId: $id) { level kind id name role grounds } }""",
                    Map.of("id", t.issueId())),
            t -> new Request(Cypher.CHAIN, Map.of("id", t.issueId())),
            "accountabilityChain", Function.identity());

    static final Workload W2 = new Workload("W2", "joint-enforcement candidates, top 50", false,
            t -> new Request("""
                    query W2($j: ID) { jointEnforcementCandidates(minDepartments: 2, first: 50, jurisdiction: $j) {
                      totalCount
                      edges { node {
                        mine { id name } departmentCount
                        departments { unit { id } issues { id } }
                        openIssueCount overdueIssueCount seriousIssueCount suggestedLead { id } criminalMatter
                      } }
                    } }""", Map.of()),
            t -> new Request(Cypher.CANDIDATES, Map.of("today", today(), "limit", 50)),
            "jointEnforcementCandidates", Function.identity());

    static final Workload W3 = new Workload("W3", "unit scorecard", false,
            t -> new Request("""
                    query W3($j: ID) { unitScorecards(jurisdiction: $j) { unit { id } assigned open overdue closedOnTime closedLate } }""", Map.of()),
            t -> new Request(Cypher.SCORECARDS, Map.of("today", today())),
            "unitScorecards", Function.identity());

    static final Workload W4 = new Workload("W4", "subgraph of depth 2 around a mine", false,
            t -> new Request("""
                    query W4($root: ID!) {
                      subgraph(rootId: $root, depth: 2, relationshipTypes: ["AT", "OF_TYPE", "ASSIGNED_TO", "RESPONSIBLE_PERSON", "FOUND_BY"], limit: 300) {
                        nodes { id type label } edges { id type source target } truncated
                      } }""", Map.of("root", "Mine:" + t.mineId())),
            t -> new Request(Cypher.SUBGRAPH, Map.of("key", t.mineId(),
                    "types", List.of("AT", "OF_TYPE", "ASSIGNED_TO", "RESPONSIBLE_PERSON", "FOUND_BY"), "limit", 300)),
            "subgraph", Workloads::edgesAsSet);

    static final Workload W5 = new Workload("W5", "a page of 100 problems with units, people and mine", false,
            t -> new Request("""
                    query W5($j: ID) { issues(first: 100, jurisdiction: $j) {
                      totalCount
                      edges { node {
                        id title status foundOn mine { id name }
                        assignments { role unit { id name } } responsiblePerson { id name }
                      } }
                    } }""", Map.of()),
            t -> new Request(Cypher.ISSUE_PAGE, Map.of("limit", 100)),
            "issues", Function.identity());

    static final Workload W6 = new Workload("W6", "problems counted by unit x status", false,
            t -> new Request("""
                    query W6($j: ID) { issueCounts(groupBy: [UNIT, STATUS], jurisdiction: $j) { keys count open overdue } }""", Map.of()),
            t -> new Request(Cypher.COUNTS, Map.of("today", today())),
            "issueCounts", Function.identity());

    /** Report a problem and assign it: two mutations (the second needs the first's id), two requests either way. */
    static final Workload W7 = new Workload("W7", "report and assign a problem (write)", true,
            t -> new Request("""
                    mutation W7Report($mine: ID!, $found: Date!) {
                      reportIssue(input: {mineId: $mine, violationTypeCodes: ["T2.09", "T3.01"], source: PUBLIC_REPORT,
                                          foundOn: $found, description: "基准测试上报的问题(虚构)"}) { issue { id } }
                    }""", Map.of("mine", t.mineId(), "found", "2026-11-01")),
            t -> new Request(Cypher.REPORT, Map.of("mine", t.mineId(), "found", LocalDate.of(2026, 11, 1),
                    "codes", List.of("T2.09", "T3.01"), "source", "PUBLIC_REPORT",
                    "description", "基准测试上报的问题(虚构)")),
            null, Function.identity());

    static final String W7_ASSIGN = """
            mutation W7Assign($id: ID!) {
              assignIssue(input: {issueId: $id, leadUnit: "ECOLOGY", supportingUnits: ["POLICE"], deadline: "2026-12-31",
                                  measures: "限期整改(虚构)"}) { issue { id status } }
            }""";

    /**
     * What W8 asks: problems being rectified or carried over, found since May 2023, led by one unit (the unit leading
     * most problems at the busiest mine, {@link Target#leadUnit}: a district's own unit at any shape).
     */
    static final List<String> W8_STATUSES = List.of("RECTIFYING", "CARRIED_OVER");
    static final String W8_FOUND_FROM = "2023-05-01";

    static final Workload W8 = new Workload("W8", "a page of 100 problems: a three-clause where, two sort keys", false,
            t -> new Request("""
                    query W8($j: ID, $statuses: [IssueStatus!], $from: Date, $lead: ID) {
                      issues(first: 100, jurisdiction: $j,
                             where: {status: {in: $statuses}, foundOn: {gte: $from},
                                     assignments: {some: {role: {eq: LEAD}, unit: {id: {eq: $lead}}}}},
                             sort: [{field: DEADLINE}, {field: FOUND_ON, direction: DESC}]) {
                        totalCount edges { node { id title status foundOn deadline } }
                      } }""", Map.of("statuses", W8_STATUSES, "from", W8_FOUND_FROM, "lead", t.leadUnit())),
            t -> new Request(Cypher.WHERE_PAGE, Map.of("statuses", W8_STATUSES, "from", LocalDate.parse(W8_FOUND_FROM),
                    "lead", t.leadUnit(), "limit", 100)),
            "issues", Function.identity());

    static final List<Workload> ALL = List.of(W1, W2, W3, W4, W5, W6, W7, W8);

    /** Subgraph edges come in no promised order: compare them as a sorted list. */
    @SuppressWarnings("unchecked")
    private static Object edgesAsSet(Object subgraph) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) subgraph);
        List<Map<String, Object>> edges = new ArrayList<>((List<Map<String, Object>>) copy.get("edges"));
        edges.sort(Comparator.comparing(e -> String.valueOf(e.get("id"))));
        copy.put("edges", edges);
        return copy;
    }

    /** The hand-written Cypher, one statement per workload, returning one column {@code answer}. */
    static final class Cypher {

        private Cypher() {
        }

        /** The departments that must act on an open problem {@code i} (the app's DEPARTMENTS_OF_ISSUE). */
        private static final String DEPARTMENTS = cn.changjiang.mining.enforcement.JointEnforcementCandidate.DEPARTMENTS_OF_ISSUE;

        static final String CHAIN = """
                MATCH (i:Issue {id: $id})-[:AT]->(m:Mine)
                WITH i, m,
                  [(i)-[r:OF_TYPE]->(v:ViolationType) | {order: coalesce(r.order, 0), link: {level: 1, kind: 'VIOLATION_TYPE', id: v.code,
                     name: v.name, role: null, grounds: '问题类型 / type of the recorded problem'}}] AS types,
                  [(i)-[:OF_TYPE]->(:ViolationType)<-[:FOCUSES_ON]-(t:Task) | {number: t.number, link: {level: 2, kind: 'TASK',
                     id: toString(t.number), name: t.title, role: null,
                     grounds: '三(' + split(split(t.clause, '(')[1], ')')[0] + ')重点整治:' + t.focus}}] AS tasks,
                  [(i)-[a:ASSIGNED_TO]->(u:Unit) | {role: a.role, link: {level: 3, kind: 'UNIT', id: u.id, name: u.name,
                     role: 'ASSIGNED_' + a.role, grounds: '问题台账交办 / assigned in the ledger'}}] AS assigned,
                  %1$s AS competent,
                  [(i)-[:OF_TYPE]->(:ViolationType)<-[:FOCUSES_ON]-(t:Task)-[r:RESPONSIBLE_UNIT]->(u:Unit)
                     WHERE i.district IS NULL OR EXISTS { (u)-[:BELONGS_TO|SERVES]->(:Jurisdiction {id: i.district}) } | {role: r.role,
                     order: r.order, link: {level: 3, kind: 'UNIT', id: u.id, name: u.name, role: 'TASK_' + r.role,
                     grounds: t.clause + t.unitsClause}}] AS taskUnits,
                  [(m)-[:LOCATED_IN]->(tw:Township)-[:GOVERNED_AS]->(u:Unit) | {level: 3, kind: 'UNIT', id: u.id,
                     name: tw.government, role: 'TERRITORIAL',
                     grounds: '属地管理:矿山位于' + tw.name + ' / the mine lies in this township'}] AS territorial,
                  [(i)-[:RESPONSIBLE_PERSON]->(p:Person)-[:SERVES_IN]->(u:Unit) | {unit: u.id, link: {level: 4, kind: 'PERSON',
                     id: p.id, name: p.name, role: 'RESPONSIBLE_PERSON',
                     grounds: '问题台账责任人 / responsible person in the ledger'}}] AS responsible,
                  COLLECT { UNWIND [(i)-[:ASSIGNED_TO]->(a:Unit) | a] + %2$s AS u
                            MATCH (u)<-[:SERVES_IN]-(p:Person) WHERE p.rank IN ['DEPUTY', 'PRINCIPAL']
                            RETURN {unit: u.id, link: {level: 4, kind: 'PERSON', id: p.id,
                     name: p.name, role: p.rank, grounds: CASE p.rank WHEN 'DEPUTY'
                       THEN '附件1:' + coalesce(COLLECT { MATCH (u)<-[:HELD_IN]-(pos:Position {rank: 'DEPUTY'}) WHERE pos.id STARTS WITH 'MEMBER_'
                                                          WITH pos ORDER BY pos.id RETURN pos.quote }[0], '分管负责同志')
                       ELSE '五(三):各单位要按照职能分工,落实工作责任' END}} } AS leaders
                // The 专班 above: the district's own plan's (in place of the seeded working group), then those of the
                // plans it carries out (IMPLEMENTS), nearest first.
                CALL (i) {
                  OPTIONAL MATCH (dp:Plan)-[:FOR]->(:Jurisdiction {id: i.district})
                  WITH dp ORDER BY CASE WHEN EXISTS { (dp)-[:SETS_OUT]->(:Campaign) } THEN 0 ELSE 1 END, dp.id LIMIT 1
                  RETURN dp, dp IS NOT NULL AND NOT EXISTS { (dp)-[:SETS_OUT]->(:Campaign) } AS ownPlan
                }
                WITH *, CASE WHEN ownPlan THEN [(dp)-[:CONVENES]->(g:PlanWorkingGroup) | {depth: 0, cited: null, g: g}] ELSE [] END
                        + [path = (dp)-[:IMPLEMENTS*1..4]->(up:Plan) WHERE EXISTS { (up)-[:CONVENES]->(:PlanWorkingGroup) }
                           | {depth: length(path), cited: last(relationships(path)).quote,
                              g: [(up)-[:CONVENES]->(g:PlanWorkingGroup) | g][0]}] AS planGroups
                WITH *, COLLECT { UNWIND planGroups AS x
                                  WITH x, x.g AS g
                                  WITH x, g, [(g)-[:CONVENER_UNIT]->(u) | u][0] AS cu,
                                       [(g)<-[:CONVENES]-(:Plan)-[:FOR]->(j:Jurisdiction) | j][0] AS j
                                  ORDER BY x.depth
                                  RETURN {level: 6 + x.depth, kind: 'WORKING_GROUP', id: g.id,
                                          name: coalesce(g.name, j.name + '专班') + ':召集人 '
                                                + coalesce(CASE WHEN cu IS NULL THEN g.convenerUnitName ELSE cu.name END, '')
                                                + coalesce(g.convenerRank, ''),
                                          role: 'CONVENER_' + j.level,
                                          grounds: coalesce(x.cited + ';', '') + g.quote} } AS groupLinks
                OPTIONAL MATCH (office:Office)-[:HAS_POSITION]->(director:Position)-[:HELD_IN]->(directorUnit:Unit)
                  WHERE NOT ownPlan
                OPTIONAL MATCH (:WorkingGroup)-[:HAS_POSITION]->(convener:Position {id: 'CONVENER'})-[:HELD_IN]->(convenerUnit:Unit)
                  WHERE NOT ownPlan
                // The order of accountability.graphqls's accountabilityChain: within a level, by the keys it names.
                WITH *, COLLECT { UNWIND assigned AS x WITH x ORDER BY x.role, x.link.id RETURN x.link }
                     + COLLECT { UNWIND competent AS x WITH x ORDER BY x.role, x.order, x.link.id, x.link.grounds RETURN x.link }
                     + COLLECT { UNWIND taskUnits AS x WITH x ORDER BY x.role, x.order, x.link.id, x.link.grounds RETURN x.link }
                     + COLLECT { UNWIND territorial AS x WITH x ORDER BY x.id, x.grounds RETURN x } AS units
                WITH *, reduce(ids = [], l IN units | CASE WHEN l.id IN ids THEN ids ELSE ids + l.id END) AS unitIds
                WITH [{level: 0, kind: 'ISSUE', id: i.id, name: i.title, role: i.status, grounds: '问题台账 / recorded in the problem ledger'}]
                     + COLLECT { UNWIND types AS x WITH x ORDER BY x.order, x.link.id RETURN x.link }
                     + COLLECT { UNWIND tasks AS x WITH x ORDER BY x.number RETURN x.link }
                     + units
                     + COLLECT { UNWIND responsible + leaders AS x
                                 WITH x, coalesce(head([k IN range(0, size(unitIds) - 1) WHERE unitIds[k] = x.unit]), size(unitIds)) AS place
                                 ORDER BY CASE x.link.role WHEN 'RESPONSIBLE_PERSON' THEN 0 WHEN 'DEPUTY' THEN 1 ELSE 2 END,
                                          place, x.link.id, x.link.grounds
                                 RETURN x.link }
                     + CASE WHEN office IS NULL THEN [] ELSE [
                         {level: 5, kind: 'OFFICE', id: office.id, name: office.name, role: null, grounds: office.quote},
                         {level: 5, kind: 'POSITION', id: director.id,
                          name: coalesce(COLLECT { MATCH (p:Person)-[:HOLDS]->(director) WITH p ORDER BY p.id RETURN p.name }[0], directorUnit.name + '分管负责同志'),
                          role: director.title, grounds: director.quote}] END
                     + CASE WHEN convener IS NULL THEN [] ELSE [
                         {level: 6, kind: 'POSITION', id: convener.id,
                          name: coalesce(COLLECT { MATCH (p:Person)-[:HOLDS]->(convener) WITH p ORDER BY p.id RETURN p.name }[0], convenerUnit.name + '主要负责同志'),
                          role: convener.title,
                          grounds: convener.quote + coalesce(';' + [(:WorkingGroup)<-[:REQUIRED_OF]-(r:Requirement {id: 'R5.4-ACCOUNTABILITY'})
                                                                     | r.clause + ':' + r.quote][0], '')}] END
                     + groupLinks AS links
                RETURN reduce(acc = {keys: [], links: []}, l IN links |
                         CASE WHEN l.kind + ':' + l.id IN acc.keys THEN acc
                              ELSE {keys: acc.keys + (l.kind + ':' + l.id), links: acc.links + l} END).links AS answer"""
                .formatted(Competence.competentUnits("i", "", """
                        {role: k.role, order: coalesce(u.order, 0), link: {level: 3, kind: 'UNIT', id: u.id, name: u.name,
                         role: 'COMPETENT_' + k.role, grounds: k.clause + ':' + k.quote}}"""),
                        Competence.competentUnits("i", "", "u"));

        /** As the app ranks them: the kept rank in index order, a rank a passed deadline made stale counted again. */
        static final String CANDIDATES = """
                CALL () {
                  MATCH (m:Mine) WHERE m.district IN $districts AND m.departmentSpan >= 2
                  RETURN count(m) AS total
                }
                CALL () {
                  CALL () {
                    MATCH (m:Mine) WHERE m.jointRank >= 2 * 1000000000000 AND m.district IN $districts
                      AND m.rankedOn <= $today AND (m.rankGoodUntil IS NULL OR m.rankGoodUntil >= $today)
                    RETURN m AS mine ORDER BY m.jointRank DESC, m.id LIMIT $limit
                    UNION
                    MATCH (m:Mine) USING INDEX m:Mine(rankGoodUntil)
                    WHERE m.rankGoodUntil < $today AND m.departmentSpan >= 2 AND m.district IN $districts
                    RETURN m AS mine
                    UNION
                    MATCH (m:Mine) USING INDEX m:Mine(rankedOn)
                    WHERE m.rankedOn > $today AND m.departmentSpan >= 2 AND m.district IN $districts
                    RETURN m AS mine
                  }
                  WITH mine, %3$s AS rank ORDER BY rank DESC, mine.id LIMIT $limit
                  CALL (mine) {
                    MATCH (i:Issue)-[:AT]->(mine) WHERE i.status IN $openStatuses
                    RETURN count(i) AS open, count(CASE WHEN i.deadline < $today THEN 1 END) AS overdue,
                           count(CASE WHEN i.severity IN ['SERIOUS', 'MAJOR'] THEN 1 END) AS serious,
                           count(CASE WHEN %2$s THEN 1 END) > 0 AS criminal
                  }
                  CALL (mine) {
                    MATCH (i:Issue)-[:AT]->(mine) WHERE i.status IN $openStatuses
                    UNWIND %1$s AS u
                    WITH DISTINCT u, i ORDER BY i.id
                    WITH u, collect({id: i.id}) AS issues
                    ORDER BY size(issues) DESC, u.campaignLead DESC, u.order, u.id
                    RETURN collect({unit: {id: u.id}, issues: issues}) AS departments
                  }
                  RETURN collect({node: {mine: {id: mine.id, name: mine.name}, departmentCount: size(departments),
                                         departments: departments, openIssueCount: open, overdueIssueCount: overdue,
                                         seriousIssueCount: serious, suggestedLead: departments[0].unit,
                                         criminalMatter: criminal}}) AS edges
                }
                RETURN {totalCount: total, edges: edges} AS answer""".formatted(DEPARTMENTS,
                JointEnforcementCandidate.CRIMINAL_MATTER, JointEnforcementCandidate.rankOf("mine", "$today"));

        static final String SCORECARDS = """
                MATCH (u:Unit) WHERE u.id IN $units
                CALL (u) {
                  OPTIONAL MATCH (i:Issue)-[:ASSIGNED_TO]->(u) WHERE i.district IN $districts
                  WITH i, i.status IN $openStatuses AS open
                  RETURN count(i) AS assigned, count(CASE WHEN open THEN 1 END) AS open,
                         count(CASE WHEN open AND i.deadline < $today THEN 1 END) AS overdue,
                         count(CASE WHEN i.status = $closedStatus AND (i.deadline IS NULL OR i.closedOn <= i.deadline) THEN 1 END) AS closedOnTime,
                         count(CASE WHEN i.status = $closedStatus AND i.closedOn > i.deadline THEN 1 END) AS closedLate
                }
                WITH u, assigned, open, overdue, closedOnTime, closedLate ORDER BY u.order, u.id
                RETURN collect({unit: {id: u.id}, assigned: assigned, open: open, overdue: overdue,
                                closedOnTime: closedOnTime, closedLate: closedLate}) AS answer""";

        static final String SUBGRAPH = """
                WITH {Campaign: 'id', Goal: 'id', Task: 'number', ViolationType: 'code', Regulation: 'id', Unit: 'id',
                      Duty: 'id', Phase: 'number', WorkingGroup: 'id', Office: 'id', Position: 'id', ProblemSource: 'code',
                      Outcome: 'code', Mineral: 'name', Township: 'name', Person: 'id', Mine: 'id', Issue: 'id',
                      JointEnforcementAction: 'id'} AS keys,
                     ['Campaign', 'Goal', 'Task', 'ViolationType', 'Regulation', 'Unit', 'Duty', 'Phase', 'WorkingGroup',
                      'Office', 'Position', 'ProblemSource', 'Outcome', 'Mineral', 'Township', 'Person', 'Mine', 'Issue',
                      'JointEnforcementAction'] AS labels
                MATCH (root:Mine {id: $key})
                OPTIONAL MATCH path = (root)-[rels*1..2]-(n)
                WHERE all(r IN rels WHERE type(r) IN $types) AND all(x IN nodes(path) WHERE any(l IN labels(x) WHERE l IN labels))
                WITH keys, labels, root, n, min(length(path)) AS hops
                ORDER BY hops, elementId(n)
                WITH keys, labels, root, [x IN collect(n) WHERE x IS NOT NULL] AS reached
                WITH keys, labels, [root] + reached[..$limit - 1] AS nodes, size(reached) > $limit - 1 AS truncated
                WITH truncated, [x IN nodes | {eid: elementId(x), type: [l IN labels WHERE l IN labels(x)][0], node: x}] AS typed, keys, nodes
                WITH truncated, nodes, [t IN typed | {eid: t.eid, id: t.type + ':' + toString(t.node[keys[t.type]]), type: t.type,
                       label: CASE WHEN coalesce(t.node.name, t.node.title, t.node.code, t.node.text) IS NULL
                                   THEN toString(coalesce(t.node.number, t.node.id))
                                   WHEN size(toString(coalesce(t.node.name, t.node.title, t.node.code, t.node.text))) > 40
                                   THEN left(toString(coalesce(t.node.name, t.node.title, t.node.code, t.node.text)), 40) + '…'
                                   ELSE toString(coalesce(t.node.name, t.node.title, t.node.code, t.node.text)) END}] AS ided
                CALL (nodes) {
                  UNWIND nodes AS a
                  MATCH (a)-[r]->(b) WHERE b IN nodes AND type(r) IN $types
                  RETURN collect(r) AS rels
                }
                WITH truncated, ided, [r IN rels | {type: type(r),
                       source: [x IN ided WHERE x.eid = elementId(startNode(r)) | x.id][0],
                       target: [x IN ided WHERE x.eid = elementId(endNode(r)) | x.id][0]}] AS edges
                RETURN {nodes: [x IN ided | {id: x.id, type: x.type, label: x.label}],
                        edges: [e IN edges | {id: e.type + ':' + e.source + '->' + e.target, type: e.type, source: e.source,
                                              target: e.target}],
                        truncated: truncated} AS answer""";

        static final String ISSUE_PAGE = """
                CALL () { MATCH (n:Issue) WHERE n.district IN $districts RETURN count(n) AS total }
                CALL () { MATCH (i:Issue) WHERE i.id > '' AND i.district IN $districts RETURN i ORDER BY i.id LIMIT $limit }
                WITH total, collect(i) AS page
                RETURN {totalCount: total, edges: [i IN page | {node: {id: i.id, title: i.title, status: i.status,
                          foundOn: toString(i.foundOn),
                          mine: COLLECT { MATCH (i)-[:AT]->(m:Mine) RETURN {id: m.id, name: m.name} }[0],
                          assignments: COLLECT { MATCH (i)-[a:ASSIGNED_TO]->(u:Unit)
                                                 WITH a, u ORDER BY CASE a.role WHEN 'LEAD' THEN 0 ELSE 1 END, u.order
                                                 RETURN {role: a.role, unit: {id: u.id, name: u.name}} },
                          responsiblePerson: COLLECT { MATCH (i)-[:RESPONSIBLE_PERSON]->(p:Person) RETURN {id: p.id, name: p.name} }[0]}}]} AS answer""";

        static final String WHERE_PAGE = """
                CALL () {
                  MATCH (:Unit {id: $lead})<-[:ASSIGNED_TO {role: 'LEAD'}]-(i:Issue)
                  WHERE i.district IN $districts AND i.status IN $statuses AND i.foundOn >= $from
                  RETURN count(i) AS total
                }
                CALL () {
                  MATCH (:Unit {id: $lead})<-[:ASSIGNED_TO {role: 'LEAD'}]-(i:Issue)
                  WHERE i.district IN $districts AND i.status IN $statuses AND i.foundOn >= $from
                  RETURN i ORDER BY coalesce(i.deadline, date('9999-12-31')), i.foundOn DESC, i.id LIMIT $limit
                }
                WITH total, collect(i) AS page
                RETURN {totalCount: total, edges: [i IN page | {node: {id: i.id, title: i.title, status: i.status,
                          foundOn: toString(i.foundOn), deadline: toString(i.deadline)}}]} AS answer""";

        static final String COUNTS = """
                MATCH (i:Issue) WHERE i.district IN $districts
                WITH [(i)-[:ASSIGNED_TO {role: 'LEAD'}]->(u:Unit) | u.name] AS units, i.status AS status,
                     i.status IN $openStatuses AS open, i.deadline < $today AS late
                UNWIND CASE size(units) WHEN 0 THEN [null] ELSE units END AS unit
                WITH [unit, status] AS keys, count(*) AS count, count(CASE WHEN open THEN 1 END) AS open,
                     count(CASE WHEN open AND late THEN 1 END) AS overdue
                ORDER BY count DESC, keys
                RETURN collect({keys: keys, count: count, open: open, overdue: overdue}) AS answer""";

        /** The departments of mine {@code m} recounted from its open problems (the app's DepartmentSpans). */
        private static final String SPAN_REFRESH = """
                WITH DISTINCT i AS written, m
                OPTIONAL MATCH (m)-[old:NEEDS_DEPARTMENT]->()
                DELETE old
                WITH DISTINCT written, m
                %s
                WITH written AS i, m""".formatted(JointEnforcementCandidate.RECOUNT_DEPARTMENTS_OF_MINE);

        /** Report: the problem with its mine, types, source and phase, and its change record; then the mine's span. */
        static final String REPORT = """
                MATCH (m:Mine {id: $mine}), (s:ProblemSource {code: $source})
                CREATE (i:Issue {id: randomUUID(), title: $description, description: $description, status: 'PENDING_ASSIGNMENT',
                                 severity: 'GENERAL', foundOn: $found, evidence: [], supervised: false, synthetic: false,
                                 version: 1, createdAt: datetime(), district: m.district})
                CREATE (i)-[:AT]->(m), (i)-[:FOUND_BY]->(s)
                WITH i, m
                CALL (i) {
                  UNWIND range(0, size($codes) - 1) AS n
                  MATCH (v:ViolationType {code: $codes[n]})
                  CREATE (i)-[:OF_TYPE {order: n + 1}]->(v)
                }
                CALL (i) {
                  MATCH (p:Phase) WHERE i.foundOn >= p.startsOn AND (i.foundOn <= p.endsOn OR p.longTerm)
                  WITH p ORDER BY p.number LIMIT 1
                  CREATE (i)-[:IN_PHASE]->(p)
                }
                WITH i, m
                SET m._lock = true REMOVE m._lock
                MERGE (counter:ChangeSequence {id: 'changes'}) ON CREATE SET counter.last = 0
                SET counter.last = counter.last + 1
                CREATE (:Change {id: randomUUID(), seq: counter.last, at: datetime(), actor: 'bench', action: 'reportIssue',
                                 entityId: i.id, entityType: 'Issue', changes: '[]', requestId: randomUUID()})
                WITH i, m
                %s
                RETURN i.id AS answer""".formatted(SPAN_REFRESH);

        /** Assign: lead and supporting unit, measures, deadline, status, change record, and the mine's departments. */
        static final String ASSIGN = """
                MATCH (i:Issue {id: $id})-[:AT]->(m:Mine)
                SET i._lock = true REMOVE i._lock
                SET i.measures = '限期整改(虚构)', i.deadline = date('2026-12-31'), i.status = 'RECTIFYING',
                    i.version = i.version + 1
                WITH i, m
                MATCH (lead:Unit {id: 'ECOLOGY'}), (support:Unit {id: 'POLICE'})
                CREATE (i)-[:ASSIGNED_TO {role: 'LEAD'}]->(lead), (i)-[:ASSIGNED_TO {role: 'SUPPORTING'}]->(support)
                MERGE (counter:ChangeSequence {id: 'changes'}) ON CREATE SET counter.last = 0
                SET counter.last = counter.last + 1
                CREATE (:Change {id: randomUUID(), seq: counter.last, at: datetime(), actor: 'bench', action: 'assignIssue',
                                 entityId: i.id, entityType: 'Issue', changes: '[]', requestId: randomUUID()})
                %s
                RETURN i.status AS answer""".formatted(SPAN_REFRESH);
    }
}
