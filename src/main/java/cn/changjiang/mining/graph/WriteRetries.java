package cn.changjiang.mining.graph;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Runs a mutation again when the database reports a transient failure: each attempt is a whole transaction of its
 * own, started afresh. Two kinds of failure differ in what they say about the attempt:
 * <ul>
 *   <li>a transient error the database reports (a deadlock, a lock timeout, a cluster leader change) means the
 *       attempt was rolled back, so any mutation may run again ({@link #run});</li>
 *   <li>a lost connection leaves unknown whether the commit happened, so only a creation under an idempotency key
 *       runs again ({@link #runKeyed}): the key finds an attempt whose commit succeeded unseen, and nothing is
 *       written twice. Other mutations report {@code UNAVAILABLE} and the client reads before it retries.</li>
 * </ul>
 * Retries stop after four attempts or two seconds, whichever comes first, so an outage is reported within the
 * driver's own timeouts.
 */
@Component
public class WriteRetries {

    private static final Logger log = LoggerFactory.getLogger(WriteRetries.class);
    static final int MAX_ATTEMPTS = 4;
    static final long RETRY_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** A mutation retried only when the database said the attempt was rolled back. */
    public <T> T run(String operation, Supplier<T> attempt) {
        return retrying(operation, attempt, false);
    }

    /** A creation under an idempotency key: also retried when a lost connection leaves the outcome unknown. */
    public <T> T runKeyed(String operation, Supplier<T> attempt) {
        return retrying(operation, attempt, true);
    }

    private <T> T retrying(String operation, Supplier<T> attempt, boolean keyed) {
        long started = System.nanoTime();
        for (int tries = 1; ; tries++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                long pause = (25L << tries) + ThreadLocalRandom.current().nextLong(25);
                boolean inBudget = System.nanoTime() - started + TimeUnit.MILLISECONDS.toNanos(pause) < RETRY_BUDGET_NANOS;
                if (tries >= MAX_ATTEMPTS || !inBudget || !retryable(e, keyed)) {
                    throw e;
                }
                log.warn("{}: transient database failure on attempt {} ({}); retrying in {} ms", operation, tries,
                        e.getClass().getSimpleName(), pause);
                sleep(pause);
            }
        }
    }

    static boolean retryable(Throwable e, boolean keyed) {
        boolean transientAccess = false;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServiceUnavailableException || cause instanceof SessionExpiredException) {
                return keyed;
            }
            if (cause instanceof TransientException) {
                return true;
            }
            transientAccess |= cause instanceof TransientDataAccessException;
        }
        return transientAccess;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", interrupted);
        }
    }
}
