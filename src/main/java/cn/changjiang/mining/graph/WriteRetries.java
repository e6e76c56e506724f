package cn.changjiang.mining.graph;

import java.util.concurrent.ThreadLocalRandom;
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
 * succeeded unseen is found, not repeated.
 */
@Component
public class WriteRetries {

    private static final Logger log = LoggerFactory.getLogger(WriteRetries.class);
    static final int MAX_ATTEMPTS = 4;

    public <T> T run(String operation, Supplier<T> attempt) {
        for (int tries = 1; ; tries++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (tries >= MAX_ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                long pause = (25L << tries) + ThreadLocalRandom.current().nextLong(25);
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
