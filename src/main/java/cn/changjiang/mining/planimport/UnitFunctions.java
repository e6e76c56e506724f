package cn.changjiang.mining.planimport;

import java.util.List;
import java.util.Optional;

/**
 * The function of a unit a plan names, read from its name: the department root (公安, 生态环境, 自然资源, …) mapped to
 * the id of the seeded district unit of that function (graph-seed/V003: POLICE, ECOLOGY, NATURAL_RESOURCES, …), or a
 * key of its own for functions the seeded district has no unit for (税务 TAX, 供电 POWER, 检察 PROCURATORATE, 法院
 * COURT). The collective names of the township governments (各乡(镇)人民政府, 各乡镇(街道)) are TOWNSHIPS. Roots are
 * tried in order, so 公安 wins over 交通 in 交通公安 and 农业农村水利 is one function. Pure: no Spring, no graph.
 */
public final class UnitFunctions {

    private record Root(String root, String function) {
    }

    private static final List<Root> ROOTS = List.of(
            new Root("公安", "POLICE"), new Root("生态环境", "ECOLOGY"), new Root("环保", "ECOLOGY"),
            new Root("自然资源", "NATURAL_RESOURCES"), new Root("国土", "NATURAL_RESOURCES"),
            new Root("应急", "EMERGENCY"), new Root("安监", "EMERGENCY"), new Root("林业", "FORESTRY"),
            new Root("农业农村", "AGRI_WATER"), new Root("水利", "AGRI_WATER"), new Root("水务", "AGRI_WATER"),
            new Root("交通", "TRANSPORT"), new Root("市场监督", "MARKET"), new Root("市场监管", "MARKET"),
            new Root("宣传", "PUBLICITY"), new Root("政法", "POLITICS_LAW"), new Root("发改", "DEVELOPMENT_REFORM"),
            new Root("发展和改革", "DEVELOPMENT_REFORM"), new Root("发展改革", "DEVELOPMENT_REFORM"),
            new Root("科技", "SCIENCE_TECH"), new Root("科学技术", "SCIENCE_TECH"), new Root("工信", "INDUSTRY_IT"),
            new Root("工业和信息化", "INDUSTRY_IT"), new Root("税务", "TAX"), new Root("电力", "POWER"),
            new Root("供电", "POWER"), new Root("检察", "PROCURATORATE"), new Root("法院", "COURT"));

    private UnitFunctions() {
    }

    /** Whether the name is the collective one of a district's township governments (a territorial unit). */
    public static boolean territorial(String nameInDocument) {
        String name = UnitNames.normalise(nameInDocument);
        return (name.startsWith("乡") || name.contains("乡(镇)") || name.contains("乡镇") || name.startsWith("镇"))
                && (name.contains("政府") || name.contains("街道"));
    }

    /** The function key of the unit a document names, when its name shows one. */
    public static Optional<String> of(String nameInDocument) {
        if (nameInDocument == null) {
            return Optional.empty();
        }
        if (territorial(nameInDocument)) {
            return Optional.of("TOWNSHIPS");
        }
        String name = UnitNames.normalise(nameInDocument);
        return ROOTS.stream().filter(r -> name.contains(r.root())).map(Root::function).findFirst();
    }

    /** A short key for an id: the function, else a stable digest of the normalised name. */
    public static String key(String nameInDocument) {
        return of(nameInDocument).orElseGet(() ->
                "U" + Integer.toHexString(UnitNames.normalise(nameInDocument).hashCode()).toUpperCase());
    }
}
