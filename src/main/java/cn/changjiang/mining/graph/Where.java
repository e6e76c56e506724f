package cn.changjiang.mining.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.InvalidInputException;

/**
 * An analyst's {@code where} (the schema's {@code *Where} inputs: per-field operators, {@code AND}/{@code OR}/
 * {@code NOT}, and conditions on related nodes with {@code some}/{@code none}/{@code all}/{@code single}) compiled to
 * one Cypher condition. Every piece of Cypher comes from a {@link Spec} written in code; every value the client sent
 * travels as a parameter ({@code $w0}, {@code $w1}, …), so no string a client sends is ever read as Cypher. Each field
 * and relation used is shown to a {@link Guard} first (the read policy: a field the viewer may not read is refused,
 * never silently matched), and a tree larger than {@link #MOST_CONDITIONS} conditions or deeper than
 * {@link #DEEPEST} is refused.
 */
public final class Where {

    /** The most conditions (operators, relations, AND/OR/NOT) one {@code where} may hold. */
    public static final int MOST_CONDITIONS = 64;
    /** The deepest one may nest. */
    public static final int DEEPEST = 6;

    /** What a field holds, and so which operators it takes. */
    public enum Kind {
        /** eq, in, contains, startsWith, endsWith. */
        STRING,
        /** eq, in, lt, lte, gt, gte. */
        ORDERED,
        /** eq, in (identifiers and enums, as their names). */
        EXACT,
        /** A Boolean given directly ({@code open: true}). */
        BOOLEAN
    }

    /**
     * A field a client may filter on: its GraphQL name (also the name the read policy knows it by), what it holds, and
     * its Cypher over the current variable, written {@code {n}}.
     */
    public record Field(String name, Kind kind, String cypher) {
    }

    /**
     * How a relation is counted: one related node (or none), or several; or the one node the enclosing pattern already
     * binds ({@code ENDPOINT}: the relation's pattern is that variable's name over the current one, e.g.
     * {@code {n}_unit} for the unit of an assignment {@code {n}} matched as {@code -[{m}:ASSIGNED_TO]->({m}_unit)}),
     * read directly rather than matched again, so the planner sees one flat pattern.
     */
    public enum Arity { ONE, MANY, ENDPOINT }

    /**
     * Related nodes a client may filter on: the GraphQL field, the {@link Spec} of what it reaches, and the pattern from
     * the current variable {@code {n}} to the related one {@code {m}} (a relationship's own properties are reached by
     * naming it {@code {m}} and giving the target spec fields over it), and what else must hold of a related node
     * ({@code when}, Cypher over both; {@code "true"} for nothing), as when a change record reaches its problem by id.
     */
    public record Relation(String name, Arity arity, String pattern, Spec target, String when) {

        public Relation {
            if (arity == Arity.ENDPOINT && !target.relations().isEmpty()) {
                // An expression cannot stand in a pattern: what an endpoint reaches is filtered on its own fields only.
                throw new IllegalArgumentException(name + ": an endpoint's target may have fields only");
            }
        }

        public Relation(String name, Arity arity, String pattern, Spec target) {
            this(name, arity, pattern, target, "true");
        }
    }

    /** What one GraphQL type may be filtered on. */
    public record Spec(String type, Map<String, Field> fields, Map<String, Relation> relations) {

        public static Spec of(String type, List<Field> fields, List<Relation> relations) {
            Map<String, Field> byName = new LinkedHashMap<>();
            fields.forEach(f -> byName.put(f.name(), f));
            Map<String, Relation> relationsByName = new LinkedHashMap<>();
            relations.forEach(r -> relationsByName.put(r.name(), r));
            return new Spec(type, byName, relationsByName);
        }
    }

    /** Says whether the viewer may filter on a field of a type (or, with a null field, reach the type at all). */
    @FunctionalInterface
    public interface Guard {
        void check(String type, String field);
    }

    /**
     * The condition, over the root variable, and the parameters it reads. Besides, where a statement may start
     * ({@code anchor}, null for nowhere in particular): a {@code MATCH} from a related node found by its unique id that
     * every root the condition keeps is reached from, with the rest of the condition to check on each root it reaches
     * ({@code anchored}); a statement that starts from the root's label uses {@code condition}, one that starts from
     * the anchor uses {@link #startingFrom}. Both are the same question, with parameters of their own.
     */
    public record Compiled(String condition, Map<String, Object> parameters, String anchor, String anchored) {

