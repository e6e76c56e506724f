package cn.changjiang.mining.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded engine is closed to everyone but this process: no port unless one is asked for, and then on loopback
 * only and with a password that a driver without it cannot get past. The password is kept in a file only its owner
 * can read, and never logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedBoltAccessTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldOpenNoPortByDefaultAndStillServeThisProcessWithThePassword() {
        String password = BoltPassword.of(null, null, dataDir);
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir, "32m", null, password)) {
            assertThat(neo4j.boltUri()).isEmpty();
            assertThat(dataDir.resolve(BoltPassword.FILE)).as("an in-memory password is never written").doesNotExist();
            try (Driver driver = GraphDatabase.driver(neo4j.uri(), neo4j.authToken())) {
                assertThat(driver.executableQuery("RETURN 1 AS one").execute().records().getFirst().get("one").asInt())
                        .isEqualTo(1);
            }
            try (Driver driver = GraphDatabase.driver(neo4j.uri(), AuthTokens.none())) {
                assertThatThrownBy(driver::verifyConnectivity).as("even the in-JVM channel wants the password")
                        .isInstanceOf(Neo4jException.class);
            }
        }
    }

    @Test
    void shouldRefuseADriverWithoutTheRightPasswordOnTheBoltPort(CapturedOutput output) throws Exception {
        String password = BoltPassword.of(0, null, dataDir);
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir, "32m", 0, password)) {
            String uri = neo4j.boltUri().orElseThrow().toString();
            assertThat(uri).startsWith("bolt://127.0.0.1:");
            for (var refused : List.of(AuthTokens.none(), AuthTokens.basic("neo4j", "neo4j"),
                    AuthTokens.basic("neo4j", password + "x"))) {
                try (Driver driver = GraphDatabase.driver(uri, refused)) {
                    assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(Neo4jException.class);
                }
            }
            String fromFile = Files.readString(dataDir.resolve(BoltPassword.FILE)).strip();
            try (Driver driver = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", fromFile))) {
                driver.verifyConnectivity();
            }
        }
        assertThat(output.getAll()).as("the password is never logged").doesNotContain(password);
    }

    @Test
    void shouldKeepAGeneratedPasswordForTheOwnerOnlyAndPreferAConfiguredOne() throws Exception {
        String first = BoltPassword.of(7687, null, dataDir);
        Path file = dataDir.resolve(BoltPassword.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first).hasSizeGreaterThanOrEqualTo(40);
        assertThat(BoltPassword.of(7687, null, dataDir)).as("the same at the next start").isEqualTo(first);
        assertThat(BoltPassword.of(7687, "configured-password", dataDir)).isEqualTo("configured-password");
        assertThat(BoltPassword.of(null, "configured-password", dataDir))
                .as("without a port nobody else needs it: a fresh one per start").isNotEqualTo("configured-password")
                .isNotEqualTo(BoltPassword.of(null, null, dataDir));
    }
}
