package cn.changjiang.mining.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.IntegrationTest;
import cn.changjiang.mining.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change record keeps the district of the thing it changed: written so by every write, and filled in by V031 for the
 * records made before (by ranges of sequence numbers); the change records' list starts from it.
 */
class ChangeDistrictsMigrationTest extends IntegrationTest {

    private static final String LICENCE = "DISTRICT-RECORD-";

    @Autowired
    Driver driver;

    @AfterEach
    void remove() {
        try (Session session = driver.session()) {
            session.run("MATCH (c:Change) WHERE c.id STARTS WITH 'district-test-' DELETE c").consume();
        }
        TestFixtures.removeRegisteredMines(driver, LICENCE);
    }

    @Test
    void everyRecordKeepsItsThingsDistrictWrittenOrFilledIn() {
        String mine = graphQl.document("""
                        mutation { registerMine(input: {name: "区县记录测试矿(测试)", licenseNumber: "DISTRICT-RECORD-0001",
                          mineral: "钨", township: "鲇鱼山镇"}) { mine { id } } }""")
                .execute().path("registerMine.mine.id").entity(String.class).get();
        try (Session session = driver.session()) {
            String mineDistrict = session.run("MATCH (m:Mine {id: $id}) RETURN m.district AS d", Map.of("id", mine))
                    .single().get("d").asString();
            assertThat(session.run("MATCH (c:Change {entityId: $id}) RETURN collect(DISTINCT c.district) AS d",
                    Map.of("id", mine)).single().get("d").asList()).as("written with the mine's district")
                    .containsExactly(mineDistrict);

            String issueDistrict = session.run("MATCH (i:Issue {id: 'demo-issue-002'}) RETURN i.district AS d")
                    .single().get("d").asString();
            long last = session.run("""
                    MATCH (s:ChangeSequence {id: 'changes'}) SET s.last = s.last + 4 RETURN s.last - 4 AS before""")
                    .single().get("before").asLong();
            List<Map<String, Object>> made = List.of(record(last + 1, "Issue", "demo-issue-002"),
                    record(last + 2, "Mine", mine), record(last + 3, "Plan", "plan-changjiang-2023"),
                    record(last + 4, "Issue", "district-test-gone"));
            session.run("""
                    UNWIND $made AS row
                    CREATE (:Change {id: row.id, seq: row.seq, at: datetime(), actor: 'test', action: 'test',
                                     entityId: row.entityId, entityType: row.entityType, changes: '[]', requestId: 'r'})""",
                    Map.of("made", made)).consume();
            List<String> ids = List.of("demo-issue-002", mine, "plan-changjiang-2023", "district-test-gone");
            assertThat(listed(ids)).as("records without a district are not listed yet").isZero();

            assertThat(V031__ChangeDistricts.fillAll(session, 1_000)).as("all but the gone thing's").isGreaterThanOrEqualTo(3);

            Map<String, Object> districts = new HashMap<>();
            session.run("MATCH (c:Change) WHERE c.id STARTS WITH 'district-test-' RETURN c.entityId AS id, c.district AS d")
                    .forEachRemaining(r -> districts.put(r.get("id").asString(), r.get("d").asObject()));
            Map<String, Object> expected = new HashMap<>(Map.of("demo-issue-002", issueDistrict, mine, mineDistrict,
                    "plan-changjiang-2023", "*"));
            expected.put("district-test-gone", null);
            assertThat(districts).isEqualTo(expected);
            assertThat(listed(ids)).as("the problem's, the mine's and the plan's records listed again").isEqualTo(3);
            assertThat(V031__ChangeDistricts.fillAll(session, 1_000)).as("nothing left to fill").isZero();
        }
    }

    private static Map<String, Object> record(long seq, String entityType, String entityId) {
        return Map.of("id", "district-test-" + seq, "seq", seq, "entityType", entityType, "entityId", entityId);
    }

    /** How many of the test's own records the office's list shows. */
    private int listed(List<String> entityIds) {
        return graphQl.document("""
                        query($ids: [ID!]) { changes(first: 100, where: {entityId: {in: $ids}, actor: {eq: "test"}}) {
                          totalCount } }""")
                .variable("ids", entityIds).execute().path("changes.totalCount").entity(Integer.class).get();
    }
}
