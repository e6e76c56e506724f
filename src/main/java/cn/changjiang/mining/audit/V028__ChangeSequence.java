package cn.changjiang.mining.audit;

import java.util.Map;

import ac.simons.neo4j.migrations.core.JavaBasedMigration;
import ac.simons.neo4j.migrations.core.MigrationContext;
import org.neo4j.driver.Session;

/**
 * Numbers the change records made before they carried a sequence, in the order they were made (time, then id), and
 * starts the counter after the last ({@link AuditTrail} takes the next numbers under the counter's lock, at commit).
 * A province's millions of records are numbered {@value #BATCH} at a time, each batch with the counter in one
 * transaction of its own, so no transaction holds them all; a start cut short resumes where it stopped. Under the
 * migrations' lock, so instances starting together number once.
 * <p>
 * Instances of an earlier version write records without a number: stop them all before the first instance of this
 * version starts (docs/deployment.md#upgrading).
 */
public class V028__ChangeSequence implements JavaBasedMigration {

    static final int BATCH = 10_000;

    static final String NUMBER_NEXT_BATCH = """
            MERGE (s:ChangeSequence {id: 'changes'}) ON CREATE SET s.last = 0
            SET s._lock = true REMOVE s._lock
            WITH s
            CALL (s) {
              MATCH (c:Change) WHERE c.seq IS NULL
              WITH c ORDER BY c.at, c.id LIMIT $batch
              RETURN collect(c) AS batch
            }
            FOREACH (i IN range(0, size(batch) - 1) | FOREACH (c IN [batch[i]] | SET c.seq = s.last + i + 1))
            SET s.last = s.last + size(batch)
            RETURN size(batch) AS numbered""";

    public V028__ChangeSequence() {
    }

    @Override
    public void apply(MigrationContext context) {
        try (Session session = context.getSession()) {
            numberAll(session, BATCH);
        }
    }

    /** Every unnumbered record numbered, {@code batch} to a transaction; how many batches it took. */
    static int numberAll(Session session, int batch) {
        int batches = 0;
        int numbered;
        do {
            numbered = session.executeWrite(tx -> tx.run(NUMBER_NEXT_BATCH, Map.of("batch", batch)).single()
                    .values().getFirst().asInt());
            batches++;
        } while (numbered == batch);
        return batches;
    }
}
