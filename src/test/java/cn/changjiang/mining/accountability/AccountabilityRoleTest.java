package cn.changjiang.mining.accountability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java enum mirrors the schema's, constant for constant and in the same order (the order of strength). */
class AccountabilityRoleTest {

    @Test
    void shouldHaveTheSchemasConstantsInTheSchemasOrder() throws Exception {
        String schema = Files.readString(Path.of("schema/accountability.graphqls"));
        Matcher body = Pattern.compile("enum AccountabilityRole \\{(.*?)}", Pattern.DOTALL).matcher(schema);
        assertThat(body.find()).isTrue();
        List<String> constants = body.group(1).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("\"")).toList();
        assertThat(constants).hasSizeGreaterThan(3);
        assertThat(Arrays.stream(AccountabilityRole.values()).map(Enum::name).toList()).isEqualTo(constants);
    }
}
