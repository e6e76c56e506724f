package cn.changjiang.mining.mine;

import java.time.LocalDate;

import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.bool;
import static cn.changjiang.mining.graph.Read.constant;
import static cn.changjiang.mining.graph.Read.date;
import static cn.changjiang.mining.graph.Read.integer;
import static cn.changjiang.mining.graph.Read.string;

/** A mine; every mine of the demo data is invented. */
public record Mine(String id, String name, String licenceNumber, LicenceStatus licenceStatus, LocalDate licenceValidUntil,
                   MiningMethod miningMethod, boolean greenMine, GeoPoint location, boolean synthetic, int version) {

    public record GeoPoint(double latitude, double longitude) {
    }

    public static Mine from(Value v) {
        Value location = v.get("location");
        GeoPoint point = location.isNull() ? null : new GeoPoint(location.asPoint().y(), location.asPoint().x());
        return new Mine(string(v, "id"), string(v, "name"), string(v, "licenceNumber"), constant(v, "licenceStatus", LicenceStatus.class),
                date(v, "licenceValidUntil"), constant(v, "miningMethod", MiningMethod.class), bool(v, "greenMine"), point, bool(v, "synthetic"),
                integer(v, "version"));
    }
}
