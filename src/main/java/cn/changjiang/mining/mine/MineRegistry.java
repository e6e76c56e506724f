package cn.changjiang.mining.mine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.changjiang.mining.common.Actor;
import cn.changjiang.mining.common.ConflictException;
import cn.changjiang.mining.common.ForbiddenException;
import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.plan.JurisdictionTree;
import cn.changjiang.mining.plan.Scopes;
import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.common.Patch;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.audit.AuditTrail;
import cn.changjiang.mining.security.Access;
import cn.changjiang.mining.common.Role;
import org.neo4j.driver.Value;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static cn.changjiang.mining.graph.Read.constant;

/**
 * Registers mines, or updates the licence facts of a mine already registered under the same licence number; one
 * transaction with its change record.
 */
@Service
class MineRegistry {

    /**
     * A new mine, or the licence facts of a known one. On an update, an optional field left out stays as it is and
     * one given as null is cleared (where a mine may be without it); on creation, left out means the default.
     */
    record RegisterMineInput(String name, String licenseNumber, String mineral, String township,
                             ArgumentValue<LicenceStatus> licenceStatus, ArgumentValue<LocalDate> licenceValidUntil,
                             ArgumentValue<MiningMethod> miningMethod, ArgumentValue<Boolean> greenMine,
                             ArgumentValue<Double> latitude, ArgumentValue<Double> longitude, Integer version) {
    }

    record RegisterMinePayload(Mine mine, boolean created) {
    }

    /** A registered mine's licence facts as read under its lock, in the fields a registration may change. */
    record LockedMine(String id, int version, String name, String licenceNumber, String mineral, String township,
                      LicenceStatus licenceStatus, LocalDate licenceValidUntil, MiningMethod miningMethod,
                      Boolean greenMine, Double latitude, Double longitude) {

        static LockedMine from(Value v) {
            return new LockedMine(v.get("id").asString(), v.get("version").asInt(), v.get("name").asString(null),
                    v.get("licenceNumber").asString(null), v.get("mineral").asString(null),
                    v.get("township").asString(null), constant(v, "licenceStatus", LicenceStatus.class),
                    v.get("licenceValidUntil").isNull() ? null : v.get("licenceValidUntil").asLocalDate(),
                    constant(v, "miningMethod", MiningMethod.class),
                    v.get("greenMine").isNull() ? null : v.get("greenMine").asBoolean(),
                    v.get("latitude").isNull() ? null : v.get("latitude").asDouble(),
                    v.get("longitude").isNull() ? null : v.get("longitude").asDouble());
        }

        /** The fields as a patch starts from; one the mine lacks is there as null. */
        Map<String, Object> fields() {
            Map<String, Object> fields = new HashMap<>();
            fields.put("name", name);
            fields.put("licenceNumber", licenceNumber);
            fields.put("mineral", mineral);
            fields.put("township", township);
            fields.put("licenceStatus", licenceStatus);
            fields.put("licenceValidUntil", licenceValidUntil);
            fields.put("miningMethod", miningMethod);
            fields.put("greenMine", greenMine);
            fields.put("latitude", latitude);
            fields.put("longitude", longitude);
            return fields;
        }
    }

    private final CypherRunner graph;
    private final AuditTrail audit;
    private final Access access;
    private final Scopes scopes;
    private final ApplicationEventPublisher events;

    MineRegistry(CypherRunner graph, AuditTrail audit, Access access, Scopes scopes, ApplicationEventPublisher events) {
        this.events = events;
        this.graph = graph;
        this.audit = audit;
        this.access = access;
        this.scopes = scopes;
    }

