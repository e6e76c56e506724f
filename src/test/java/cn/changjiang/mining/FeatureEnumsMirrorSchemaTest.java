package cn.changjiang.mining;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.changjiang.mining.enforcement.JointEnforcementStatus;
import cn.changjiang.mining.insight.IssueDimension;
import cn.changjiang.mining.insight.SearchType;
import cn.changjiang.mining.insight.TimeInterval;
import cn.changjiang.mining.mine.LicenceStatus;
import cn.changjiang.mining.mine.MineOrderField;
import cn.changjiang.mining.mine.MiningMethod;
import cn.changjiang.mining.plan.CompetenceBasis;
import cn.changjiang.mining.plan.CompetenceRole;
import cn.changjiang.mining.plan.PersonOrderField;
import cn.changjiang.mining.plan.PersonRank;
import cn.changjiang.mining.plan.TaskRole;
import cn.changjiang.mining.plan.UnitKind;
import cn.changjiang.mining.plan.UnitOrderField;
import cn.changjiang.mining.plan.ViolationSource;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java enums of the plan, mines, joint enforcement and insight have the simple names and exactly the constants of
 * the schema's enums, in the schema's order: Spring for GraphQL maps them by name, so a constant added on one side
 * only would fail at run time.
 */
class FeatureEnumsMirrorSchemaTest {

    private static final Map<String, Class<? extends Enum<?>>> MIRRORS = Map.ofEntries(
            mirror(TaskRole.class), mirror(ViolationSource.class), mirror(CompetenceRole.class),
            mirror(CompetenceBasis.class), mirror(UnitKind.class), mirror(PersonRank.class),
            mirror(UnitOrderField.class), mirror(PersonOrderField.class), mirror(LicenceStatus.class),
            mirror(MiningMethod.class), mirror(MineOrderField.class), mirror(JointEnforcementStatus.class),
            mirror(IssueDimension.class), mirror(SearchType.class), mirror(TimeInterval.class));

    @ParameterizedTest
    @ValueSource(strings = {"TaskRole", "ViolationSource", "CompetenceRole", "CompetenceBasis", "UnitKind", "PersonRank",
            "UnitOrderField", "PersonOrderField", "LicenceStatus", "MiningMethod", "MineOrderField",
            "JointEnforcementStatus", "IssueDimension", "SearchType", "TimeInterval"})
    void shouldHaveTheSchemaEnumsConstants(String name) throws IOException {
        List<String> schema = schemaEnums().get(name);
        assertThat(schema).as("schema enum %s", name).isNotNull();
        Class<? extends Enum<?>> java = MIRRORS.get(name);
        assertThat(java.getSimpleName()).isEqualTo(name);
        assertThat(Arrays.stream(java.getEnumConstants()).map(Enum::name).toList()).isEqualTo(schema);
    }

    private static Map<String, List<String>> schemaEnums() throws IOException {
        StringBuilder sdl = new StringBuilder();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
            sdl.append(file.getContentAsString(StandardCharsets.UTF_8)).append('\n');
        }
        return Parser.parse(sdl.toString()).getDefinitionsOfType(EnumTypeDefinition.class).stream()
                .collect(Collectors.toMap(EnumTypeDefinition::getName,
                        e -> e.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList()));
    }

    private static Map.Entry<String, Class<? extends Enum<?>>> mirror(Class<? extends Enum<?>> type) {
        return Map.entry(type.getSimpleName(), type);
    }

}
