package cn.changjiang.mining.web;

import cn.changjiang.mining.common.ConflictException;
import cn.changjiang.mining.common.InvalidInputException;
import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.ExecutionId;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/** How failures become errors, without a database: an unreachable one must read as UNAVAILABLE, with no internals. */
class GraphQlErrorsTest {

    private final GraphQlErrors errors = new GraphQlErrors();

    private static DataFetchingEnvironment environment() {
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .executionId(ExecutionId.from("request-1"))
                .mergedField(MergedField.newMergedField(Field.newField("tasks").build()).build())
                .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo().type(Scalars.GraphQLString)
                        .path(ResultPath.rootPath().segment("tasks")).build())
                .build();
    }

    @Test
    void shouldAnswerAnUnreachableDatabaseWithUnavailableAndNoInternals() {
        GraphQLError error = errors.unavailable(new ServiceUnavailableException("Unable to connect to 10.0.0.7:7687"),
                environment());
        assertThat(error.getExtensions()).containsEntry("code", "UNAVAILABLE");
        assertThat(error.getMessage()).doesNotContain("10.0.0.7").doesNotContain("7687");
        assertThat(errors.unavailable(new DataAccessResourceFailureException("MATCH (n) RETURN n"), environment())
                .getMessage()).doesNotContain("MATCH");
    }

    @Test
    void shouldAnswerTheEnginesTransactionMemoryErrorWithItsOwnCode() {
        var pool = new org.neo4j.driver.exceptions.TransientException("Neo.TransientError.General.MemoryPoolOutOfMemoryError",
                "The allocation of an extra 2.0 MiB would use more than the limit 537.6 MiB");
        GraphQLError error = errors.unavailable(new org.springframework.dao.TransientDataAccessResourceException("wrapped", pool),
                environment());
        assertThat(error.getExtensions()).containsEntry("code", "TRANSACTION_MEMORY_EXCEEDED");
        assertThat(error.getMessage()).doesNotContain("537.6");
    }

    @Test
    void shouldCarryTheCodeAndArgumentOfARefusal() {
        GraphQLError error = errors.refused(new InvalidInputException("first", "first must be between 1 and 100"),
                environment());
        assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST").containsEntry("argument", "first");
        assertThat(errors.refused(new ConflictException("stale"), environment()).getExtensions())
                .containsEntry("code", "CONFLICT").doesNotContainKey("argument");
    }
}