    @Transactional
    public RegisterMinePayload register(RegisterMineInput input, Actor actor) {
        access.require(actor.viewer(), Role.OFFICE);
        String licence = required("input.licenseNumber", input.licenseNumber(), 64);
        for (var cannotClear : Map.of("input.licenceStatus", input.licenceStatus(), "input.miningMethod", input.miningMethod(),
                "input.greenMine", input.greenMine()).entrySet()) {
            if (cannotClear.getValue() != null && cannotClear.getValue().isEmpty()) {
                throw new InvalidInputException(cannotClear.getKey(), cannotClear.getKey() + " cannot be cleared: give a value or leave it out");
            }
        }
        boolean latitudeGiven = given(input.latitude());
        if (latitudeGiven != given(input.longitude())
                || (latitudeGiven && (input.latitude().value() == null) != (input.longitude().value() == null))) {
            throw new InvalidInputException("input.latitude", "Give both latitude and longitude, or neither");
        }
        if (latitudeGiven && input.latitude().isPresent()
                && (Math.abs(input.latitude().value()) > 90 || Math.abs(input.longitude().value()) > 180)) {
            throw new InvalidInputException("input.latitude", "Latitude must be within ±90 and longitude within ±180");
        }
        Optional<LockedMine> existing = lockByLicence(licence);
        if (existing.isPresent() && existing.get().township() != null) {
            // A mine outside the jurisdiction the role is for is not this role's to change: FORBIDDEN before the version.
            districtOfTownship(existing.get().township(), actor.viewer());
        }
        if (existing.isPresent() && input.version() != null && input.version() != existing.get().version()) {
            throw new ConflictException("Mine " + existing.get().id() + " is at version "
                    + existing.get().version() + ", not " + input.version() + ": read it again");
        }
        Patch patch = Patch.of(existing.map(LockedMine::fields).orElseGet(MineRegistry::defaults))
                .derive("name", required("input.name", input.name(), 200))
                .derive("licenceNumber", licence)
                .derive("mineral", required("input.mineral", input.mineral(), 50))
                .derive("township", required("input.township", input.township(), 50))
                .set("licenceStatus", input.licenceStatus())
                .set("licenceValidUntil", input.licenceValidUntil())
                .set("miningMethod", input.miningMethod())
                .set("greenMine", input.greenMine())
                .set("latitude", input.latitude())
                .set("longitude", input.longitude());
        if (existing.isPresent() && patch.changed().isEmpty()) {
            return new RegisterMinePayload(graph.single("MATCH (m:Mine {id: $id}) RETURN m AS item",
                    Map.of("id", existing.get().id()), Mine::from).orElseThrow(), false);
        }
        String id = existing.map(LockedMine::id).orElse(UUID.randomUUID().toString());
        String district = districtOfTownship((String) patch.get("township"), actor.viewer());
        Map<String, Object> params = new HashMap<>(patch.after());
        params.put("district", district);
        params.put("id", id);
        params.put("licenceStatus", name(patch.get("licenceStatus")));
        params.put("miningMethod", name(patch.get("miningMethod")));
        Mine mine = graph.writeSingle(WRITE + "\nRETURN m AS item", params, Mine::from).orElseThrow();
        if (existing.isPresent()) {
            events.publishEvent(new MinesChanged(List.of(id)));
        }
        audit.append(actor, "registerMine", "Mine", id, AuditTrail.diff(patch.changedBefore(), patch.changedAfter()));
        return new RegisterMinePayload(mine, existing.isEmpty());
    }

    /**
     * The district of the mine's township: that of a known township, which must lie within the viewer's
     * jurisdiction; a new township is placed in the viewer's district, so a viewer whose role is for a city or a
     * province names a township the graph already knows.
     */
    private String districtOfTownship(String township, Viewer viewer) {
        JurisdictionTree tree = scopes.tree();
        String own = tree.jurisdictionOf(viewer);
        Optional<String> known = graph.single("""
                MATCH (t:Township {name: $name})
                RETURN coalesce([(t)-[:PART_OF]->(d:Jurisdiction) | d.id][0], '') AS item""",
                Map.of("name", township), Value::asString);
        if (known.isPresent() && !known.get().isEmpty()) {
            if (!tree.within(known.get(), own)) {
                throw new ForbiddenException("Township " + township + " is in " + known.get() + ", outside " + own
                        + ", the jurisdiction this role is for");
            }
            return known.get();
        }
        return tree.district(own).orElseThrow(() -> new InvalidInputException("input.township",
                "Township " + township + " is new to the graph, and a new township is placed in the district of the"
                        + " role registering it; this role is for " + own + ", not a district: name a known township"));
    }

    /** A schema enum's constant as the graph stores it: its name. */
    private static String name(Object constant) {
        return constant == null ? null : ((Enum<?>) constant).name();
    }

