package cn.changjiang.mining.audit;

import java.time.Duration;
import java.util.Map;

import cn.changjiang.mining.graph.ClusterLease;
import cn.changjiang.mining.graph.CypherRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Idempotency keys ({@link IdempotencyKeys}) are kept for {@code keep-for} (a client's retries of one request come
 * within it), the server's own keys for its internal retries for {@code internal-keep-for} (a client's key may not
 * pass as one: {@link IdempotencyKeys#orInternal}); then removed, oldest first, in batches of {@code prune-batch}, each batch its own transaction, every {@code prune-every}. With several
 * instances one of them prunes each time: the one that takes the {@value #LEASE} lease ({@link ClusterLease}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyKeyPruning implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPruning.class);

    static final String LEASE = "idempotency-key-pruning";
    /**
     * The oldest expired keys, a batch of them, by the database's clock (the one that stamped {@code createdAt}), from
     * the index on {@code createdAt}: the later of the two cut-offs bounds the range read.
     */
    static final String PRUNE = """
            WITH datetime() - duration({milliseconds: $keepForMillis}) AS before,
                 datetime() - duration({milliseconds: $internalKeepForMillis}) AS internalBefore
            MATCH (k:IdempotencyKey) WHERE k.createdAt < internalBefore
              AND (k.createdAt < before OR coalesce(k.internal, false))
            WITH k ORDER BY k.createdAt LIMIT $batch
            DELETE k
            RETURN count(*) AS item""";

    private final CypherRunner graph;
    private final ClusterLease lease;
    private final Duration keepFor;
    private final Duration internalKeepFor;
    private final Duration every;
    private final int batch;

    IdempotencyKeyPruning(CypherRunner graph, ClusterLease lease,
                          @Value("${accountability.idempotency.keep-for:24h}") Duration keepFor,
                          @Value("${accountability.idempotency.internal-keep-for:1h}") Duration internalKeepFor,
                          @Value("${accountability.idempotency.prune-every:10m}") Duration every,
                          @Value("${accountability.idempotency.prune-batch:10000}") int batch) {
        if (keepFor.isNegative() || internalKeepFor.isNegative() || !every.isPositive() || batch < 1) {
            throw new IllegalArgumentException("accountability.idempotency: keep-for and internal-keep-for must not be "
                    + "negative, prune-every must be positive and prune-batch at least 1");
        }
        this.graph = graph;
        this.lease = lease;
        this.keepFor = keepFor;
        this.internalKeepFor = internalKeepFor;
        this.every = every;
        this.batch = batch;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        // The first round a period after the start, not at it: a start (or a restore) writes nothing it was not asked to.
        tasks.addFixedDelayTask(new FixedDelayTask(this::pruneQuietly, every, every));
    }

    private void pruneQuietly() {
        try {
            Pruned pruned = prune();
            if (pruned.removed() > 0) {
                log.info("Removed {} idempotency keys older than {} (the server's own: {})", pruned.removed(), keepFor,
                        internalKeepFor);
            }
        } catch (RuntimeException e) {
            log.warn("Could not prune idempotency keys this time ({}); trying again in {}", e.toString(), every);
        }
    }

    /**
     * One round: nothing when another instance holds the lease for this period. A round stops when its lease is near
     * its end (a first round on a database of years of keys), and the next round goes on from there.
     */
    Pruned prune() {
        // A little shorter than the period, so the instance whose turn comes next finds it free.
        Duration leaseFor = every.minus(every.dividedBy(10));
        if (!lease.take(LEASE, leaseFor)) {
            return new Pruned(false, 0);
        }
        long stopAt = System.nanoTime() + leaseFor.minus(leaseFor.dividedBy(5)).toNanos();
        Map<String, Object> params = Map.of("keepForMillis", keepFor.toMillis(),
                "internalKeepForMillis", Math.min(internalKeepFor.toMillis(), keepFor.toMillis()), "batch", batch);
        long removed = 0;
        long last;
        do {
            last = graph.writeSingle(PRUNE, params, org.neo4j.driver.Value::asLong).orElse(0L);
            removed += last;
        } while (last == batch && System.nanoTime() < stopAt);
        return new Pruned(true, removed);
    }

    /** What a round did: whether this instance pruned, and how many keys it removed. */
    record Pruned(boolean ran, long removed) {
    }
}
