package cn.changjiang.mining.audit;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Change records made before records carried a sequence are numbered by V028 in the order they were made, batch by
 * batch, after the last number the counter gave, and the counter moves past them.
 */
class ChangeSequenceMigrationTest extends IntegrationTest {

    @Autowired
    Driver driver;

    @AfterEach
    void remove() {
        try (Session session = driver.session()) {
            session.run("MATCH (c:Change) WHERE c.id STARTS WITH 'unnumbered-test-' DELETE c").consume();
        }
    }

    @Test
    void unnumberedRecordsAreNumberedInTheOrderTheyWereMadeInBatches() {
        try (Session session = driver.session()) {
            ZonedDateTime at = ZonedDateTime.parse("2023-05-01T09:00:00+08:00");
            // Made in this order: e (earliest), then c and d at the same moment (by id), then a, then b.
            List<Map<String, Object>> made = List.of(Map.of("id", "unnumbered-test-e", "at", at),
                    Map.of("id", "unnumbered-test-c", "at", at.plusMinutes(1)),
                    Map.of("id", "unnumbered-test-d", "at", at.plusMinutes(1)),
                    Map.of("id", "unnumbered-test-a", "at", at.plusMinutes(2)),
                    Map.of("id", "unnumbered-test-b", "at", at.plusMinutes(3)));
            session.run("""
                    UNWIND $made AS row
                    CREATE (:Change {id: row.id, at: row.at, actor: 'test', action: 'registerMine', entityId: 'm',
                                     entityType: 'Mine', changes: '[]', requestId: 'r'})""", Map.of("made", made)).consume();
            long before = session.run("MATCH (s:ChangeSequence {id: 'changes'}) RETURN s.last AS last").single()
                    .get("last").asLong();

            assertThat(V028__ChangeSequence.numberAll(session, 2)).as("two, two, one").isEqualTo(3);

            List<String> inOrder = session.run("""
                    MATCH (c:Change) WHERE c.id STARTS WITH 'unnumbered-test-' RETURN c.id AS id ORDER BY c.seq""")
                    .list(r -> r.get("id").asString());
            assertThat(inOrder).containsExactly("unnumbered-test-e", "unnumbered-test-c", "unnumbered-test-d",
                    "unnumbered-test-a", "unnumbered-test-b");
            List<Long> numbers = session.run("""
                    MATCH (c:Change) WHERE c.id STARTS WITH 'unnumbered-test-' RETURN c.seq AS seq ORDER BY seq""")
                    .list(r -> r.get("seq").asLong());
            assertThat(numbers).containsExactly(before + 1, before + 2, before + 3, before + 4, before + 5);
            assertThat(session.run("MATCH (s:ChangeSequence {id: 'changes'}) RETURN s.last AS last").single()
                    .get("last").asLong()).isEqualTo(before + 5);
            assertThat(V028__ChangeSequence.numberAll(session, 2)).as("nothing left to number").isEqualTo(1);
        }
    }
}