    private static boolean given(ArgumentValue<?> value) {
        return value != null && !value.isOmitted();
    }

    /** What a new mine has for the fields its registration leaves out. */
    /**
     * Writes a mine's fields ({@code $id}, {@code $name}, {@code $licenceNumber}, {@code $mineral}, {@code $township},
     * {@code $district} and the optional ones), its mineral and township, and the district of its problems; the version
     * goes up by one. The statement goes on with {@code m}. Shared with {@link MineRewinder}, which puts a mine back.
     */
    static final String WRITE = """
            MERGE (m:Mine {id: $id})
            ON CREATE SET m.version = 0, m.synthetic = false, m.createdAt = datetime()
            SET m.name = $name, m.licenceNumber = $licenceNumber, m.licenceStatus = $licenceStatus,
                m.licenceValidUntil = $licenceValidUntil, m.miningMethod = $miningMethod, m.greenMine = $greenMine,
                m.location = CASE WHEN $latitude IS NULL THEN null ELSE point({latitude: $latitude, longitude: $longitude}) END,
                m.version = coalesce(m.version, 0) + 1
            MERGE (mineral:Mineral {name: $mineral})
              ON CREATE SET mineral.strategic = false
            MERGE (township:Township {name: $township})
              ON CREATE SET township.government = $township + '人民政府', township.synthetic = false
            WITH m, mineral, township
            CALL (township) {
              MATCH (district:Jurisdiction {id: $district})
              WHERE NOT (township)-[:PART_OF]->(:Jurisdiction)
              MERGE (township)-[:PART_OF]->(district)
            }
            CALL (township) {
              MATCH (territorial:Unit {kind: 'TERRITORIAL'})-[:BELONGS_TO]->(:Jurisdiction {id: $district})
              WITH territorial ORDER BY territorial.order, territorial.id LIMIT 1
              MERGE (township)-[:GOVERNED_AS]->(territorial)
            }
            SET m.district = $district
            WITH m, mineral, township
            CALL (m) {
              MATCH (i:Issue)-[:AT]->(m) WHERE i.district IS NULL OR i.district <> m.district
              SET i.district = m.district
            }
            OPTIONAL MATCH (m)-[oldMineral:PRODUCES]->() WHERE NOT endNode(oldMineral) = mineral
            DELETE oldMineral
            WITH DISTINCT m, mineral, township
            OPTIONAL MATCH (m)-[oldTownship:LOCATED_IN]->() WHERE NOT endNode(oldTownship) = township
            DELETE oldTownship
            WITH DISTINCT m, mineral, township
            MERGE (m)-[:PRODUCES]->(mineral)
            MERGE (m)-[:LOCATED_IN]->(township)""";

    /** A mine {@code m}'s fields as {@link LockedMine} reads them. */
    static final String FIELDS = """
            m {.*, version: coalesce(m.version, 0),
               mineral: [(m)-[:PRODUCES]->(x:Mineral) | x.name][0],
               township: [(m)-[:LOCATED_IN]->(t:Township) | t.name][0],
               latitude: m.location.latitude, longitude: m.location.longitude}""";

    private static Map<String, Object> defaults() {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("licenceStatus", LicenceStatus.VALID);
        defaults.put("licenceValidUntil", null);
        defaults.put("miningMethod", MiningMethod.OPEN_PIT);
        defaults.put("greenMine", false);
        defaults.put("latitude", null);
        defaults.put("longitude", null);
        return defaults;
    }

    private Optional<LockedMine> lockByLicence(String licenceNumber) {
        return graph.writeSingle("""
                MATCH (m:Mine {licenceNumber: $licence})
                WITH m ORDER BY m.id LIMIT 1
                SET m._lock = true REMOVE m._lock
                RETURN %s AS item""".formatted(FIELDS), Map.of("licence", licenceNumber), LockedMine::from);
    }

    private static String required(String argument, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(argument, argument + " must not be blank");
        }
        if (value.strip().length() > maxLength) {
            throw new InvalidInputException(argument, argument + " is longer than " + maxLength + " characters");
        }
        return value.strip();
    }
}
