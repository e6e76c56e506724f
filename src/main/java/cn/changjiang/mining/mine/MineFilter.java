package cn.changjiang.mining.mine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import cn.changjiang.mining.plan.Scope;

/** Which mines a list covers; every field optional. {@link #MATCH} finds them as {@code n}, in a scope's districts. */
public record MineFilter(String text, String township, String mineral, LicenceStatus licenceStatus, MiningMethod miningMethod,
                         Boolean greenMine, LocalDate licenceValidFrom, LocalDate licenceValidTo, Boolean hasOpenIssues) {

    static final MineFilter NONE = new MineFilter(null, null, null, null, null, null, null, null, null);

    static final String MATCH = """
            MATCH (n:Mine)
            WHERE n.district IN $districts
              AND ($f_text IS NULL OR n.name CONTAINS $f_text OR n.licenceNumber CONTAINS $f_text)
              AND ($f_township IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(:Township {name: $f_township}) })
              AND ($f_mineral IS NULL OR EXISTS { (n)-[:PRODUCES]->(:Mineral {name: $f_mineral}) })
              AND ($f_licenceStatus IS NULL OR n.licenceStatus = $f_licenceStatus)
              AND ($f_miningMethod IS NULL OR n.miningMethod = $f_miningMethod)
              AND ($f_greenMine IS NULL OR coalesce(n.greenMine, false) = $f_greenMine)
              AND ($f_validFrom IS NULL OR n.licenceValidUntil >= $f_validFrom)
              AND ($f_validTo IS NULL OR n.licenceValidUntil <= $f_validTo)
              AND ($f_hasOpenIssues IS NULL OR $f_hasOpenIssues =
                   EXISTS { (i:Issue)-[:AT]->(n) WHERE i.status IN $openStatuses })""";

    static MineFilter orNone(MineFilter filter) {
        return filter == null ? NONE : filter;
    }

    Map<String, Object> parameters(Scope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("districts", scope.districts());
        params.put("f_text", text == null || text.isBlank() ? null : text.strip());
        params.put("f_township", township);
        params.put("f_mineral", mineral);
        params.put("f_licenceStatus", licenceStatus == null ? null : licenceStatus.name());
        params.put("f_miningMethod", miningMethod == null ? null : miningMethod.name());
        params.put("f_greenMine", greenMine);
        params.put("f_validFrom", licenceValidFrom);
        params.put("f_validTo", licenceValidTo);
        params.put("f_hasOpenIssues", hasOpenIssues);
        return params;
    }
}
