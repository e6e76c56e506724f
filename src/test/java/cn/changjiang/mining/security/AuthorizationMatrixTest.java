package cn.changjiang.mining.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.TestFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role against every mutation, allowed and denied, on a problem assigned to 昌江生态环境局 and supervised by
 * the natural-resources branch; a denied call must change nothing. Then a sample of reads per role.
 */
class AuthorizationMatrixTest extends IntegrationTest {

    private static final List<String> USERS = List.of("anonymous", "leader", "office", "police", "ecology", "nr",
            "publicity", "analyst");

    /** Each mutation with the users allowed to run it; everyone else is refused. */
    private static final Map<String, Set<String>> MATRIX = new LinkedHashMap<>();

    private static final Map<String, String> MUTATIONS = new LinkedHashMap<>();

    static {
        MUTATIONS.put("registerMine", """
                mutation { registerMine(input: {name: "权限登记矿(测试)", licenseNumber: "SEC-0002", mineral: "钨", township: "权限测试镇(测试)"}) { mine { id } } }""");
        MATRIX.put("registerMine", Set.of("office"));
        MUTATIONS.put("reportIssue", """
                mutation { reportIssue(input: {mineId: "sec-mine", violationTypeCodes: ["T2.09"], source: SCREENING, foundOn: "2024-02-01", description: "新问题(测试)"}) { issue { id } } }""");
        MATRIX.put("reportIssue", Set.of("office", "police", "ecology", "nr"));
        MUTATIONS.put("assignIssue", """
                mutation { assignIssue(input: {issueId: "sec-issue", leadUnit: "昌江生态环境局", deadline: "2099-06-30"}) { issue { id } } }""");
        MATRIX.put("assignIssue", Set.of("office", "ecology"));
        MUTATIONS.put("superviseIssue", """
                mutation { superviseIssue(input: {issueId: "sec-issue", supervised: true, supervisor: "区政府"}) { issue { id } } }""");
        MATRIX.put("superviseIssue", Set.of("office", "leader"));
        MUTATIONS.put("requestAcceptance", """
                mutation { transitionIssue(input: {issueId: "sec-issue", to: ACCEPTANCE_REQUESTED}) { issue { id } } }""");
        MATRIX.put("requestAcceptance", Set.of("office", "ecology"));
        MUTATIONS.put("accept", """
                mutation { transitionIssue(input: {issueId: "sec-issue", to: CLOSED,
                  acceptance: {acceptedBy: "验收组", acceptedOn: "2024-03-01", evidence: ["验收报告"]}}) { issue { id } } }""");
        MATRIX.put("accept", Set.of("office", "nr"));
        MUTATIONS.put("rejectAcceptance", """
                mutation { transitionIssue(input: {issueId: "sec-issue", to: RECTIFYING, note: "验收不通过"}) { issue { id } } }""");
        MATRIX.put("rejectAcceptance", Set.of("office", "nr"));
        MUTATIONS.put("shutDown", """
                mutation { transitionIssue(input: {issueId: "sec-issue", to: SHUT_DOWN}) { issue { id } } }""");
        MATRIX.put("shutDown", Set.of("office"));
        MUTATIONS.put("moveToAnotherUnit", """
                mutation { assignIssue(input: {issueId: "sec-issue", leadUnit: "区林业局", responsiblePersonId: null}) { issue { id } } }""");
        MATRIX.put("moveToAnotherUnit", Set.of("office"));
        MUTATIONS.put("recordExposure", """
                mutation { recordOutcome(input: {issueId: "sec-issue", outcome: EXPOSURE, on: "2024-03-01", where: "昌江日报"}) { issue { id } } }""");
        MATRIX.put("recordExposure", Set.of("office", "ecology", "publicity"));
        MUTATIONS.put("recordPenalty", """
                mutation { recordOutcome(input: {issueId: "sec-issue", outcome: PENALTY, on: "2024-03-01", amount: 1000}) { issue { id } } }""");
        MATRIX.put("recordPenalty", Set.of("office", "ecology"));
        MUTATIONS.put("openJointEnforcementAction", """
                mutation { openJointEnforcementAction(input: {mineId: "sec-mine", leadUnitId: "ECOLOGY", participatingUnitIds: [],
                  issueIds: ["sec-issue"], plannedOn: "2026-12-01"}) { action { id } } }""");
        MATRIX.put("openJointEnforcementAction", Set.of("office"));
        MUTATIONS.put("recordJointEnforcementResult", """
                mutation { recordJointEnforcementResult(input: {actionId: "sec-action", inspectedOn: "2026-11-01", findings: "x"}) { action { id } } }""");
        MATRIX.put("recordJointEnforcementResult", Set.of("office"));
        MUTATIONS.put("closeJointEnforcementAction", """
                mutation { closeJointEnforcementAction(input: {actionId: "sec-action"}) { action { id } } }""");
        MATRIX.put("closeJointEnforcementAction", Set.of("office"));
        MUTATIONS.put("importPlan", """
                mutation { importPlan(input: {dryRun: false, jurisdiction: "CHANGJIANG",
                  text: "权测字〔2026〕1号\\n关于印发《权限测试专项行动实施方案》的通知\\n二、主要任务\\n(一)测试任务。重点整治无证开采等问题。(责任单位:区林业局)"}) { planId } }""");
        MATRIX.put("importPlan", Set.of("office"));
    }

