package cn.changjiang.mining.security;

import java.time.Duration;

import cn.changjiang.mining.graph.CypherRunner;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down and then stops password guessing at {@code POST /auth/token}, per username and per client address,
 * with Bucket4j token buckets that count failed sign-ins only: each failure takes a token from the name's bucket and
 * from the address's, and is answered after a delay that grows with the failures counted (by {@code step} each, at
 * most {@code maxDelay}); once either bucket is empty, attempts are refused (429 with {@code Retry-After}) before
 * any password is checked, until a token has come back. Buckets refill steadily over {@code period}. A successful
 * sign-in takes nothing, so a user signing in repeatedly, or another user or address, is never held up by them.
 * <p>
 * The buckets live in the database ({@link SignInBuckets}), keyed {@code user:NAME} and {@code address:ADDRESS}, so
 * all instances of the app count the same failures and a restart forgets none. A name or address that never failed
 * has no bucket: admitting it reads and writes nothing more than that.
 */
@Component
class SignInThrottle {

    /** What to do about an attempt: go ahead, or refuse it for this long. */
    record Admission(boolean allowed, Duration retryAfter) {
    }

    private final long perUser;
    private final long perAddress;
    private final Duration step;
    private final Duration maxDelay;
    private final ProxyManager<String> buckets;
    private final BucketConfiguration userLimit;
    private final BucketConfiguration addressLimit;

    @Autowired
    SignInThrottle(@Value("${accountability.security.sign-in.failures-per-user:10}") long perUser,
                   @Value("${accountability.security.sign-in.failures-per-address:30}") long perAddress,
                   @Value("${accountability.security.sign-in.period:10m}") Duration period,
                   @Value("${accountability.security.sign-in.delay-step:100ms}") Duration step,
                   @Value("${accountability.security.sign-in.max-delay:1s}") Duration maxDelay,
                   CypherRunner graph) {
        this(perUser, perAddress, period, step, maxDelay, new SignInBuckets(graph, ClientSideConfig.getDefault()));
    }

    /** Over any store of buckets: the database's, or (in tests) one in memory on a clock the test moves. */
    SignInThrottle(long perUser, long perAddress, Duration period, Duration step, Duration maxDelay,
                   ProxyManager<String> buckets) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.step = step;
        this.maxDelay = maxDelay;
        this.buckets = buckets;
        this.userLimit = limit(perUser, period);
        this.addressLimit = limit(perAddress, period);
    }

    /** Whether an attempt for this name from this address may be checked at all. */
    Admission admit(String username, String address) {
        long waitNanos = Math.max(waitNanos(userKey(username), userLimit), waitNanos(addressKey(address), addressLimit));
        return new Admission(waitNanos == 0, Duration.ofNanos(waitNanos));
    }

    /** Counts a failed attempt; returns how long to hold the answer back. */
    Duration failed(String username, String address) {
        long userLeft = bucket(userKey(username), userLimit).tryConsumeAndReturnRemaining(1).getRemainingTokens();
        long addressLeft = bucket(addressKey(address), addressLimit).tryConsumeAndReturnRemaining(1).getRemainingTokens();
        long counted = Math.max(perUser - userLeft, perAddress - addressLeft);
        Duration delay = step.multipliedBy(counted);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /**
     * How long until a token is back; none for a key without a bucket, which is not made here (asking a bucket that
     * does not exist yet would store a full one).
     */
    private long waitNanos(String key, BucketConfiguration limit) {
        if (buckets.getProxyConfiguration(key).isEmpty()) {
            return 0;
        }
        return bucket(key, limit).estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    private Bucket bucket(String key, BucketConfiguration limit) {
        return buckets.builder().build(key, () -> limit);
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static BucketConfiguration limit(long capacity, Duration period) {
        return BucketConfiguration.builder().addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build();
    }
}
