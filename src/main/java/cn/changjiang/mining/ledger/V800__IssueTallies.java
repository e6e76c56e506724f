package cn.changjiang.mining.ledger;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import ac.simons.neo4j.migrations.core.JavaBasedMigration;
import ac.simons.neo4j.migrations.core.MigrationContext;
import cn.changjiang.mining.common.IssueStatus;
import cn.changjiang.mining.common.CampaignTime;
import org.neo4j.driver.Session;

/**
 * Counts the problems recorded before counts were kept on write ({@link IssueTallies}), numbered after the demo data
 * (V1xx, which a version in that range would be taken for) and before the tests' V9xx; after the demo data
 * (V101–V105), in transactions of 2,000 problems, under the migrations' lock like every other migration, so
 * instances starting together count once. A problem already counted is left alone, so running it again changes
 * nothing.
 */
public class V800__IssueTallies implements JavaBasedMigration {

    static final String COUNT_UNCOUNTED = """
            MATCH (i:Issue) WHERE i.tally IS NULL AND i.status IS NOT NULL AND i.district IS NOT NULL
            WITH collect(i.id) AS ids
            UNWIND range(0, size(ids) - 1, 2000) AS start
            CALL (ids, start) {
              UNWIND ids[start..start + 2000] AS issueId
              MATCH (i:Issue {id: issueId})
              %s
            } IN TRANSACTIONS OF 1 ROW
            RETURN count(*) AS batches""".formatted(IssueTallies.RECOUNT);

    public V800__IssueTallies() {
    }

    @Override
    public void apply(MigrationContext context) {
        Map<String, Object> params = new HashMap<>(IssueTallies.parameters(LocalDate.now(CampaignTime.ZONE)));
        params.putAll(IssueStatus.CYPHER_PARAMETERS);
        try (Session session = context.getSession()) {
            session.run(COUNT_UNCOUNTED, params).consume();
        }
    }
}
