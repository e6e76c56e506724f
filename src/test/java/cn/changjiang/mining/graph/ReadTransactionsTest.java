package cn.changjiang.mining.graph;

import java.util.Map;

import cn.changjiang.mining.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads outside a mutation run as read transactions (a cluster routes them to a secondary), so a statement that
 * writes must say so: the database refuses a write in a read transaction, and {@code write} runs it in a write
 * transaction of its own, or as part of the caller's.
 */
class ReadTransactionsTest extends IntegrationTest {

    private static final String CREATE = "CREATE (p:ReadTransactionsProbe {at: datetime()}) RETURN count(p) AS item";

    @Autowired
    CypherRunner graph;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void removeProbes() {
        graph.write("MATCH (p:ReadTransactionsProbe) DELETE p RETURN count(*) AS item", Map.of(), Value::asLong);
    }

    private long probes() {
        return graph.list("MATCH (p:ReadTransactionsProbe) RETURN count(p) AS item", Map.of(), Value::asLong).getFirst();
    }

    @Test
    void aReadingCallOutsideATransactionCannotWrite() {
        assertThatThrownBy(() -> graph.list(CREATE, Map.of(), Value::asLong))
                .hasStackTraceContaining("Neo.ClientError.Statement.AccessMode");
        assertThat(probes()).isZero();
    }

    @Test
    void aWriteRunsInAWriteTransactionOfItsOwnOrInTheCallers() {
        assertThat(graph.writeSingle(CREATE, Map.of(), Value::asLong)).contains(1L);
        assertThat(probes()).isEqualTo(1);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            graph.write(CREATE, Map.of(), Value::asLong);
            // Inside the caller's (write) transaction a reading call is one of its statements and sees its writes.
            assertThat(probes()).isEqualTo(2);
            status.setRollbackOnly();
        });
        assertThat(probes()).as("rolled back with the caller's transaction").isEqualTo(1);
    }
}
