package cn.changjiang.mining.planimport;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link UnitNames}: names as documents write them, resolved against the units and aliases the graph keeps. */
class UnitNamesTest {

    // As graph-seed/V003 and V012 store them (Unit.name, Unit.aliases).
    private final UnitNames names = new UnitNames(List.of(
            new KnownUnit("POLICE", "昌江公安分局", List.of("区公安局", "公安部门")),
            new KnownUnit("NATURAL_RESOURCES", "市自然资源和规划局昌江分局", List.of("自然资源和规划局", "自然资源部门")),
            new KnownUnit("ECOLOGY", "昌江生态环境局", List.of("生态环境部门")),
            new KnownUnit("AGRI_WATER", "区农业农村水利局", List.of("区农水局")),
            new KnownUnit("MARKET", "区市场监督管理局", List.of("区市场监管局")),
            new KnownUnit("TOWNSHIPS", "乡(镇)人民政府、街道办事处", List.of("乡(镇)政府", "各乡(镇)人民政府"))));

    private String id(String name) {
        return names.resolve(name).map(KnownUnit::id).orElse(null);
    }

    @Test
    void resolvesOfficialNamesAndAliases() {
        assertThat(id("昌江公安分局")).isEqualTo("POLICE");
        assertThat(id("区公安局")).isEqualTo("POLICE");
        assertThat(id("区农水局")).isEqualTo("AGRI_WATER");
        assertThat(id("区市场监管局")).isEqualTo("MARKET");
        assertThat(id(" 自然资源部门 ")).isEqualTo("NATURAL_RESOURCES");
    }

    @Test
    void normalisesBracketsAndACollectivePrefix() {
        assertThat(id("各乡（镇）人民政府、街道办事处")).isEqualTo("TOWNSHIPS");
        assertThat(id("乡〔镇〕政府")).isEqualTo("TOWNSHIPS");
    }

    @Test
    void acceptsANameThatHoldsExactlyOneKnownName() {
        assertThat(id("景德镇市自然资源和规划局昌江分局")).isEqualTo("NATURAL_RESOURCES");
    }

    @Test
    void returnsNoneForAnUnknownOrAmbiguousName() {
        assertThat(names.resolve("区教育局")).isEqualTo(Optional.empty());
        assertThat(names.resolve("省公安厅")).isEqualTo(Optional.empty());
        assertThat(names.resolve("")).isEqualTo(Optional.empty());
        // holds two known names: not guessed
        assertThat(names.resolve("昌江公安分局和昌江生态环境局")).isEqualTo(Optional.empty());
    }

    @Test
    void findsTheUnitsASentenceNames() {
        assertThat(names.mentionedIn("配合自然资源和规划局、公安部门严厉打击涉嫌超层越界行为").stream().map(KnownUnit::id))
                .containsExactly("NATURAL_RESOURCES", "POLICE");
    }
}
