package cn.changjiang.mining.audit;

import java.util.Map;

import ac.simons.neo4j.migrations.core.JavaBasedMigration;
import ac.simons.neo4j.migrations.core.MigrationContext;
import org.neo4j.driver.Session;

/**
 * Gives the change records made before they kept one the district of the thing they changed
 * ({@link AuditTrail#districtOfRecord}), by ranges of {@value #BATCH} sequence numbers, each range in a transaction of
 * its own, so a province's millions of records are never held in one; a start cut short resumes where it stopped (a
 * record once given its district is passed over; one whose thing is gone keeps none and is not listed).
 */
public class V031__ChangeDistricts implements JavaBasedMigration {

    static final int BATCH = 10_000;

    static final String FILL_RANGE = """
            MATCH (c:Change) WHERE c.seq > $from AND c.seq <= $from + $batch AND c.district IS NULL
            SET c.district = %s
            RETURN count(c.district) AS filled""".formatted(AuditTrail.districtOfRecord("c.entityType", "c.entityId"));

    public V031__ChangeDistricts() {
    }

    @Override
    public void apply(MigrationContext context) {
        try (Session session = context.getSession()) {
            fillAll(session, BATCH);
        }
    }

    /** Every record without a district given one, {@code batch} sequence numbers to a transaction; how many it filled. */
    static long fillAll(Session session, int batch) {
        long last = session.executeRead(tx -> tx.run("""
                OPTIONAL MATCH (s:ChangeSequence {id: 'changes'}) RETURN coalesce(s.last, 0) AS last""")
                .single().values().getFirst().asLong());
        long filled = 0;
        for (long from = 0; from < last; from += batch) {
            long start = from;
            filled += session.executeWrite(tx -> tx.run(FILL_RANGE, Map.of("from", start, "batch", batch)).single()
                    .values().getFirst().asLong());
        }
        return filled;
    }
}
