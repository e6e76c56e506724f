package cn.changjiang.mining.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.TestFixtures;
import cn.changjiang.mining.common.IssueStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts kept on write ({@link IssueTallies}) equal a recount from the problems themselves after every kind of
 * write: a report, an assignment (units, deadline), each transition, an outcome, a mine moved to another township
 * with another mineral, and the day moving both ways. The recount here is written independently of the kept
 * statement: per facet, straight from the problems, with the scorecards' rules for overdue and closed on time.
 */
class KeptCountsTest extends IntegrationTest {

    private static final String REPORT = """
            mutation($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id } } }""";
    private static final String ASSIGN = """
            mutation($input: AssignIssueInput!) { assignIssue(input: $input) { issue { id status } } }""";
    private static final String TRANSITION = """
            mutation($input: TransitionIssueInput!) { transitionIssue(input: $input) { issue { id status } } }""";
    private static final String REGISTER = """
            mutation($input: RegisterMineInput!) { registerMine(input: $input) { mine { id } } }""";

    private static Driver fixtureDriver;

    @Autowired
    Driver driver;

    @Autowired
    IssueTallies tallies;

    @Autowired
    java.time.Clock clock;

    @BeforeAll
    static void clean(@Autowired Driver driver) {
        fixtureDriver = driver;
        removeTestData();
    }

    @AfterAll
    static void removeTestData() {
        TestFixtures.removeRegisteredMines(fixtureDriver, "TEST-KEPT-");
    }

    @Test
    void shouldKeepEveryCountEqualToARecountAfterEveryKindOfWrite() {
        assertKeptEqualsRecount("at start");
        String mine = register("鲇鱼山镇", "钨");
        String a = report(mine, "2023-05-10", List.of("T2.11"));
        String b = report(mine, "2023-06-02", List.of("T2.09", "T3.01"));
        String c = report(mine, "2023-06-20", List.of("T2.11"));
        assertKeptEqualsRecount("after reports");

        assign(a, Map.of("leadUnit", "昌江生态环境局", "supportingUnits", List.of("区农水局"), "measures", "截污",
                "deadline", LocalDate.now(clock).minusDays(3).toString()));
        assign(b, Map.of("leadUnit", "昌江公安分局", "measures", "查处", "deadline", LocalDate.now(clock).plusDays(5).toString()));
        assign(c, Map.of("leadUnit", "昌江生态环境局", "measures", "整改", "deadline", LocalDate.now(clock).minusDays(40).toString()));
        assertKeptEqualsRecount("after assignments, one overdue");

        assign(a, Map.of("deadline", LocalDate.now(clock).plusDays(30).toString()));
        assertKeptEqualsRecount("after a deadline moved out of overdue");

        transition(a, "ACCEPTANCE_REQUESTED", Map.of());
        assertKeptEqualsRecount("after acceptance was requested");
        transition(a, "CLOSED", Map.of("acceptance", Map.of("acceptedBy", "昌江生态环境局(测试)",
                "acceptedOn", LocalDate.now(clock).minusDays(1).toString(), "evidence", List.of("验收报告"))));
        assertKeptEqualsRecount("after a closure on time");
        graphQl.document("""
                        mutation($id: ID!) { recordOutcome(input: {issueId: $id, outcome: CLOSURE, on: "%s"}) { issue { status } } }"""
                        .formatted(LocalDate.now(clock).minusDays(1)))
                .variable("id", c).execute().path("recordOutcome.issue.status").entity(String.class).isEqualTo("SHUT_DOWN");
        assertKeptEqualsRecount("after an outcome");

        register("罗家桥乡", "高岭土");
        assertKeptEqualsRecount("after the mine moved to another township with another mineral");

        try {
            tallies.rollTo(LocalDate.now(clock).minusDays(60));
            assertKeptEqualsRecount("after the day moved back 60 days");
        } finally {
            tallies.rollTo(LocalDate.now(clock));
        }
        assertKeptEqualsRecount("after the day moved forward again");
        assertThat(cells("VT")).as("the new problems are counted").anyMatch(cell -> cell.contains("T3.01"));
    }

