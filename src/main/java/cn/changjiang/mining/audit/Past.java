package cn.changjiang.mining.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.changjiang.mining.audit.AuditTrail.Change;
import cn.changjiang.mining.audit.AuditTrail.FieldChange;

/**
 * What happened after a moment, from the change records: per entity, its changes since, and what each changed field
 * was at the moment ({@link Entity#fieldsThen}). The rewinders read it, and leave notes for those that run after them
 * ({@link #touch}: which mines had a problem undone, say).
 */
public final class Past {

    private final Instant asOf;
    private final Map<String, Map<String, Entity>> byType = new HashMap<>();
    private final Map<String, Set<String>> touched = new HashMap<>();

    /** {@code changes}: every change recorded after {@code asOf}, in the order they were made. */
    public Past(Instant asOf, List<Change> changes) {
        this.asOf = asOf;
        for (Change change : changes) {
            byType.computeIfAbsent(change.entityType(), type -> new LinkedHashMap<>())
                    .computeIfAbsent(change.entityId(), id -> new Entity(id, new ArrayList<>()))
                    .changes().add(change);
        }
    }

    public Instant asOf() {
        return asOf;
    }

    /** The entities of a type changed after the moment, each with its changes in the order made. */
    public Collection<Entity> of(String entityType) {
        return byType.getOrDefault(entityType, Map.of()).values();
    }

    /** Notes that these ids (of a kind, e.g. "Mine") had something undone, for a later rewinder. */
    public void touch(String kind, Collection<String> ids) {
        touched.computeIfAbsent(kind, k -> new LinkedHashSet<>()).addAll(ids);
    }

    public Set<String> touched(String kind) {
        return touched.getOrDefault(kind, Set.of());
    }

    /** One entity's changes after the moment, earliest first. */
    public record Entity(String id, List<Change> changes) {

        /** Whether it did not exist yet at the moment: its first change since is one of {@code creatingActions}. */
        public boolean createdSince(Set<String> creatingActions) {
            return creatingActions.contains(changes.getFirst().action());
        }

        /**
         * Each field changed since, with its value at the moment as the records write values (text; null where it
         * had none): the "from" of the earliest change of that field.
         */
        public Map<String, String> fieldsThen() {
            Map<String, String> then = new LinkedHashMap<>();
            for (Change change : changes) {
                for (FieldChange field : change.changes()) {
                    if (!then.containsKey(field.field())) {
                        then.put(field.field(), field.from());
                    }
                }
            }
            return then;
        }

        /** How many times each field was set since (an outcome recorded twice counts two). */
        public Map<String, Integer> timesSet() {
            Map<String, Integer> times = new LinkedHashMap<>();
            changes.forEach(change -> change.changes().forEach(field -> times.merge(field.field(), 1, Integer::sum)));
            return times;
        }
    }
}
