package cn.changjiang.mining.graph;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.neo4j.driver.exceptions.RetryableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Runs a mutation again when the database reports a transient failure (a deadlock, a leader switch in a cluster, a
 * dropped connection): each attempt is a whole transaction of its own, started afresh, so a failed attempt left
 * nothing behind. Creating mutations carry an idempotency key through every attempt, so an attempt whose commit
 * succeeded unseen is found, not repeated. Retries stop after four attempts or two seconds, whichever comes first.
 */
@Component
public class WriteRetries {

    private static final Logger log = LoggerFactory.getLogger(WriteRetries.class);
    static final int MAX_ATTEMPTS = 4;
    /** Retries stop once this much time has passed, so an outage is reported within the driver's own timeouts. */
    static final long RETRY_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(2);

    public <T> T run(String operation, Supplier<T> attempt) {
        long started = System.nanoTime();
        for (int tries = 1; ; tries++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                long pause = (25L << tries) + ThreadLocalRandom.current().nextLong(25);
                boolean inBudget = System.nanoTime() - started + TimeUnit.MILLISECONDS.toNanos(pause) < RETRY_BUDGET_NANOS;
                if (tries >= MAX_ATTEMPTS || !inBudget || !isTransient(e)) {
                    throw e;
                }
                log.warn("{}: transient database failure on attempt {} ({}); retrying in {} ms", operation, tries,
                        e.getClass().getSimpleName(), pause);
                sleep(pause);
            }
        }
    }

    static boolean isTransient(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetryableException || cause instanceof TransientDataAccessException) {
                return true;
            }
        }
        return false;
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
