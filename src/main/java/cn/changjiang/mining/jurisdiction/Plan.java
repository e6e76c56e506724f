package cn.changjiang.mining.jurisdiction;

import java.time.LocalDate;

import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.date;
import static cn.changjiang.mining.graph.Read.string;

/** A campaign plan (:Plan) of one jurisdiction; the document number and date may be unknown. */
public record Plan(String id, String documentNumber, String title, String issuer, LocalDate issuedOn) {

    public static Plan from(Value v) {
        return new Plan(string(v, "id"), string(v, "documentNumber"), string(v, "title"), string(v, "issuer"),
                date(v, "issuedOn"));
    }
}