        public static final Compiled NONE = new Compiled("true", Map.of(), null, null);

        public boolean none() {
            return "true".equals(condition);
        }

        /**
         * The {@code MATCH … WHERE} a statement over {@code root} starts with, {@code other} (the statement's own
         * conditions) and this where both holding: from the anchor when there is one, then the root's label and the
         * rest checked on each root it reaches; else from the label.
         */
        public String startingFrom(String root, String label, String other) {
            return anchor == null
                    ? "MATCH (" + root + ":" + label + ") WHERE " + other + " AND " + condition
                    : anchor + "\nWITH DISTINCT " + root + " WHERE " + root + ":" + label + " AND " + other + " AND " + anchored;
        }
    }

    private final Guard guard;
    private final String prefix;
    private final Map<String, Object> parameters = new HashMap<>();
    private int variables;
    private int conditions;
    /** Where the statement starts, left out of the main condition at its one place (see {@link #site}). */
    private Site site;

    private Where(Guard guard, String prefix) {
        this.guard = guard;
        this.prefix = prefix;
    }

    /** {@code where} (as GraphQL passes an input: maps, lists, values) compiled over the variable {@code root}. */
    public static Compiled compile(Spec spec, Map<String, Object> where, String root, Guard guard) {
        return compile(spec, where, root, guard, "w");
    }

    /** The same with parameters named {@code $<prefix>0, …}, for two {@code where}s in one statement. */
    public static Compiled compile(Spec spec, Map<String, Object> where, String root, Guard guard, String prefix) {
        if (where == null || where.isEmpty()) {
            return Compiled.NONE;
        }
        Where whole = new Where(guard, prefix);
        String condition = whole.node(spec, where, root, 1, true);
        Map<String, Object> parameters = new HashMap<>(whole.parameters);
        Site site = site(spec, where);
        if (site == null) {
            return new Compiled(condition, Map.copyOf(parameters), null, null);
        }
        // The same tree once more, its site left out of the condition to be the statement's start.
        Where starting = new Where(guard, prefix + "a");
        starting.site = site;
        String anchored = starting.node(spec, where, root, 1, true);
        String anchor = starting.anchor(spec, root);
        parameters.putAll(starting.parameters);
        return new Compiled(condition, Map.copyOf(parameters), anchor, anchored);
    }

    /**
     * Where a statement may start: a relation among the root's conditions that must all hold (the root object and its
     * {@code AND}s, never under {@code OR} or {@code NOT}), with one related node or {@code some}, whose own conditions
     * say {@code id: {eq: …}}, directly or on the node an {@link Arity#ENDPOINT} of it names (an assignment's unit).
     * Its {@code owner} is the object it was found in, {@code key} its name there. Null when there is none.
     */
    private record Site(Map<String, Object> owner, String key, Relation relation, Map<String, Object> target) {
    }

    private static Site site(Spec spec, Map<String, Object> where) {
        for (Map.Entry<String, Object> entry : where.entrySet()) {
            if ("AND".equals(entry.getKey()) && entry.getValue() instanceof List<?> parts) {
                for (Object part : parts) {
                    Site found = part instanceof Map<?, ?> m ? site(spec, cast(m)) : null;
                    if (found != null) {
                        return found;
                    }
                }
                continue;
            }
            Relation relation = spec.relations().get(entry.getKey());
            if (relation == null || relation.arity() == Arity.ENDPOINT || !"true".equals(relation.when())) {
                continue;
            }
            Object target = relation.arity() == Arity.ONE ? entry.getValue()
                    : entry.getValue() instanceof Map<?, ?> quantifiers ? quantifiers.get("some") : null;
            if (target instanceof Map<?, ?> targetWhere && namesById(relation.target(), cast(targetWhere))) {
                return new Site(where, entry.getKey(), relation, cast(targetWhere));
            }
        }
        return null;
    }

