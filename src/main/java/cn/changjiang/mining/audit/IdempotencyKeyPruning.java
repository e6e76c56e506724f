package cn.changjiang.mining.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;

import cn.changjiang.mining.graph.ClusterLease;
import cn.changjiang.mining.graph.CypherRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Idempotency keys ({@link IdempotencyKeys}) are kept for {@code keep-for} (a client's retries of one request come
 * within it), the server's own keys for its internal retries for {@code internal-keep-for}; then removed, oldest
 * first, in batches of {@code prune-batch}, each batch its own transaction, every {@code prune-every}. With several
 * instances one of them prunes each time: the one that takes the {@value #LEASE} lease ({@link ClusterLease}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyKeyPruning implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPruning.class);

    static final String LEASE = "idempotency-key-pruning";
    static final String PRUNE = """
            MATCH (k:IdempotencyKey) WHERE k.createdAt < $internalBefore
              AND (k.createdAt < $before OR coalesce(k.internal, false))
            WITH k LIMIT $batch
            DELETE k
            RETURN count(*) AS item""";

    private final CypherRunner graph;
    private final ClusterLease lease;
    private final Clock clock;
    private final Duration keepFor;
    private final Duration internalKeepFor;
    private final Duration every;
    private final int batch;

    IdempotencyKeyPruning(CypherRunner graph, ClusterLease lease, Clock clock,
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
        this.clock = clock;
        this.keepFor = keepFor;
        this.internalKeepFor = internalKeepFor;
        this.every = every;
        this.batch = batch;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::pruneQuietly, every);
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

    /** One round: nothing when another instance holds the lease for this period. */
    Pruned prune() {
        // A little shorter than the period, so the instance whose turn comes next finds it free.
        if (!lease.take(LEASE, every.minus(every.dividedBy(10)))) {
            return new Pruned(false, 0);
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        Map<String, Object> params = Map.of("before", now.minus(keepFor), "internalBefore",
                now.minus(internalKeepFor.compareTo(keepFor) < 0 ? internalKeepFor : keepFor), "batch", batch);
        long removed = 0;
        long last;
        do {
            last = graph.writeSingle(PRUNE, params, org.neo4j.driver.Value::asLong).orElse(0L);
            removed += last;
        } while (last == batch);
        return new Pruned(true, removed);
    }

    /** What a round did: whether this instance pruned, and how many keys it removed. */
    record Pruned(boolean ran, long removed) {
    }
}
