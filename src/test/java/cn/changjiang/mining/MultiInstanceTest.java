package cn.changjiang.mining;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MultiInstanceScenarios} over the in-JVM Neo4j server the external-mode tests use (no Docker needed), its
 * database empty when both instances start.
 */
class MultiInstanceTest extends MultiInstanceScenarios {

    @TempDir
    static Path folder;

    @BeforeAll
    static void startServerAndTwoInstances() throws Exception {
        ExternalServer server = new ExternalServer(folder.resolve("server")).start();
        startTwo(server, server.uri());
    }
}
