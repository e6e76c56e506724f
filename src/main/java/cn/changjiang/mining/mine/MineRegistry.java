package cn.changjiang.mining.mine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.changjiang.mining.common.Actor;
import cn.changjiang.mining.common.ConflictException;
import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.common.Patch;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.audit.AuditTrail;
import cn.changjiang.mining.security.Access;
import cn.changjiang.mining.common.Role;
import org.neo4j.driver.Value;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers mines, or updates the licence facts of a mine already registered under the same licence number; one
 * transaction with its change record.
 */
@Service
class MineRegistry {

    private static final Set<String> LICENCE_STATUSES = Set.of("VALID", "EXPIRED", "REVOKED", "NONE");
    private static final Set<String> METHODS = Set.of("OPEN_PIT", "UNDERGROUND", "TAILINGS");

    /**
     * A new mine, or the licence facts of a known one. On an update, an optional field left out stays as it is and
     * one given as null is cleared (where a mine may be without it); on creation, left out means the default.
     */
    record RegisterMineInput(String name, String licenseNumber, String mineral, String township,
                             ArgumentValue<String> licenceStatus, ArgumentValue<LocalDate> licenceValidUntil,
                             ArgumentValue<String> miningMethod, ArgumentValue<Boolean> greenMine,
                             ArgumentValue<Double> latitude, ArgumentValue<Double> longitude, Integer version) {
    }

    record RegisterMinePayload(Mine mine, boolean created) {
    }

    private final CypherRunner graph;
    private final AuditTrail audit;
    private final Access access;

    MineRegistry(CypherRunner graph, AuditTrail audit, Access access) {
        this.graph = graph;
        this.audit = audit;
        this.access = access;
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
        Optional<Value> existing = lockByLicence(licence);
        if (existing.isPresent() && input.version() != null && input.version() != existing.get().get("version").asInt()) {
            throw new ConflictException("Mine " + existing.get().get("id").asString() + " is at version "
                    + existing.get().get("version").asInt() + ", not " + input.version() + ": read it again");
        }
        Patch patch = Patch.of(existing.map(MineRegistry::snapshot).orElseGet(MineRegistry::defaults))
                .derive("name", required("input.name", input.name(), 200))
                .derive("licenceNumber", licence)
                .derive("mineral", required("input.mineral", input.mineral(), 50))
                .derive("township", required("input.township", input.township(), 50))
                .set("licenceStatus", input.licenceStatus(), v -> oneOf("input.licenceStatus", v, LICENCE_STATUSES))
                .set("licenceValidUntil", input.licenceValidUntil())
                .set("miningMethod", input.miningMethod(), v -> oneOf("input.miningMethod", v, METHODS))
                .set("greenMine", input.greenMine())
                .set("latitude", input.latitude())
                .set("longitude", input.longitude());
        if (existing.isPresent() && patch.changed().isEmpty()) {
            return new RegisterMinePayload(graph.single("MATCH (m:Mine {id: $id}) RETURN m AS item",
                    Map.of("id", existing.get().get("id").asString()), Mine::from).orElseThrow(), false);
        }
        String id = existing.map(v -> v.get("id").asString()).orElse(UUID.randomUUID().toString());
        Map<String, Object> params = new HashMap<>(patch.after());
        params.put("id", id);
        Mine mine = graph.single("""
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
                  MATCH (territorial:Unit {id: 'TOWNSHIPS'})
                  MERGE (township)-[:GOVERNED_AS]->(territorial)
                }
                OPTIONAL MATCH (m)-[oldMineral:PRODUCES]->() WHERE NOT endNode(oldMineral) = mineral
                DELETE oldMineral
                WITH DISTINCT m, mineral, township
                OPTIONAL MATCH (m)-[oldTownship:LOCATED_IN]->() WHERE NOT endNode(oldTownship) = township
                DELETE oldTownship
                WITH DISTINCT m, mineral, township
                MERGE (m)-[:PRODUCES]->(mineral)
                MERGE (m)-[:LOCATED_IN]->(township)
                RETURN m AS item""", params, Mine::from).orElseThrow();
        audit.append(actor, "registerMine", "Mine", id, AuditTrail.diff(patch.changedBefore(), patch.changedAfter()));
        return new RegisterMinePayload(mine, existing.isEmpty());
    }

    private static boolean given(ArgumentValue<?> value) {
        return value != null && !value.isOmitted();
    }

    /** What a new mine has for the fields its registration leaves out. */
    private static Map<String, Object> defaults() {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("licenceStatus", "VALID");
        defaults.put("licenceValidUntil", null);
        defaults.put("miningMethod", "OPEN_PIT");
        defaults.put("greenMine", false);
        defaults.put("latitude", null);
        defaults.put("longitude", null);
        return defaults;
    }

    private Optional<Value> lockByLicence(String licenceNumber) {
        return graph.single("""
                MATCH (m:Mine {licenceNumber: $licence})
                WITH m ORDER BY m.id LIMIT 1
                SET m._lock = true REMOVE m._lock
                RETURN m {.*, version: coalesce(m.version, 0),
                          mineral: [(m)-[:PRODUCES]->(x:Mineral) | x.name][0],
                          township: [(m)-[:LOCATED_IN]->(t:Township) | t.name][0],
                          latitude: m.location.latitude, longitude: m.location.longitude} AS item""",
                Map.of("licence", licenceNumber), v -> v);
    }

    /** The mine's fields as read under its lock; one it lacks is there as null. */
    private static Map<String, Object> snapshot(Value mine) {
        Map<String, Object> before = new HashMap<>();
        defaults().keySet().forEach(key -> before.put(key, null));
        mine.keys().forEach(key -> before.put(key, mine.get(key).isNull() ? null : mine.get(key).asObject()));
        return before;
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

    private static String oneOf(String argument, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new InvalidInputException(argument, argument + " must be one of " + allowed);
        }
        return value;
    }
}
