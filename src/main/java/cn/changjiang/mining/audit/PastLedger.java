package cn.changjiang.mining.audit;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.CampaignTime;
import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.graph.PastTransaction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Brings the graph, inside a {@link PastTransaction}, back to where it stood at a moment: reads the change records made
 * since (oldest first, from the index on {@code Change.at}) and hands them to every feature's {@link Rewinder}. The
 * work grows with the changes since the moment, never with the size of the ledger; past
 * {@code accountability.as-of.max-changes} of them the read is refused rather than hold a long transaction. Last, the
 * records made since are removed too (in the same transaction, never committed): they did not exist at the moment.
 */
@Component
public class PastLedger {

    private final CypherRunner graph;
    private final List<Rewinder> rewinders;
    private final int maxChanges;

    PastLedger(CypherRunner graph, List<Rewinder> rewinders,
               @Value("${accountability.as-of.max-changes:100000}") int maxChanges) {
        this.graph = graph;
        this.rewinders = rewinders.stream().sorted(Comparator.comparingInt(Rewinder::order)).toList();
        this.maxChanges = maxChanges;
    }

    /** Undoes, in the current {@link PastTransaction}, every change recorded after {@code asOf}. */
    public void rewindTo(Instant asOf) {
        if (PastTransaction.current() == null) {
            throw new IllegalStateException("Undoing changes outside a past transaction would commit them");
        }
        List<AuditTrail.Change> since = graph.list("""
                MATCH (c:Change) WHERE c.at > $asOf
                RETURN c AS item ORDER BY c.seq LIMIT $limit""",
                Map.of("asOf", asOf.atZone(CampaignTime.ZONE), "limit", maxChanges + 1), AuditTrail.Change::from);
        if (since.size() > maxChanges) {
            throw new InvalidInputException("asOf", "More than " + maxChanges + " changes were recorded after " + asOf
                    + ": too far back to rebuild in one request (accountability.as-of.max-changes)");
        }
        if (since.isEmpty()) {
            return;
        }
        Past past = new Past(asOf, since);
        rewinders.forEach(rewinder -> rewinder.rewind(past));
        // The records themselves did not exist yet: a history, the change records' list or a count read in the
        // request ends at the moment too, under the read rules as they stood then.
        graph.write("MATCH (c:Change) WHERE c.at > $asOf DETACH DELETE c RETURN count(*) AS item",
                Map.of("asOf", asOf.atZone(CampaignTime.ZONE)), org.neo4j.driver.Value::asLong);
    }
}
