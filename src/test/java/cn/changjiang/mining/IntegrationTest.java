package cn.changjiang.mining;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The one application context the integration tests share: the real app over HTTP on a random port, on a fresh
 * embedded Neo4j in its own folder (seeded at start, demo data on). Every test class extends this so the
 * context, and the database, start once per run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"accountability.graph.data-dir=target/test-graph/${random.uuid}", "accountability.graph.demo-data=true"})
@AutoConfigureHttpGraphQlTester
@Import(IntegrationTest.CaptureSchemaReport.class)
public abstract class IntegrationTest {

    @Autowired
    protected HttpGraphQlTester graphQl;

    @LocalServerPort
    protected int port;

    protected static final AtomicReference<SchemaReport> schemaReport = new AtomicReference<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class CaptureSchemaReport {

        @Bean
        GraphQlSourceBuilderCustomizer captureSchemaReport() {
            return builder -> builder.inspectSchemaMappings(schemaReport::set);
        }
    }
}
