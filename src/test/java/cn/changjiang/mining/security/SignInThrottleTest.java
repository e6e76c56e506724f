package cn.changjiang.mining.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle's arithmetic on a clock the test moves: growing delays, then refusal, per name and per address. */
class SignInThrottleTest {

    private long nanos;
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    private final InMemorySignInBuckets buckets = new InMemorySignInBuckets(clock);
    private final SignInThrottle throttle = new SignInThrottle(10, 30, Duration.ofMinutes(10), Duration.ofMillis(100),
            Duration.ofSeconds(1), buckets);

    @Test
    void shouldDelayMoreWithEachFailureThenRefuseTheNameUntilATokenComesBack() {
        List<Duration> delays = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            assertThat(throttle.admit("office", "203.0.113.1").allowed()).isTrue();
            delays.add(throttle.failed("office", "203.0.113.1"));
        }
        assertThat(delays.getFirst()).isEqualTo(Duration.ofMillis(100));
        assertThat(delays).isSorted();
        assertThat(delays.getLast()).isEqualTo(Duration.ofSeconds(1));

        SignInThrottle.Admission refused = throttle.admit("office", "203.0.113.1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.admit("office", "198.51.100.7").allowed()).as("the name, from anywhere").isFalse();
        assertThat(throttle.admit("leader", "198.51.100.7").allowed()).as("another name elsewhere").isTrue();
        assertThat(throttle.admit("leader", "203.0.113.1").allowed()).as("another name from the same address").isTrue();

        nanos += Duration.ofMinutes(1).toNanos();
        assertThat(throttle.admit("office", "203.0.113.1").allowed()).as("one more try a minute later").isTrue();
    }

    @Test
    void shouldRefuseAnAddressThatTriesManyNames() {
        for (int n = 0; n < 30; n++) {
            throttle.failed("guess-" + n, "203.0.113.2");
        }
        assertThat(throttle.admit("analyst", "203.0.113.2").allowed()).isFalse();
        assertThat(throttle.admit("analyst", "198.51.100.8").allowed()).isTrue();
    }

    @Test
    void shouldLetRepeatedSuccessfulSignInsThrough() {
        for (int n = 0; n < 1_000; n++) {
            assertThat(throttle.admit("office", "127.0.0.1").allowed()).isTrue();
        }
        assertThat(buckets.size()).as("no bucket stored for names and addresses that never failed").isZero();
    }
}
