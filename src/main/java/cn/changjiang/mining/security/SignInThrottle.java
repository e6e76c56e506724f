package cn.changjiang.mining.security;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
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
 * The names and addresses remembered are bounded; the least recently seen are forgotten first.
 */
@Component
class SignInThrottle {

    /** What to do about an attempt: go ahead, or refuse it for this long. */
    record Admission(boolean allowed, Duration retryAfter) {
    }

    private static final int REMEMBERED = 10_000;

    private final long perUser;
    private final long perAddress;
    private final Duration period;
    private final Duration step;
    private final Duration maxDelay;
    private final TimeMeter time;
    private final Map<String, Bucket> users = lru();
    private final Map<String, Bucket> addresses = lru();

    @Autowired
    SignInThrottle(@Value("${accountability.security.sign-in.failures-per-user:10}") long perUser,
                   @Value("${accountability.security.sign-in.failures-per-address:30}") long perAddress,
                   @Value("${accountability.security.sign-in.period:10m}") Duration period,
                   @Value("${accountability.security.sign-in.delay-step:100ms}") Duration step,
                   @Value("${accountability.security.sign-in.max-delay:1s}") Duration maxDelay) {
        this(perUser, perAddress, period, step, maxDelay, TimeMeter.SYSTEM_MILLISECONDS);
    }

    SignInThrottle(long perUser, long perAddress, Duration period, Duration step, Duration maxDelay, TimeMeter time) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.period = period;
        this.step = step;
        this.maxDelay = maxDelay;
        this.time = time;
    }

    /** Whether an attempt for this name from this address may be checked at all. */
    Admission admit(String username, String address) {
        long waitNanos = Math.max(
                user(username).estimateAbilityToConsume(1).getNanosToWaitForRefill(),
                address(address).estimateAbilityToConsume(1).getNanosToWaitForRefill());
        return new Admission(waitNanos == 0, Duration.ofNanos(waitNanos));
    }

    /** Counts a failed attempt; returns how long to hold the answer back. */
    Duration failed(String username, String address) {
        long userLeft = user(username).tryConsumeAndReturnRemaining(1).getRemainingTokens();
        long addressLeft = address(address).tryConsumeAndReturnRemaining(1).getRemainingTokens();
        long counted = Math.max(perUser - userLeft, perAddress - addressLeft);
        Duration delay = step.multipliedBy(counted);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private Bucket user(String username) {
        return users.computeIfAbsent(username == null ? "" : username, name -> bucket(perUser));
    }

    private Bucket address(String address) {
        return addresses.computeIfAbsent(address, key -> bucket(perAddress));
    }

    private Bucket bucket(long capacity) {
        return Bucket.builder().addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .withCustomTimePrecision(time).build();
    }

    private static Map<String, Bucket> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > REMEMBERED;
            }
        });
    }
}
