package cn.changjiang.mining.security;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

/**
 * {@link SignInBuckets}' contract in a map, for testing the throttle's arithmetic without a database: the same
 * compare-and-swap base class, so Bucket4j runs exactly as it does over Neo4j, on a clock the test moves.
 */
final class InMemorySignInBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    private final Map<String, byte[]> states = new ConcurrentHashMap<>();

    InMemorySignInBuckets(TimeMeter clock) {
        super(ClientSideConfig.getDefault().withClientClock(clock));
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return Optional.ofNullable(states.get(key));
            }

            @Override
            public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                                          Optional<Long> timeoutNanos) {
                boolean[] swapped = {false};
                states.compute(key, (k, current) -> {
                    swapped[0] = originalData == null ? current == null : Arrays.equals(current, originalData);
                    return swapped[0] ? newData : current;
                });
                return swapped[0];
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public void removeProxy(String key) {
        states.remove(key);
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        removeProxy(key);
        return CompletableFuture.completedFuture(null);
    }

    /** How many buckets are stored. */
    int size() {
        return states.size();
    }
}
