package cn.changjiang.mining.web;

import cn.changjiang.mining.common.Connection;
import java.time.Clock;

import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLScalarType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        GraphQLScalarType date = GraphQLScalarType.newScalar(ExtendedScalars.Date)
                .description("日期,ISO-8601 格式(如 2023-04-25)。 / A calendar date in ISO-8601 form (e.g. 2023-04-25).")
                .build();
        GraphQLScalarType dateTime = GraphQLScalarType.newScalar(ExtendedScalars.DateTime)
                .description("时间点,ISO-8601 格式,带时区。 / A point in time in ISO-8601 form with offset.")
                .build();
        GraphQLScalarType json = GraphQLScalarType.newScalar(ExtendedScalars.Json)
                .description("任意 JSON 值。 / Any JSON value.")
                .build();
        return wiring -> wiring.scalar(date).scalar(dateTime).scalar(json);
    }

    /** Documents parsed and validated once, by their text ({@link ParsedDocuments}). */
    @Bean
    ParsedDocuments parsedDocuments(@Value("${accountability.limits.cached-documents:1000}") int maxDocuments) {
        return new ParsedDocuments(maxDocuments);
    }

    @Bean
    GraphQlSourceBuilderCustomizer documentsParsedOnce(ParsedDocuments documents) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }

    /**
     * Our connections carry their own keyset cursors ({@link Connection}). A cursor strategy that does not handle
     * Spring Data's ScrollPosition keeps Boot from wrapping every *Connection field in its Window adapter, which
     * would answer a refused request with an empty page instead of a null field and one clear error.
     */
    @Bean
    @Primary
    CursorStrategy<String> keysetCursors() {
        return new CursorStrategy<>() {
            @Override
            public boolean supports(Class<?> targetType) {
                return String.class.equals(targetType);
            }

            @Override
            public String toCursor(String key) {
                return key;
            }

            @Override
            public String fromCursor(String cursor) {
                return cursor;
            }
        };
    }

    /** Deadlines are calendar dates in the district's own time zone; a read as of a past moment runs at that moment. */
    @Bean
    Clock clock() {
        return cn.changjiang.mining.common.CampaignTime.clock();
    }
}
