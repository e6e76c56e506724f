package cn.changjiang.mining;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.SchemaReport;

/** Keeps the schema inspection report of the shared context, so a test can check it. */
@TestConfiguration(proxyBeanMethods = false)
class SchemaReportCapture {

    static final AtomicReference<SchemaReport> REPORT = new AtomicReference<>();

    @Bean
    GraphQlSourceBuilderCustomizer captureSchemaReport() {
        return builder -> builder.inspectSchemaMappings(REPORT::set);
    }
}
