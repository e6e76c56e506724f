package cn.changjiang.mining.graph;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * Housekeeping that one instance of several does for all (pruning, nightly ranking): an instance takes the named
 * lease for a while before it starts, and the others, finding it held, skip their turn. The lease is a node in the
 * database, taken under its write lock and timed by the database's clock, so instances on machines whose clocks
 * differ agree; a lease whose holder died runs out by itself.
 */
@Component
public class ClusterLease {

    static final String TAKE = """
            MERGE (l:ClusterLease {name: $name})
            SET l._lock = true REMOVE l._lock
            WITH l, l.until IS NULL OR l.until <= datetime() AS free
            FOREACH (_ IN CASE WHEN free THEN [1] END |
              SET l.holder = $holder, l.until = datetime() + duration({milliseconds: $millis}), l.takenAt = datetime())
            RETURN free AS item""";

    private final CypherRunner graph;
    /** This instance, as the holder of leases: a new one each start. */
    private final String holder = UUID.randomUUID().toString();

    public ClusterLease(CypherRunner graph) {
        this.graph = graph;
    }

    /**
     * Takes the lease {@code name} for {@code period} when no other instance holds it: true when this instance may do
     * the work now. It is not given back early, so the work runs at most once a period whichever instances ask.
     */
    public boolean take(String name, Duration period) {
        return graph.writeSingle(TAKE, Map.of("name", name, "holder", holder, "millis", period.toMillis()),
                Value::asBoolean).orElse(false);
    }

    /** This instance's name as a holder of leases. */
    public String holder() {
        return holder;
    }
}
