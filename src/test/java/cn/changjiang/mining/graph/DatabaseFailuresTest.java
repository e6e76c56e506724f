package cn.changjiang.mining.graph;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.TransientDataAccessResourceException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures of the database get which code, from the driver's classes and Neo4j's status codes, as Spring wraps them. */
class DatabaseFailuresTest {

    @Test
    void shouldNameTheEnginesTransactionMemoryErrorsWhateverWrapsThem() {
        TransientException pool = new TransientException("Neo.TransientError.General.MemoryPoolOutOfMemoryError",
                "The allocation of an extra 2.0 MiB would use more than the limit 537.6 MiB");
        assertThat(DatabaseFailures.code(pool)).isEqualTo(DatabaseFailures.TRANSACTION_MEMORY_EXCEEDED);
        assertThat(DatabaseFailures.code(new TransientDataAccessResourceException("wrapped", pool)))
                .isEqualTo(DatabaseFailures.TRANSACTION_MEMORY_EXCEEDED);
        ClientException oneTransaction = new ClientException("Neo.ClientError.General.TransactionOutOfMemoryError",
                "The transaction used more memory than was allowed");
        assertThat(DatabaseFailures.code(new InvalidDataAccessResourceUsageException("wrapped", oneTransaction)))
                .isEqualTo(DatabaseFailures.TRANSACTION_MEMORY_EXCEEDED);
        TransientException byGqlStatus = new TransientException("51N73", "transaction memory limit reached",
                "Neo.TransientError.General.SomethingNew", "transaction memory limit reached", Map.of(), null);
        assertThat(DatabaseFailures.code(byGqlStatus)).isEqualTo(DatabaseFailures.TRANSACTION_MEMORY_EXCEEDED);
    }

    @Test
    void shouldNameATransactionThatRanPastItsTimeLimit() {
        // As met by a batch of 5,000 rows on the shared benchmark machine.
        ClientException timedOut = new ClientException("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
                "The transaction has not completed within the timeout specified at its start by the client.");
        assertThat(DatabaseFailures.code(new InvalidDataAccessResourceUsageException("wrapped", timedOut)))
                .isEqualTo(DatabaseFailures.TRANSACTION_TIMED_OUT);
    }

    @Test
    void shouldTellAnOutageFromAMemoryErrorAndLeaveOtherFailuresUncoded() {
        assertThat(DatabaseFailures.code(new ServiceUnavailableException("Unable to connect")))
                .isEqualTo(DatabaseFailures.UNAVAILABLE);
        assertThat(DatabaseFailures.code(new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "deadlock")))
                .isEqualTo(DatabaseFailures.UNAVAILABLE);
        assertThat(DatabaseFailures.code(new DatabaseException("Neo.DatabaseError.General.UnknownError", "boom"))).isNull();
        assertThat(DatabaseFailures.code(new IllegalStateException("not the database's"))).isNull();
    }
}
