package cn.changjiang.mining.security;

import java.util.List;
import java.util.Map;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.TestFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faults a hostile review found in writes and in the order of checks, each as it was reported: a supporting
 * unit's call that erased the assignment, an oracle of existence and version for callers who may not touch a
 * problem, a person of another unit made responsible, a title cut from a hidden description, and search syntax.
 */
class WriteTrustTest extends IntegrationTest {

    private static Driver driver;

    @BeforeAll
    static void keepDriver(@Autowired Driver neo4j) {
        driver = neo4j;
    }

    @AfterAll
    static void removeFixture() {
        TestFixtures.remove(driver);
        TestFixtures.removeRegisteredMines(driver, "TRUST-");
    }

    @BeforeEach
    void loadFixture() {
        TestFixtures.remove(driver);
        TestFixtures.load(driver, "fixtures/security.cypher");
    }

    private String assignment() {
        try (var session = driver.session()) {
            return session.run("""
                    MATCH (i:Issue {id: 'sec-issue'})
                    RETURN [(i)-[r:ASSIGNED_TO|SUPERVISED_BY|RESPONSIBLE_PERSON]->(x) | type(r) + coalesce(':' + r.role, '') + '=' + x.id]
                           AS rels, i.measures + '/' + toString(i.deadline) AS fields""").single()
                    .values().stream().map(Object::toString).reduce("", String::concat);
        }
    }

    @Test
    void shouldLeaveTheRestOfAnAssignmentAloneWhenASupportingUnitSendsTheSameLeadOrOnlyMeasures() {
        graphQl.document("""
                mutation { assignIssue(input: {issueId: "sec-issue", leadUnit: "ECOLOGY", supportingUnits: ["POLICE"],
                  supervisingUnit: "NATURAL_RESOURCES", responsiblePersonId: "demo-person-ecology-officer"}) { issue { id } } }""")
                .execute().errors().verify();
        String assigned = assignment();
        assertThat(assigned).contains("ASSIGNED_TO:SUPPORTING=POLICE", "SUPERVISED_BY=NATURAL_RESOURCES",
                "RESPONSIBLE_PERSON=demo-person-ecology-officer");

        as("police").document("mutation { assignIssue(input: {issueId: \"sec-issue\", leadUnit: \"ECOLOGY\"}) { issue { id } } }")
                .execute().errors().verify();
        assertThat(assignment()).isEqualTo(assigned);

        as("ecology").document("mutation { assignIssue(input: {issueId: \"sec-issue\", measures: \"x\"}) { issue { measures } } }")
                .execute().errors().verify().path("assignIssue.issue.measures").entity(String.class).isEqualTo("x");
        assertThat(assignment()).isEqualTo(assigned.replace("整改措施(测试)", "x"));

        as("police").document("mutation { assignIssue(input: {issueId: \"sec-issue\", supportingUnits: []}) { issue { id } } }")
                .execute().errors().satisfy(errors -> assertThat(errors.getFirst().getExtensions()).containsEntry("code", "FORBIDDEN"));
        assertThat(assignment()).isEqualTo(assigned.replace("整改措施(测试)", "x"));
    }

    private String codeOf(String user, String document) {
        List<String> codes = new java.util.ArrayList<>();
        (user.equals("anonymous") ? anonymous : as(user)).document(document).execute().errors()
                .satisfy(errors -> errors.forEach(e -> codes.add(String.valueOf(e.getExtensions().get("code")))));
        return codes.isEmpty() ? "OK" : String.join(",", codes);
    }

    @Test
    void shouldAnswerACallerWhoMayNotTouchAProblemAlikeWhetherItExistsOrNotAndAtWhateverVersion() {
        String atVersion = "mutation { transitionIssue(input: {issueId: \"%s\", to: ACCEPTANCE_REQUESTED, version: %d}) { issue { id } } }";
        for (String user : List.of("analyst", "police", "publicity", "leader")) {
            assertThat(List.of(codeOf(user, atVersion.formatted("sec-issue", 999)), codeOf(user, atVersion.formatted("sec-issue", 1)),
                    codeOf(user, atVersion.formatted("no-such-issue", 1))))
                    .as(user).containsOnly("FORBIDDEN");
        }
        assertThat(codeOf("anonymous", atVersion.formatted("no-such-issue", 1))).isEqualTo("UNAUTHENTICATED");
        String assign = "mutation { assignIssue(input: {issueId: \"%s\", measures: \"m\", version: 999}) { issue { id } } }";
        assertThat(codeOf("police", assign.formatted("sec-issue"))).isEqualTo(codeOf("police", assign.formatted("no-such-issue")))
                .isEqualTo("FORBIDDEN");
        String outcome = "mutation { recordOutcome(input: {issueId: \"%s\", outcome: PENALTY, on: \"2024-03-01\", version: 999}) { issue { id } } }";
        assertThat(codeOf("police", outcome.formatted("sec-issue"))).isEqualTo(codeOf("police", outcome.formatted("no-such-issue")))
                .isEqualTo("FORBIDDEN");
        // Who may touch it learns existence, then version.
        assertThat(codeOf("office", atVersion.formatted("no-such-issue", 1))).isEqualTo("NOT_FOUND");
        assertThat(codeOf("office", atVersion.formatted("sec-issue", 999))).isEqualTo("CONFLICT");
        assertThat(codeOf("ecology", atVersion.formatted("sec-issue", 999))).isEqualTo("CONFLICT");
    }

