package cn.changjiang.mining.bench;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The peer runs the workloads' own Cypher: its statements file is what {@link PeerStatements} writes from them. */
class PeerStatementsTest {

    @Test
    void shouldGiveThePeerTheWorkloadsOwnCypher() throws Exception {
        assertThat(Files.readString(PeerStatements.FILE))
                .as("bench/peer/statements.json is stale: ./mvnw -q test-compile exec:exec@peer-statements")
                .isEqualTo(PeerStatements.json());
    }
}