    private static Driver driver;

    @BeforeAll
    static void keepDriver(@Autowired Driver neo4j) {
        driver = neo4j;
    }

    @AfterAll
    static void removeFixtures() {
        reset();
        TestFixtures.remove(driver);
    }

    /** The fixture as it was: the problem, its mine, a prepared open action, and nothing any attempt wrote. */
    private static void reset() {
        try (var session = driver.session()) {
            session.run("""
                    MATCH (n) WHERE (n:Mine AND n.licenceNumber STARTS WITH 'SEC-') OR (n:Issue AND (n)-[:AT]->(:Mine {id: 'sec-mine'}))
                       OR (n:JointEnforcementAction AND (n)-[:FOR_MINE]->(:Mine {id: 'sec-mine'}))
                    OPTIONAL MATCH (c:Change {entityId: n.id})
                    DETACH DELETE c, n""").consume();
        }
        try (var session = driver.session()) {
            session.run("""
                    MATCH (p:Plan {documentNumber: '权测字〔2026〕1号'})
                    OPTIONAL MATCH (p)-[:SETS_TASK]->(t:PlanTask)
                    OPTIONAL MATCH (t)-[:TARGETS]->(problem:PlanProblem)
                    OPTIONAL MATCH (c:Change {entityId: p.id})
                    DETACH DELETE problem, t, c, p""").consume();
        }
        TestFixtures.remove(driver);
        TestFixtures.load(driver, "fixtures/security.cypher");
        try (var session = driver.session()) {
            session.run("""
                    MATCH (m:Mine {id: 'sec-mine'}), (u:Unit {id: 'ECOLOGY'}), (i:Issue {id: 'sec-issue'})
                    CREATE (a:JointEnforcementAction:TestFixture {id: 'sec-action', status: 'OPEN', plannedOn: date('2026-12-01'), openedAt: datetime()})
                    CREATE (a)-[:FOR_MINE]->(m), (a)-[:LED_BY]->(u), (a)-[:COVERS_ISSUE]->(i)""").consume();
        }
    }

    /** What must hold before a mutation can succeed at all, so that only the role decides. */
    private static final Map<String, String> PRECONDITIONS = Map.of(
            "accept", "MATCH (i:Issue {id: 'sec-issue'}) SET i.status = 'ACCEPTANCE_REQUESTED'",
            "rejectAcceptance", "MATCH (i:Issue {id: 'sec-issue'}) SET i.status = 'ACCEPTANCE_REQUESTED'",
            "openJointEnforcementAction", "MATCH (a:JointEnforcementAction {id: 'sec-action'}) SET a.status = 'CLOSED'");

    private static void prepare(String cypher) {
        if (cypher != null) {
            try (var session = driver.session()) {
                session.run(cypher).consume();
            }
        }
    }

    private HttpGraphQlTester tester(String user) {
        return user.equals("anonymous") ? anonymous : as(user);
    }

    private String fingerprint() {
        try (var session = driver.session()) {
            return session.run("""
                    MATCH (n) WHERE n:Change OR n:Issue OR n:Mine OR n:JointEnforcementAction
                    WITH count(n) AS nodes
                    MATCH (i:Issue {id: 'sec-issue'}), (a:JointEnforcementAction {id: 'sec-action'})
                    RETURN nodes + '/' + i.version + '/' + i.status + '/' + coalesce(i.supervised, false) + '/'
                           + COUNT { (i)-[:RESULTED_IN]->() } + '/' + a.status AS fingerprint""").single().get("fingerprint").asString();
        }
    }

