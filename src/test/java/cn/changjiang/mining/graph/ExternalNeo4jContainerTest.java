package cn.changjiang.mining.graph;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * External mode against the official Neo4j image: with a URI configured no embedded engine starts, the seed is
 * applied over Bolt with credentials, and demo data stays off by default. Skipped where Docker is absent.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class ExternalNeo4jContainerTest {

    @Container
    static final Neo4jContainer neo4j = new Neo4jContainer("neo4j:2026.08.1").withAdminPassword("test-password");

    @DynamicPropertySource
    static void external(DynamicPropertyRegistry registry) {
        // neo4j:// (routing) works against a single server as well as a cluster.
        registry.add("accountability.graph.uri", () -> neo4j.getBoltUrl().replace("bolt://", "neo4j://"));
        registry.add("accountability.graph.username", () -> "neo4j");
        registry.add("accountability.graph.password", () -> "test-password");
    }

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    Driver driver;

    @Test
    void shouldSeedAndServeTheExternalServerWithoutStartingAnEmbeddedOne() {
        graphQl.document("{ tasks { number } units { id } }").execute()
                .path("tasks").entityList(Object.class).hasSize(7)
                .path("units").entityList(Object.class).hasSize(14);
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (m:Mine) RETURN count(m) AS n").single().get("n").asInt())
                    .as("demo data stays off for an external server").isZero();
        }
        assertThat(context.getBeanFactory().containsSingleton("embeddedNeo4j")).isFalse();
    }
}
