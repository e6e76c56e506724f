package cn.changjiang.mining;

import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * {@link MultiInstanceScenarios} over the official Neo4j server image, reached through {@code neo4j://} routing as
 * a cluster would be. Skipped where Docker is absent.
 */
@Testcontainers(disabledWithoutDocker = true)
class MultiInstanceContainerTest extends MultiInstanceScenarios {

    @BeforeAll
    static void startServerAndTwoInstances() throws Exception {
        Neo4jContainer neo4j = new Neo4jContainer("neo4j:2026.08.1").withAdminPassword("test-password");
        neo4j.start();
        startTwo(neo4j::stop, neo4j.getBoltUrl().replace("bolt://", "neo4j://"),
                "--accountability.graph.username=neo4j", "--accountability.graph.password=test-password");
    }
}