    /** Whether a node's conditions hold {@code id: {eq: …}} (its own, or its endpoint's), its spec's id being its id. */
    private static boolean namesById(Spec spec, Map<String, Object> where) {
        Field id = spec.fields().get("id");
        if (id != null && "{n}.id".equals(id.cypher()) && where.get("id") instanceof Map<?, ?> operators
                && operators.get("eq") instanceof String) {
            return true;
        }
        for (Map.Entry<String, Object> entry : where.entrySet()) {
            Relation endpoint = spec.relations().get(entry.getKey());
            if (endpoint != null && endpoint.arity() == Arity.ENDPOINT && entry.getValue() instanceof Map<?, ?> m
                    && namesById(endpoint.target(), cast(m))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The site's relation as the statement's first {@code MATCH}: its pattern from the root, with the related node's
     * whole condition (which holds its id, so the planner starts from that node's unique index). Every root it reaches
     * meets the site's condition, and only those: the site is left out of the main condition.
     */
    private String anchor(Spec spec, String root) {
        guard.check(spec.type(), site.relation().name());
        guard.check(site.relation().target().type(), null);
        // Counted where it was left out of the condition: the limit is the same whichever way the statement starts.
        String m = "w" + prefix + "a";
        String pattern = site.relation().pattern().replace("{n}", root).replace("{m}", m);
        return "MATCH " + pattern + where(node(site.relation().target(), site.target(), m, 2, false));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** {@code mustHold}: whether this object's conditions must all hold for a root to be kept (root and its ANDs). */
    private String node(Spec spec, Map<String, Object> where, String n, int depth, boolean mustHold) {
        if (depth > DEEPEST) {
            throw refused("A where nests at most " + DEEPEST + " levels deep");
        }
        List<String> all = new ArrayList<>();
        for (Map.Entry<String, Object> entry : where.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            switch (key) {
                case "AND", "OR" -> {
                    if (value == null) {
                        continue; // an explicit null is no condition, as an absent one
                    }
                    List<String> parts = new ArrayList<>();
                    for (Object part : list(key, value)) {
                        count();
                        parts.add(node(spec, map(key, part), n, depth + 1, mustHold && "AND".equals(key)));
                    }
                    count();
                    all.add(parts.isEmpty() ? ("AND".equals(key) ? "true" : "false")
                            : "(" + String.join("AND".equals(key) ? " AND " : " OR ", parts) + ")");
                }
                case "NOT" -> {
                    if (value == null) {
                        continue;
                    }
                    count();
                    all.add("NOT (" + node(spec, map(key, value), n, depth + 1, false) + ")");
                }
                default -> {
                    boolean anchored = mustHold && site != null && site.owner() == where && site.key().equals(key);
                    if (anchored && site.relation().arity() == Arity.ONE) {
                        count();
                        continue; // the statement starts from it
                    }
                    all.add(member(spec, key, value, n, depth, anchored));
                }
            }
        }
        return all.isEmpty() ? "true" : all.size() == 1 ? all.getFirst() : "(" + String.join(" AND ", all) + ")";
    }

    /** {@code anchored}: the relation's {@code some} is where the statement starts, and is left out here. */
    private String member(Spec spec, String key, Object value, String n, int depth, boolean anchored) {
        Field field = spec.fields().get(key);
        if (field != null) {
            guard.check(spec.type(), field.name());
            return field(field, value, field.cypher().replace("{n}", n));
        }
        Relation relation = spec.relations().get(key);
        if (relation == null) {
            throw refused(spec.type() + " cannot be filtered on " + key);
        }
        guard.check(spec.type(), relation.name());
        guard.check(relation.target().type(), null);
        if (relation.arity() == Arity.ENDPOINT) {
            count();
            String endpoint = relation.pattern().replace("{n}", n);
            return value == null ? endpoint + " IS NULL" : node(relation.target(), map(key, value), endpoint, depth + 1, false);
        }
        String m = "w" + prefix + variables++;
        String pattern = relation.pattern().replace("{n}", n).replace("{m}", m);
        String when = relation.when().replace("{n}", n).replace("{m}", m);
        count();
        if (relation.arity() == Arity.ONE) {
            if (value == null) {
                return "NOT " + exists(pattern, when);
            }
            return exists(pattern, and(when, node(relation.target(), map(key, value), m, depth + 1, false)));
        }
        Map<String, Object> quantifiers = map(key, value);
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> quantifier : quantifiers.entrySet()) {
            if (quantifier.getValue() == null) {
                continue; // an explicit null is no condition, as an absent one
            }
            if (anchored && "some".equals(quantifier.getKey())) {
                count();
                continue; // the statement starts from it
            }
            count();
            String condition = node(relation.target(), map(key, quantifier.getValue()), m, depth + 1, false);
            parts.add(switch (quantifier.getKey()) {
                case "some" -> exists(pattern, and(when, condition));
                case "none" -> "NOT " + exists(pattern, and(when, condition));
                // Every related node holds: one whose condition is unknown (a missing value) does not.
                case "all" -> "NOT " + exists(pattern, and(when, "NOT coalesce(" + condition + ", false)"));
                case "single" -> "COUNT { MATCH " + pattern + where(and(when, condition)) + " } = 1";
                default -> throw refused(key + " takes some, none, all or single");
            });
        }
        return parts.isEmpty() ? "true" : "(" + String.join(" AND ", parts) + ")";
    }

    private static String exists(String pattern, String condition) {
        return "EXISTS { MATCH " + pattern + where(condition) + " }";
    }

    private static String and(String one, String other) {
        return "true".equals(one) ? other : "true".equals(other) ? one : "(" + one + " AND " + other + ")";
    }

    private static String where(String condition) {
        return "true".equals(condition) ? "" : " WHERE " + condition;
    }

    private String field(Field field, Object value, String x) {
        if (field.kind() == Kind.BOOLEAN) {
            count();
            if (value == null) {
                throw refused(field.name() + " takes true or false");
            }
            return x + " = " + parameter(value);
        }
        Map<String, Object> operators = map(field.name(), value);
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            count();
            String op = operator.getKey();
            Object operand = operator.getValue();
            if (!allowed(field.kind(), op)) {
                throw refused(field.name() + " does not take " + op);
            }
            if (operand == null) {
                if (!"eq".equals(op)) {
                    throw refused(field.name() + "." + op + " needs a value");
                }
                parts.add(x + " IS NULL");
                continue;
            }
            parts.add(switch (op) {
                case "eq" -> x + " = " + parameter(operand);
                case "in" -> x + " IN " + parameter(list(field.name() + ".in", operand));
                case "contains" -> x + " CONTAINS " + parameter(operand);
                case "startsWith" -> x + " STARTS WITH " + parameter(operand);
                case "endsWith" -> x + " ENDS WITH " + parameter(operand);
                case "lt" -> x + " < " + parameter(operand);
                case "lte" -> x + " <= " + parameter(operand);
                case "gt" -> x + " > " + parameter(operand);
                case "gte" -> x + " >= " + parameter(operand);
                default -> throw refused(field.name() + " does not take " + op);
            });
        }
        return parts.isEmpty() ? "true" : parts.size() == 1 ? parts.getFirst() : "(" + String.join(" AND ", parts) + ")";
    }

    static boolean allowed(Kind kind, String operator) {
        return switch (kind) {
            case STRING -> List.of("eq", "in", "contains", "startsWith", "endsWith").contains(operator);
            case ORDERED -> List.of("eq", "in", "lt", "lte", "gt", "gte").contains(operator);
            case EXACT -> List.of("eq", "in").contains(operator);
            case BOOLEAN -> false;
        };
    }

    private String parameter(Object value) {
        String name = prefix + parameters.size();
        parameters.put(name, plain(value));
        return "$" + name;
    }

    /** Enums as their names; lists element by element; everything else as GraphQL coerced it. */
    private static Object plain(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(Where::plain).toList();
        }
        return value;
    }

    private void count() {
        if (++conditions > MOST_CONDITIONS) {
            throw refused("A where holds at most " + MOST_CONDITIONS + " conditions");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String key, Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw refused(key + " takes an object");
    }

    private static List<?> list(String key, Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        if (value instanceof Map<?, ?> || value == null) {
            return value == null ? List.of() : List.of(value);
        }
        throw refused(key + " takes a list");
    }

    private static InvalidInputException refused(String message) {
        return new InvalidInputException("where", message);
    }
}
