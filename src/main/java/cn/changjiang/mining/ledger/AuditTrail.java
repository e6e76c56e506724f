package cn.changjiang.mining.ledger;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import cn.changjiang.mining.api.Actor;
import cn.changjiang.mining.graph.CypherRunner;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only record of every change: who, when, what, which fields from what to what, and the request id.
 * Appended inside the changing transaction, so a change and its record commit or roll back together. Nothing in
 * the API edits or deletes a record.
 */
@Component
public class AuditTrail {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CypherRunner graph;

    AuditTrail(CypherRunner graph) {
        this.graph = graph;
    }

    public record FieldChange(String field, String from, String to) {
    }

    public record Change(String id, ZonedDateTime at, String actor, String action, String entityId, String entityType,
                         List<FieldChange> changes, String requestId) {
    }

    public void append(Actor actor, String action, String entityType, String entityId, List<FieldChange> changes) {
        graph.single("""
                CREATE (c:Change {id: $id, at: datetime(), actor: $actor, action: $action, entityId: $entityId,
                                  entityType: $entityType, changes: $changes, requestId: $requestId})
                RETURN c.id AS item""", Map.of("id", UUID.randomUUID().toString(), "actor", actor.name(),
                "action", action, "entityId", entityId, "entityType", entityType,
                "changes", JSON.writeValueAsString(changes), "requestId", actor.requestId()), v -> v);
    }

    /** One record per entity, for a batch of changes made by one action (an import batch), in one round trip. */
    public void appendAll(Actor actor, String action, String entityType, List<Map.Entry<String, List<FieldChange>>> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = changes.stream()
                .map(e -> Map.<String, Object>of("id", UUID.randomUUID().toString(), "entityId", e.getKey(),
                        "changes", JSON.writeValueAsString(e.getValue())))
                .toList();
        graph.list("""
                UNWIND $rows AS row
                CREATE (c:Change {id: row.id, at: datetime(), actor: $actor, action: $action, entityId: row.entityId,
                                  entityType: $entityType, changes: row.changes, requestId: $requestId})
                RETURN count(c) AS item""", Map.of("rows", rows, "actor", actor.name(), "action", action,
                "entityType", entityType, "requestId", actor.requestId()), v -> v);
    }

    List<Change> history(String entityId) {
        return graph.list("""
                MATCH (c:Change {entityId: $id})
                RETURN c AS item ORDER BY c.at DESC, c.id DESC""", Map.of("id", entityId), v -> new Change(
                v.get("id").asString(), v.get("at").asZonedDateTime(), v.get("actor").asString(),
                v.get("action").asString(), v.get("entityId").asString(), v.get("entityType").asString(),
                JSON.readValue(v.get("changes").asString(), new TypeReference<List<FieldChange>>() { }),
                v.get("requestId").asString(null)));
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