    @Test
    void shouldAllowEachMutationToItsRolesOnlyAndLetNoRefusalChangeAnything() {
        List<String> report = new java.util.ArrayList<>();
        MUTATIONS.forEach((name, document) -> {
            for (String user : USERS) {
                reset();
                prepare(PRECONDITIONS.get(name));
                String before = fingerprint();
                var response = tester(user).document(document).execute();
                boolean allowed = MATRIX.get(name).contains(user);
                response.errors().satisfy(errors -> {
                    if (allowed) {
                        assertThat(errors).as("%s by %s", name, user).isEmpty();
                        assertThat(fingerprint()).as("%s by %s changed something", name, user).isNotEqualTo(before);
                    } else {
                        assertThat(errors).as("%s by %s", name, user).hasSize(1);
                        assertThat(errors.getFirst().getExtensions().get("code")).as("%s by %s", name, user)
                                .isEqualTo(user.equals("anonymous") ? "UNAUTHENTICATED" : "FORBIDDEN");
                        assertThat(fingerprint()).as("%s refused for %s but something changed", name, user).isEqualTo(before);
                    }
                });
                report.add(name + ":" + user + ":" + (allowed ? "allowed" : "denied"));
            }
        });
        assertThat(report).hasSize(MUTATIONS.size() * USERS.size());
    }

    @Test
    void shouldLetAnonymousCallersReadThePublicPlanOnly() {
        reset();
        anonymous.document("{ tasks { number responsibleUnits { name } } unit(name: \"区公安局\") { duties { text } } workingGroup { convener { title } } }")
                .execute().errors().verify()
                .path("tasks").entityList(Object.class).hasSize(7);
        for (String document : List.of("{ mines { totalCount } }", "{ issue(id: \"sec-issue\") { id } }",
                "{ units { people { name } } }", "{ workingGroup { convener { holders { name } } } }",
                "{ history(id: \"sec-issue\") { action } }", "{ jointEnforcementCandidates { totalCount } }")) {
            anonymous.document(document).execute().errors().satisfy(errors -> {
                assertThat(errors).as(document).isNotEmpty();
                assertThat(errors).allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED"));
            });
        }
    }

    @Test
    void shouldHideContactDetailsFromAnalystsAndOtherUnitsProblemDetailsFromUnitOfficers() {
        reset();
        String person = "{ person(id: \"demo-person-ecology-officer\") { name phone } }";
        as("analyst").document(person).execute().path("person.name").hasValue().path("person.phone").valueIsNull();
        as("leader").document(person).execute().path("person.phone").hasValue();

        String issue = "{ issue(id: \"sec-issue\") { title description measures evidence responsiblePerson { id } } }";
        as("police").document(issue).execute().errors().verify()
                .path("issue.title").entity(String.class).isEqualTo("权限测试问题")
                .path("issue.description").valueIsNull()
                .path("issue.measures").valueIsNull()
                .path("issue.evidence").entityList(String.class).hasSize(0)
                .path("issue.responsiblePerson").valueIsNull();
        as("ecology").document(issue).execute()
                .path("issue.description").entity(String.class).isEqualTo("机密细节(测试)")
                .path("issue.responsiblePerson.id").entity(String.class).isEqualTo("demo-person-ecology-officer");
    }

    @Test
    void shouldKeepAnotherUnitsProblemHistoryFromAUnitOfficer() {
        reset();
        String history = "{ history(id: \"sec-issue\") { action } }";
        as("police").document(history).execute().errors().satisfy(errors ->
                assertThat(errors.getFirst().getExtensions()).containsEntry("code", "FORBIDDEN"));
        as("ecology").document(history).execute().errors().verify();
        as("nr").document(history).execute().errors().verify();
    }

    @Test
    void shouldRefuseBadTokensAndWrongPasswordsWithCodes() {
        var http = org.springframework.web.client.RestClient.create("http://localhost:" + port);
        int status = http.post().uri("/graphql").header("Authorization", "Bearer not-a-token")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(Map.of("query", "{ tasks { number } }"))
                .exchange((request, response) -> {
                    assertThat(new String(response.getBody().readAllBytes())).contains("UNAUTHENTICATED");
                    return response.getStatusCode().value();
                });
        assertThat(status).isEqualTo(401);
        int login = http.post().uri("/auth/token").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("username", "office", "password", "wrong"))
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(login).isEqualTo(401);
    }
}
