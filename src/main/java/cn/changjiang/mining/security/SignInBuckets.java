package cn.changjiang.mining.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import cn.changjiang.mining.graph.CypherRunner;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import org.neo4j.driver.Value;

/**
 * The sign-in throttle's token buckets ({@link SignInThrottle}) kept in the database, so that every instance of the
 * app over it counts the same failures: with buckets in each process's memory, N instances would give a guesser N
 * times the tries. Bucket4j does the arithmetic and the retrying; this only stores a bucket's serialized state, one
 * {@code (:SignInBucket {key, state, touchedAt})} node per key (unique: graph-seed/V029), and swaps it in one
 * statement that first takes the node's write lock, so of two instances racing on a bucket one wins and Bucket4j
 * runs the other's command again on the state that won. A bucket is read, and swapped, in a write transaction of its
 * own, so on a cluster both go to the leader, which holds every instance's last swap.
 * <p>
 * What bounds the nodes: one is made only when a sign-in fails (the throttle does not create buckets to answer
 * whether an attempt may go ahead), and a node untouched for longer than the refill period holds a full bucket,
 * which is what a missing node means too, so such nodes may be deleted at any time; {@code touchedAt} (with its
 * index) finds them. No job deletes them yet.
 */
final class SignInBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    static final String READ = "MATCH (b:SignInBucket {key: $key}) WHERE b.state IS NOT NULL RETURN b.state AS item";
    /**
     * Setting {@code touchedAt} takes the node's write lock before its state is read and compared, so no other
     * transaction can swap between the comparison and the write.
     */
    static final String SWAP = """
            MERGE (b:SignInBucket {key: $key})
            SET b.touchedAt = datetime()
            WITH b, coalesce(CASE WHEN $expected IS NULL THEN b.state IS NULL ELSE b.state = $expected END, false)
                 AS swapped
            SET b.state = CASE WHEN swapped THEN $state ELSE b.state END
            RETURN swapped AS item""";
    static final String REMOVE = "MATCH (b:SignInBucket {key: $key}) DELETE b";

    private final CypherRunner graph;

    SignInBuckets(CypherRunner graph, ClientSideConfig config) {
        super(config);
        this.graph = graph;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                // From the leader (a write transaction), never a secondary that may not yet hold another instance's
                // swap: compared against a stale state, every swap would fail until the secondary caught up.
                return graph.writeSingle(READ, Map.of("key", key), Value::asByteArray);
            }

            @Override
            public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                                          Optional<Long> timeoutNanos) {
                Map<String, Object> params = new HashMap<>();
                params.put("key", key);
                params.put("expected", originalData);
                params.put("state", newData);
                return graph.writeSingle(SWAP, params, Value::asBoolean).orElse(false);
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("The sign-in buckets are used synchronously only");
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public void removeProxy(String key) {
        graph.write(REMOVE, Map.of("key", key), v -> v);
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("The sign-in buckets are used synchronously only"));
    }
}
