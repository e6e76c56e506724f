package cn.changjiang.mining.audit;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import cn.changjiang.mining.common.Actor;
import cn.changjiang.mining.graph.CypherRunner;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only record of every change: who, when, what, which fields from what to what, and the request id.
 * Appended inside the changing transaction, so a change and its record commit or roll back together. Nothing in
 * the API edits or deletes a record.
 * <p>
 * Each record carries a {@code sequence}: the records are numbered in the order their transactions commit, with no
 * gaps (a rolled-back transaction takes no number). The number is taken from one counter node
 * ({@code (:ChangeSequence)}) in the commit's own statement ({@link CypherRunner#deferUntilCommit}), so writers hold
 * its lock only while they commit and take it last. Every instance follows the numbers ({@link ChangeFeed}), so a
 * subscriber hears the changes made through any instance, and one that reconnects resumes after its last number.
 */
@Component
public class AuditTrail {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CypherRunner graph;
    private final Clock clock;

    AuditTrail(CypherRunner graph, Clock clock) {
        this.graph = graph;
        this.clock = clock;
    }

    public record FieldChange(String field, String from, String to) {
    }

    /** A change record; {@code sequence} is its place in commit order (see the class comment). */
    public record Change(String id, long sequence, ZonedDateTime at, String actor, String action, String entityId,
                         String entityType, List<FieldChange> changes, String requestId, String clientRequestId) {

        /** From a {@code :Change} node, whose field changes are stored as JSON. */
        public static Change from(Value v) {
            return new Change(v.get("id").asString(), v.get("seq").asLong(), v.get("at").asZonedDateTime(),
                    v.get("actor").asString(), v.get("action").asString(), v.get("entityId").asString(),
                    v.get("entityType").asString(),
                    JSON.readValue(v.get("changes").asString(), new TypeReference<List<FieldChange>>() { }),
                    v.get("requestId").asString(null), v.get("clientRequestId").asString(null));
        }
    }

    public void append(Actor actor, String action, String entityType, String entityId, List<FieldChange> changes) {
        appendAll(actor, action, entityType, List.of(Map.entry(entityId, changes)));
    }

    /** One record per entity, for a batch of changes made by one action (an import batch), in one round trip. */
    public void appendAll(Actor actor, String action, String entityType, List<Map.Entry<String, List<FieldChange>>> changes) {
        if (changes.isEmpty()) {
            return;
        }
        ZonedDateTime at = ZonedDateTime.now(clock);
        List<Map<String, Object>> rows = changes.stream()
                .map(e -> Map.<String, Object>of("id", UUID.randomUUID().toString(), "entityId", e.getKey(),
                        "changes", JSON.writeValueAsString(e.getValue())))
                .toList();
        // Nothing waits for the records: they are written in the commit's statement, numbered under the counter's lock
        // (the lock-dependent SET takes the write lock before it reads the counter).
        graph.deferUntilCommit("""
                MERGE (s:ChangeSequence {id: 'changes'}) ON CREATE SET s.last = 0
                SET s.last = s.last + size($rows)
                WITH s.last - size($rows) AS before
                UNWIND range(0, size($rows) - 1) AS n
                WITH before + n + 1 AS seq, $rows[n] AS row
                CREATE (c:Change {id: row.id, seq: seq, at: $at, actor: $actor, action: $action, entityId: row.entityId,
                                  entityType: $entityType, changes: row.changes, requestId: $requestId,
                                  clientRequestId: $clientRequestId,
                                  district: %s})""".formatted(districtOfRecord("$entityType", "row.entityId")),
                parameters(rows, at, actor, action, entityType));
    }

    /**
     * Cypher: the district a change record keeps, of the thing it changed ({@code type}, {@code id}: Cypher
     * expressions): a problem's, a mine's, a joint action's mine's; {@code '*'} for a thing of no district (the plan,
     * an import job); null when the thing is gone. The change records' list starts from it (its index with the
     * sequence); who may read a record is still decided by the thing itself ({@code ledger/IssueAccess}).
     */
    public static String districtOfRecord(String type, String id) {
        return ("""
                CASE %1$s
                  WHEN 'Issue' THEN COLLECT { MATCH (e:Issue {id: %2$s}) RETURN e.district }[0]
                  WHEN 'Mine' THEN COLLECT { MATCH (e:Mine {id: %2$s}) RETURN e.district }[0]
                  WHEN 'JointEnforcementAction' THEN
                    COLLECT { MATCH (:JointEnforcementAction {id: %2$s})-[:FOR_MINE]->(e:Mine) RETURN e.district }[0]
                  ELSE '*' END""").formatted(type, id);
    }

    public List<Change> history(String entityId) {
        return graph.list("""
                MATCH (c:Change {entityId: $id})
                RETURN c AS item ORDER BY c.seq DESC""", Map.of("id", entityId), Change::from);
    }

    private static Map<String, Object> parameters(List<Map<String, Object>> rows, ZonedDateTime at, Actor actor,
                                                  String action, String entityType) {
        Map<String, Object> parameters = new HashMap<>(Map.of("rows", rows, "at", at, "actor", actor.name(),
                "action", action, "entityType", entityType, "requestId", actor.requestId()));
        parameters.put("clientRequestId", actor.clientRequestId());
        return parameters;
    }

    /** The fields whose value differs between two snapshots, as text, in field-name order. */
    public static List<FieldChange> diff(Map<String, ?> before, Map<String, ?> after) {
        List<FieldChange> changes = new ArrayList<>();
        for (String field : new TreeSet<>(after.keySet())) {
            String from = text(before.get(field));
            String to = text(after.get(field));
            if (!Objects.equals(from, to)) {
                changes.add(new FieldChange(field, from, to));
            }
        }
        return changes;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList()) : value.toString();
    }
}
