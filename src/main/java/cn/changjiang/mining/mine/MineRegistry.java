package cn.changjiang.mining.mine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.changjiang.mining.api.Actor;
import cn.changjiang.mining.api.ConflictException;
import cn.changjiang.mining.api.InvalidInputException;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.ledger.AuditTrail;
import cn.changjiang.mining.security.Access;
import cn.changjiang.mining.security.Role;
import org.neo4j.driver.Value;
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

    record RegisterMineInput(String name, String licenseNumber, String mineral, String township, String licenceStatus,
                             LocalDate licenceValidUntil, String miningMethod, Boolean greenMine, Double latitude,
                             Double longitude, Integer version) {
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
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", required("input.name", input.name(), 200));
        fields.put("licenceNumber", required("input.licenseNumber", input.licenseNumber(), 64));
        fields.put("mineral", required("input.mineral", input.mineral(), 50));
        fields.put("township", required("input.township", input.township(), 50));
        fields.put("licenceStatus", oneOf("input.licenceStatus", input.licenceStatus(), LICENCE_STATUSES, "VALID"));
        fields.put("licenceValidUntil", input.licenceValidUntil());
        fields.put("miningMethod", oneOf("input.miningMethod", input.miningMethod(), METHODS, "OPEN_PIT"));
        fields.put("greenMine", input.greenMine() != null && input.greenMine());
        if ((input.latitude() == null) != (input.longitude() == null)) {
            throw new InvalidInputException("input.latitude", "Give both latitude and longitude, or neither");
        }
        if (input.latitude() != null && (Math.abs(input.latitude()) > 90 || Math.abs(input.longitude()) > 180)) {
            throw new InvalidInputException("input.latitude", "Latitude must be within ±90 and longitude within ±180");
        }
        fields.put("latitude", input.latitude());
        fields.put("longitude", input.longitude());

        Optional<Value> existing = lockByLicence((String) fields.get("licenceNumber"));
        if (existing.isPresent() && input.version() != null && input.version() != existing.get().get("version").asInt()) {
            throw new ConflictException("Mine " + existing.get().get("id").asString() + " is at version "
                    + existing.get().get("version").asInt() + ", not " + input.version() + ": read it again");
        }
        String id = existing.map(v -> v.get("id").asString()).orElse(UUID.randomUUID().toString());
        Map<String, Object> params = new HashMap<>(fields);
        params.put("id", id);
        Mine mine = graph.single("""
                MERGE (m:Mine {id: $id})
                ON CREATE SET m.version = 0, m.synthetic = false, m.createdAt = datetime()
                SET m.name = $name, m.licenceNumber = $licenceNumber, m.licenceStatus = $licenceStatus,
                    m.licenceValidUntil = $licenceValidUntil, m.miningMethod = $miningMethod, m.greenMine = $greenMine,
                    m.location = CASE WHEN $latitude IS NULL THEN m.location ELSE point({latitude: $latitude, longitude: $longitude}) END,
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
                OPTIONAL MATCH (m)-[oldMineral:PRODUCES]->() DELETE oldMineral
                WITH DISTINCT m, mineral, township
                OPTIONAL MATCH (m)-[oldTownship:LOCATED_IN]->() DELETE oldTownship
                WITH DISTINCT m, mineral, township
                MERGE (m)-[:PRODUCES]->(mineral)
                MERGE (m)-[:LOCATED_IN]->(township)
                RETURN m AS item""", params, Mine::from).orElseThrow();
        Map<String, Object> before = existing.map(MineRegistry::snapshot).orElse(Map.of());
        audit.append(actor, "registerMine", "Mine", id, AuditTrail.diff(before, fields));
        return new RegisterMinePayload(mine, existing.isEmpty());
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

    private static Map<String, Object> snapshot(Value mine) {
        Map<String, Object> before = new HashMap<>();
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

    private static String oneOf(String argument, String value, Set<String> allowed, String otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (!allowed.contains(value)) {
            throw new InvalidInputException(argument, argument + " must be one of " + allowed);
        }
        return value;
    }
}
