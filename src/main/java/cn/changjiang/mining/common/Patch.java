package cn.changjiang.mining.common;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.springframework.graphql.data.ArgumentValue;

/**
 * A partial update of one object: its state before, and the state after applying only the fields an input names.
 * An omitted field keeps its value; a field given as {@code null} is cleared. The permission check and the change
 * record both read {@link #changed()}, so they see exactly what the write will change, and nothing else.
 */
public final class Patch {

    private final Map<String, Object> before;
    private final Map<String, Object> after;

    private Patch(Map<String, ?> current) {
        this.before = new LinkedHashMap<>(current);
        this.after = new LinkedHashMap<>(current);
    }

    /** Starts from the object's current fields (as read under its lock). */
    public static Patch of(Map<String, ?> current) {
        return new Patch(current);
    }

    /** Applies a field an input may name; an omitted one (or a missing wrapper) leaves the field as it is. */
    public <T> Patch set(String field, ArgumentValue<T> value, Function<? super T, ?> normalise) {
        if (value == null || value.isOmitted()) {
            return this;
        }
        T given = value.value();
        after.put(field, given == null ? null : normalise.apply(given));
        return this;
    }

    public <T> Patch set(String field, ArgumentValue<T> value) {
        return set(field, value, v -> v);
    }

    /** Sets a field the server derives (a status that follows from the change). */
    public Patch derive(String field, Object value) {
        after.put(field, value);
        return this;
    }

    /** The value after the patch. */
    public Object get(String field) {
        return after.get(field);
    }

    /** The value before the patch. */
    public Object before(String field) {
        return before.get(field);
    }

    public boolean changed(String field) {
        return !Objects.equals(comparable(before.get(field)), comparable(after.get(field)));
    }

    /** The fields whose value the patch changes, in the order they were first known. */
    public Set<String> changed() {
        Set<String> fields = new LinkedHashSet<>();
        for (String field : after.keySet()) {
            if (changed(field)) {
                fields.add(field);
            }
        }
        return fields;
    }

    /** The changed fields with their values before. */
    public Map<String, Object> changedBefore() {
        Map<String, Object> values = new LinkedHashMap<>();
        changed().forEach(field -> values.put(field, before.get(field)));
        return values;
    }

    /** The changed fields with their values after. */
    public Map<String, Object> changedAfter() {
        Map<String, Object> values = new LinkedHashMap<>();
        changed().forEach(field -> values.put(field, after.get(field)));
        return values;
    }

    /** Every field after the patch, changed or not. */
    public Map<String, Object> after() {
        return new LinkedHashMap<>(after);
    }

    /** Lists compare as sets (who supports a problem has no order); an empty list is no list. */
    private static Object comparable(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection.isEmpty() ? null : Set.copyOf(List.copyOf(collection));
        }
        return value;
    }
}
