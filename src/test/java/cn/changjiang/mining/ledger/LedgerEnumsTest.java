package cn.changjiang.mining.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import cn.changjiang.mining.requirement.ObligationStatus;
import cn.changjiang.mining.requirement.PlanPartyKind;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring for GraphQL maps a Java enum to the schema's enum of the same name constant by constant: each enum of the
 * ledger and the requirements must have exactly the schema's constants, in its order.
 */
class LedgerEnumsTest {

    static Stream<Arguments> enums() {
        return Stream.of(
                Arguments.of("ledger.graphqls", AssignmentRole.class),
                Arguments.of("ledger.graphqls", Severity.class),
                Arguments.of("ledger.graphqls", ProblemSourceCode.class),
                Arguments.of("ledger.graphqls", OutcomeCode.class),
                Arguments.of("ledger.graphqls", IssueOrderField.class),
                Arguments.of("requirements.graphqls", PlanPartyKind.class),
                Arguments.of("requirements.graphqls", ObligationStatus.class));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("enums")
    void shouldHaveExactlyTheSchemasConstants(String schemaFile, Class<? extends Enum<?>> type) throws IOException {
        List<String> schema = enumOfSchema(schemaFile, type.getSimpleName()).getEnumValueDefinitions().stream()
                .map(EnumValueDefinition::getName).toList();

        assertThat(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()).isEqualTo(schema);
    }

    private static EnumTypeDefinition enumOfSchema(String schemaFile, String name) throws IOException {
        try (InputStream in = LedgerEnumsTest.class.getResourceAsStream("/graphql/" + schemaFile)) {
            assertThat(in).as("schema file %s on the class path", schemaFile).isNotNull();
            TypeDefinitionRegistry registry = new SchemaParser().parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            return registry.getType(name, EnumTypeDefinition.class)
                    .orElseThrow(() -> new AssertionError("no enum " + name + " in " + schemaFile));
        }
    }
}
