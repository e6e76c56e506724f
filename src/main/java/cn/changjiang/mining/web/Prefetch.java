package cn.changjiang.mining.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.GraphQLContext;

/**
 * Related values a page read together with its rows, in the same statement, for the batch mappings of the same
 * request to answer from instead of asking again: one round trip for a page and the fields its selection asks for.
 * Kept per request in the {@link GraphQLContext}, keyed by field ({@code Type.field}) and parent id. Only what a
 * query mapping put here is answered from here; any other parent of the same field is loaded as before. The read
 * policy is untouched: {@code ReadGuard} decides on every field before its fetcher (and so its batch) runs.
 */
public final class Prefetch {

    private static final String KEY = Prefetch.class.getName();
    /** Stands for "read, and there is none" (a problem with no responsible person), as a map holds no null. */
    private static final Object NONE = new Object();

    private final Map<String, Map<String, Object>> byField = new ConcurrentHashMap<>();
    private final Map<String, Boolean> ownProblems = new ConcurrentHashMap<>();

    private Prefetch() {
    }

    /** The request's prefetched values (created empty on first use). */
    public static Prefetch of(GraphQLContext context) {
        return context.computeIfAbsent(KEY, key -> new Prefetch());
    }

    /** Records the value of {@code field} for the parent with this id; null means it has none. */
    public void put(String field, String parentId, Object value) {
        byField.computeIfAbsent(field, f -> new ConcurrentHashMap<>()).put(parentId, value == null ? NONE : value);
    }

    /**
     * Records whether a unit officer's unit is on a problem (rectifies or supervises it), read with a page by the
     * same rule as {@code ReadPolicy.ownProblems}, so that {@code ReadGuard} need not read the unit's problems again.
     */
    public void putOwnProblem(String problemId, boolean own) {
        ownProblems.put(problemId, own);
    }

    /** Whether the viewer's unit is on the problem, when a page of this request read it; else null. */
    Boolean ownProblem(String problemId) {
        return ownProblems.get(problemId);
    }

    /**
     * The values of {@code field} for the parents: prefetched ones from here, the others (if any) by {@code load} in
     * one batch. Parents with no value are left out, as the batch mappings of one value per parent expect.
     */
    @SuppressWarnings("unchecked")
    public <P, V> Map<P, V> answer(String field, List<P> parents, Function<P, String> idOf, Function<List<P>, Map<P, V>> load) {
        Map<String, Object> known = byField.getOrDefault(field, Map.of());
        Map<P, V> answer = new LinkedHashMap<>();
        List<P> missing = new ArrayList<>();
        for (P parent : parents) {
            Object value = known.get(idOf.apply(parent));
            if (value == null) {
                missing.add(parent);
            } else if (value != NONE) {
                answer.put(parent, (V) value);
            }
        }
        if (!missing.isEmpty()) {
            answer.putAll(load.apply(missing));
        }
        return answer;
    }
}
