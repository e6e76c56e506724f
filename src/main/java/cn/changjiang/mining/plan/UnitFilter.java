package cn.changjiang.mining.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which units a list covers; every field optional. {@link #MATCH} finds them as {@code n}. */
public record UnitFilter(String text, UnitKind kind, Integer task, String competentFor, Boolean workingGroupMember) {

    static final UnitFilter NONE = new UnitFilter(null, null, null, null, null);

    static final String MATCH = """
            MATCH (n:Unit)
            WHERE n.id IN $units
              AND ($f_text IS NULL OR n.name CONTAINS $f_text OR toLower(n.nameEn) CONTAINS toLower($f_text)
                   OR any(alias IN coalesce(n.aliases, []) WHERE alias CONTAINS $f_text))
              AND ($f_kind IS NULL OR n.kind = $f_kind)
              AND ($f_task IS NULL OR EXISTS { (:Task {number: $f_task})-[:RESPONSIBLE_UNIT]->(n) })
              AND ($f_competentFor IS NULL OR EXISTS { (:ViolationType {code: $f_competentFor})-[:COMPETENT_UNIT]->(n) })
              AND ($f_member IS NULL OR $f_member = EXISTS { (:WorkingGroup)-[:HAS_MEMBER]->(n) })""";

    static UnitFilter orNone(UnitFilter filter) {
        return filter == null ? NONE : filter;
    }

    /** The parameters of {@link #MATCH}, with the units of the scope ({@link JurisdictionTree#unitsWithin}). */
    Map<String, Object> parameters(List<String> units) {
        Map<String, Object> params = new HashMap<>();
        params.put("units", units);
        params.put("f_text", text == null || text.isBlank() ? null : text.strip());
        params.put("f_kind", kind == null ? null : kind.name());
        params.put("f_task", task);
        params.put("f_competentFor", competentFor);
        params.put("f_member", workingGroupMember);
        return params;
    }
}
