package cn.changjiang.mining.graph;

import java.util.concurrent.atomic.AtomicInteger;

import cn.changjiang.mining.common.ConflictException;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.dao.TransientDataAccessResourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteRetriesTest {

    private final WriteRetries retries = new WriteRetries();

    @Test
    void shouldRunAgainAfterTransientFailuresUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        String result = retries.run("test", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new TransientDataAccessResourceException("deadlock",
                        new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "deadlock"));
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void shouldRetryALostConnectionOnlyUnderAnIdempotencyKeyAndGiveUpAfterTheLastAttempt() {
        AtomicInteger keyed = new AtomicInteger();
        assertThatThrownBy(() -> retries.runKeyed("test", () -> {
            keyed.incrementAndGet();
            throw new ServiceUnavailableException("the database is away");
        })).isInstanceOf(ServiceUnavailableException.class);
        assertThat(keyed).hasValue(WriteRetries.MAX_ATTEMPTS);

        AtomicInteger unkeyed = new AtomicInteger();
        assertThatThrownBy(() -> retries.run("test", () -> {
            unkeyed.incrementAndGet();
            throw new ServiceUnavailableException("the commit may or may not have happened");
        })).isInstanceOf(ServiceUnavailableException.class);
        assertThat(unkeyed).as("a change without a key is not repeated blindly").hasValue(1);
    }

    @Test
    void shouldNeverRepeatARefusal() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retries.run("test", () -> {
            attempts.incrementAndGet();
            throw new ConflictException("stale version");
        })).isInstanceOf(ConflictException.class);
        assertThat(attempts).hasValue(1);
    }
}
