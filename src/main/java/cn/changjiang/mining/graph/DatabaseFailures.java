package cn.changjiang.mining.graph;

import java.util.Set;

import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a failure of the database means to a client, as an error code: the one place that reads the driver's
 * exception classes and Neo4j's status codes. Spring wraps the driver's exceptions, so the whole chain of causes is
 * read.
 */
public final class DatabaseFailures {

    /** The engine refused a transaction the memory it asked for: a smaller piece of work, or later, will pass. */
    public static final String TRANSACTION_MEMORY_EXCEEDED = "TRANSACTION_MEMORY_EXCEEDED";
    /** The engine ended a transaction that ran past its time limit ({@code db.transaction.timeout}): less at once, or later, will pass. */
    public static final String TRANSACTION_TIMED_OUT = "TRANSACTION_TIMED_OUT";
    /** The database cannot be reached, or reported a transient failure: try again shortly. */
    public static final String UNAVAILABLE = "UNAVAILABLE";

    /**
     * Neo4j's status codes for running out of transaction memory: the pool of all transactions
     * ({@code dbms.memory.transaction.total.max}), one transaction's limit ({@code db.memory.transaction.max}), and
     * the older names of both.
     */
    static final Set<String> MEMORY_CODES = Set.of(
            "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
            "Neo.TransientError.General.TransactionMemoryLimit",
            "Neo.ClientError.General.TransactionOutOfMemoryError",
            "Neo.TransientError.General.OutOfMemoryError",
            "Neo.TransientError.General.MemoryLimitExceeded");
    /** Neo4j's status codes for a transaction that ran past its time limit. */
    static final Set<String> TIMEOUT_CODES = Set.of(
            "Neo.ClientError.Transaction.TransactionTimedOut",
            "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration");
    /** The GQL statuses of the memory errors: memory pool out of memory, transaction memory limit reached. */
    static final Set<String> MEMORY_GQL_STATUSES = Set.of("51N72", "51N73");

    private DatabaseFailures() {
    }

    /** The code for a failure of the database, or null when the failure is not the database's. */
    public static String code(Throwable failure) {
        boolean unavailable = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Neo4jException neo4j && isMemory(neo4j)) {
                return TRANSACTION_MEMORY_EXCEEDED;
            }
            if (cause instanceof Neo4jException neo4j && neo4j.code() != null && TIMEOUT_CODES.contains(neo4j.code())) {
                return TRANSACTION_TIMED_OUT;
            }
            unavailable |= cause instanceof ServiceUnavailableException || cause instanceof SessionExpiredException
                    || cause instanceof TransientException || cause instanceof TransientDataAccessException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException;
            if (cause.getCause() == cause) {
                break;
            }
        }
        return unavailable ? UNAVAILABLE : null;
    }

    private static boolean isMemory(Neo4jException e) {
        if (e.code() != null && MEMORY_CODES.contains(e.code())) {
            return true;
        }
        for (Neo4jException gql = e; gql != null; gql = gql.gqlCause().orElse(null)) {
            if (gql.gqlStatus() != null && MEMORY_GQL_STATUSES.contains(gql.gqlStatus())) {
                return true;
            }
        }
        return false;
    }
}
