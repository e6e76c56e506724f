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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only record of every change: who, when, what, which fields from what to what, and the request id.
 * Appended inside the changing transaction, so a change and its record commit or roll back together. Nothing in
 * the API edits or deletes a record. Once the transaction commits, {@link ChangeStream} streams the new records to
 * subscribers.
 */
@Component
public class AuditTrail {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CypherRunner graph;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AuditTrail(CypherRunner graph, ApplicationEventPublisher events, Clock clock) {
        this.graph = graph;
        this.events = events;
        this.clock = clock;
    }

    /** Changes appended in one transaction; {@link ChangeStream} passes them on once it commits. */
    public record ChangesRecorded(List<Change> changes) {
    }

    public record FieldChange(String field, String from, String to) {
    }

    public record Change(String id, ZonedDateTime at, String actor, String action, String entityId, String entityType,
                         List<FieldChange> changes, String requestId, String clientRequestId) {

        /** From a {@code :Change} node, whose field changes are stored as JSON. */
        static Change from(Value v) {
            return new Change(v.get("id").asString(), v.get("at").asZonedDateTime(), v.get("actor").asString(),
                    v.get("action").asString(), v.get("entityId").asString(), v.get("entityType").asString(),
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
        List<Change> recorded = changes.stream()
                .map(e -> new Change(UUID.randomUUID().toString(), at, actor.name(), action, e.getKey(), entityType,
                        e.getValue(), actor.requestId(), actor.clientRequestId()))
                .toList();
        List<Map<String, Object>> rows = recorded.stream()
                .map(c -> Map.<String, Object>of("id", c.id(), "entityId", c.entityId(),
                        "changes", JSON.writeValueAsString(c.changes())))
                .toList();
        // Nothing waits for the record: it goes with the transaction's other such writes, in one round trip.
        graph.defer("""
                UNWIND $rows AS row
                CREATE (c:Change {id: row.id, at: $at, actor: $actor, action: $action, entityId: row.entityId,
                                  entityType: $entityType, changes: row.changes, requestId: $requestId,
                                  clientRequestId: $clientRequestId})""", parameters(rows, at, actor, action, entityType));
        events.publishEvent(new ChangesRecorded(recorded));
    }

    public List<Change> history(String entityId) {
        return graph.list("""
                MATCH (c:Change {entityId: $id})
                RETURN c AS item ORDER BY c.at DESC, c.id DESC""", Map.of("id", entityId), Change::from);
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