    /**
     * Every grouping the kept counts serve, and the time series and scorecards, answer as the same question computed
     * from the problems does: a filter on the day found from long ago (or a series starting mid-period) keeps every
     * problem but makes the API count them one by one. At the province's scope, as its leader asks.
     */
    @Test
    @SuppressWarnings("unchecked")
    void shouldAnswerEveryKeptCountAsTheCountComputedFromTheProblems() {
        var province = as(cn.changjiang.mining.common.Role.LEADER, "JIANGXI");
        List<String> filters = List.of("{}", "{open: true}", "{overdue: true}", "{overdue: false}", "{status: RECTIFYING}",
                "{open: false}");
        for (String dimension : List.of("UNIT", "STATUS", "TOWNSHIP", "MINERAL", "VIOLATION_TYPE", "TASK", "PHASE",
                "SOURCE", "SEVERITY", "FOUND_MONTH", "FOUND_WEEK", "CLOSED_MONTH", "DISTRICT", "CITY")) {
            for (String groupBy : List.of("[" + dimension + "]", "[" + dimension + ", STATUS]", "[DISTRICT, " + dimension + "]")) {
                for (String filter : filters) {
                    String computedFilter = filter.equals("{}") ? "{foundFrom: \"1900-01-01\"}"
                            : filter.replace("}", ", foundFrom: \"1900-01-01\"}");
                    Object kept = province.document("{ issueCounts(groupBy: %s, filter: %s) { keys labels count open overdue } }"
                            .formatted(groupBy, filter)).execute().path("issueCounts").entity(Object.class).get();
                    Object computed = province.document("{ issueCounts(groupBy: %s, filter: %s) { keys labels count open overdue } }"
                            .formatted(groupBy, computedFilter)).execute().path("issueCounts").entity(Object.class).get();
                    assertThat(kept).as(groupBy + " " + filter).isEqualTo(computed);
                    if (filter.equals("{}")) {
                        assertThat((List<Object>) kept).as(groupBy + " counts something").isNotEmpty();
                    }
                }
            }
        }
        for (String interval : List.of("WEEK", "MONTH")) {
            for (String filter : filters) {
                Object kept = province.document("{ issueTimeSeries(interval: %s, filter: %s) { period opened closed } }"
                        .formatted(interval, filter)).execute().path("issueTimeSeries").entity(Object.class).get();
                Object computed = province.document("{ issueTimeSeries(interval: %s, from: \"1900-01-02\", filter: %s) { period opened closed } }"
                        .formatted(interval, filter)).execute().path("issueTimeSeries").entity(Object.class).get();
                assertThat(kept).as(interval + " " + filter).isEqualTo(computed);
            }
        }
        String fields = "unit { id } assigned open overdue closedOnTime closedLate";
        Object kept = province.document("{ unitScorecards { %s } }".formatted(fields)).execute()
                .path("unitScorecards").entity(Object.class).get();
        Object computed = province.document("{ unitScorecards(from: \"1900-01-01\") { %s } }".formatted(fields)).execute()
                .path("unitScorecards").entity(Object.class).get();
        assertThat(kept).isEqualTo(computed);
        assertThat(kept.toString()).contains("overdue=", "closedOnTime=");
    }

    private String register(String township, String mineral) {
        return graphQl.document(REGISTER).variable("input", Map.of("name", "计数测试矿(测试)", "licenseNumber",
                        "TEST-KEPT-0001", "mineral", mineral, "township", township))
                .execute().path("registerMine.mine.id").entity(String.class).get();
    }

    private String report(String mine, String foundOn, List<String> types) {
        return graphQl.document(REPORT).variable("input", Map.of("mineId", mine, "violationTypeCodes", types,
                        "source", "PUBLIC_REPORT", "foundOn", foundOn, "description", "计数测试(测试)"))
                .execute().path("reportIssue.issue.id").entity(String.class).get();
    }

    private void assign(String id, Map<String, Object> fields) {
        Map<String, Object> input = new HashMap<>(fields);
        input.put("issueId", id);
        graphQl.document(ASSIGN).variable("input", input).execute().path("assignIssue.issue.id").hasValue();
    }

    private void transition(String id, String to, Map<String, Object> extra) {
        Map<String, Object> input = new HashMap<>(extra);
        input.put("issueId", id);
        input.put("to", to);
        graphQl.document(TRANSITION).variable("input", input).execute()
                .path("transitionIssue.issue.status").entity(String.class).isEqualTo(to);
    }

    private void assertKeptEqualsRecount(String when) {
        for (IssueFacet facet : IssueFacet.values()) {
            assertThat(cells(facet.code())).as(facet + " " + when).isEqualTo(recount(facet));
        }
    }

    /** The kept cells of a facet, as "district|status|key|count|overdue|onTime|late", sorted; empty cells left out. */
    private List<String> cells(String code) {
        try (var session = driver.session()) {
            return session.run("""
                    MATCH (c:IssueTally {facet: $code})
                    WHERE c.count <> 0 OR c.overdue <> 0 OR c.closedOnTime <> 0 OR c.closedLate <> 0
                    WITH c.district + '|' + c.status + '|' + coalesce(c.key, '∅') + '|' + c.count + '|' + c.overdue
                         + '|' + c.closedOnTime + '|' + c.closedLate AS cell
                    RETURN cell ORDER BY cell""", Map.of("code", code)).list(r -> r.get("cell").asString());
        }
    }

    /** The same from the problems: each counted once per value (per assignment for ASSIGNED), on its district's day. */
    private List<String> recount(IssueFacet facet) {
        boolean perAssignment = facet == IssueFacet.ASSIGNED;
        Map<String, Object> params = new HashMap<>(IssueStatus.CYPHER_PARAMETERS);
        try (var session = driver.session()) {
            return new ArrayList<>(session.run("""
                    MATCH (i:Issue) WHERE i.status IS NOT NULL AND i.district IS NOT NULL
                    OPTIONAL MATCH (h:IssueTallyDay {district: i.district})
                    WITH i, [v IN %s WHERE v IS NOT NULL AND v <> ''] AS values,
                         i.status IN $openStatuses AND i.deadline < h.day AS overdue,
                         i.status = 'CLOSED' AND (i.deadline IS NULL OR i.closedOn <= i.deadline) AS onTime,
                         i.status = 'CLOSED' AND i.closedOn > i.deadline AS late
                    UNWIND CASE WHEN size(values) = 0 THEN %s ELSE values END AS key
                    WITH %s i, key, overdue, onTime, late
                    WITH i.district AS district, i.status AS status, key, count(*) AS count,
                         sum(CASE WHEN overdue THEN 1 ELSE 0 END) AS overdue, sum(CASE WHEN onTime THEN 1 ELSE 0 END) AS onTime,
                         sum(CASE WHEN late THEN 1 ELSE 0 END) AS late
                    WITH district + '|' + status + '|' + coalesce(key, '∅') + '|' + count + '|' + overdue + '|' + onTime
                         + '|' + late AS cell
                    RETURN cell ORDER BY cell""".formatted(facet.valuesOf(), perAssignment ? "[]" : "[null]",
                    perAssignment ? "" : "DISTINCT"), params).list(r -> r.get("cell").asString()));
        }
    }
}
