package cn.changjiang.mining.plan;

import java.time.LocalDate;

import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.bool;
import static cn.changjiang.mining.graph.Read.date;
import static cn.changjiang.mining.graph.Read.string;

/** The campaign plan 昌府办字〔2023〕18号. */
public record Campaign(String id, String documentNumber, String title, String noticeTitle, String issuer,
                       LocalDate issuedOn, String implementsPlan, String implementsPlanIssuer, LocalDate startsOn,
                       LocalDate endsOn, boolean longTerm, String periodClause, String guidingIdea) {

    static Campaign from(Value v) {
        return new Campaign(string(v, "id"), string(v, "documentNumber"), string(v, "title"), string(v, "noticeTitle"),
                string(v, "issuer"), date(v, "issuedOn"), string(v, "implementsPlan"), string(v, "implementsPlanIssuer"),
                date(v, "startsOn"), date(v, "endsOn"), bool(v, "longTerm"), string(v, "periodClause"),
                string(v, "guidingIdea"));
    }
}