    @Test
    void shouldRefuseAResponsiblePersonWhoServesInNoUnitAssignedToTheProblem() {
        String document = "mutation { assignIssue(input: {issueId: \"sec-issue\", responsiblePersonId: \"%s\"}) { issue { id } } }";
        assertThat(codeOf("ecology", document.formatted("demo-person-police-principal"))).isEqualTo("BAD_REQUEST");
        assertThat(codeOf("office", document.formatted("demo-person-police-principal"))).isEqualTo("BAD_REQUEST");
        assertThat(codeOf("ecology", document.formatted("no-such-person"))).isEqualTo("NOT_FOUND");
        assertThat(codeOf("ecology", document.formatted("demo-person-ecology-principal"))).isEqualTo("OK");
        assertThat(assignment()).contains("RESPONSIBLE_PERSON=demo-person-ecology-principal");
    }

    @Test
    void shouldNeverTitleAProblemWithItsDescription() {
        String title = graphQl.document("""
                mutation { reportIssue(input: {mineId: "sec-mine", violationTypeCodes: ["T2.09", "T2.11"], source: SCREENING,
                  foundOn: "2024-02-01", description: "只有本单位能读的描述内容(测试)"}) { issue { title } } }""")
                .execute().errors().verify().path("reportIssue.issue.title").entity(String.class).get();
        assertThat(title).doesNotContain("只有本单位").startsWith("权限测试矿(测试):");
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (v:ViolationType) WHERE v.code IN ['T2.09', 'T2.11'] RETURN collect(v.name) AS n")
                    .single().get("n").asList(org.neo4j.driver.Value::asString)).allSatisfy(name -> assertThat(title).contains(name));
            session.run("MATCH (i:Issue)-[:AT]->(:Mine {id: 'sec-mine'}) OPTIONAL MATCH (c:Change {entityId: i.id}) DETACH DELETE c, i").consume();
        }
    }

    @Test
    void shouldSearchWhatPeopleTypeLiterallyWithoutQuerySyntaxErrors() {
        for (String text : List.of("NOT", "AND", "OR", "a OR b", "title:x", "*", "?", "\"", "\\", "((", "萤石 AND", "-", "~1", "/.*/")) {
            assertThat(codeOf("office", "{ search(text: " + quote(text) + ") { id } }")).as(text).isEqualTo("OK");
        }
        as("office").document("{ search(text: \"权限测试\", types: [Issue]) { id } }").execute().errors().verify()
                .path("search[*].id").entityList(String.class).contains("Issue:sec-issue");
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void shouldKeepEveryLicenceFactARegistrationLeavesOut() {
        graphQl.document("""
                mutation { registerMine(input: {name: "信任矿(测试)", licenseNumber: "TRUST-0001", mineral: "钨", township: "鲇鱼山镇",
                  licenceStatus: EXPIRED, licenceValidUntil: "2030-01-01", miningMethod: UNDERGROUND, greenMine: true,
                  latitude: 29.2, longitude: 117.1}) { mine { id } } }""").execute().errors().verify();
        Map<String, Object> mine = graphQl.document("""
                mutation { registerMine(input: {name: "信任矿改名(测试)", licenseNumber: "TRUST-0001", mineral: "钨", township: "鲇鱼山镇"}) {
                  created mine { name licenceStatus licenceValidUntil miningMethod greenMine location { latitude } } } }""")
                .execute().errors().verify().path("registerMine").entity(Map.class).get();
        assertThat(mine).containsEntry("created", false);
        assertThat(mine.get("mine").toString()).contains("信任矿改名(测试)", "EXPIRED", "2030-01-01", "UNDERGROUND", "greenMine=true",
                "29.2");
    }
}
