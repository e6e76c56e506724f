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

    /** How a relation is counted: one related node (or none), or several. */
    public enum Arity { ONE, MANY }

    /**
     * Related nodes a client may filter on: the GraphQL field, the {@link Spec} of what it reaches, and the pattern from
     * the current variable {@code {n}} to the related one {@code {m}} (a relationship's own properties are reached by
     * naming it {@code {m}} and giving the target spec fields over it).
     */
    public record Relation(String name, Arity arity, String pattern, Spec target) {
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

    /** The condition, over the root variable, and the parameters it reads. */
    public record Compiled(String condition, Map<String, Object> parameters) {

        public static final Compiled NONE = new Compiled("true", Map.of());

        public boolean none() {
            return "true".equals(condition);
        }
    }

    private final Guard guard;
    private final String prefix;
    private final Map<String, Object> parameters = new HashMap<>();
    private int variables;
    private int conditions;

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
        Where compiler = new Where(guard, prefix);
        String condition = compiler.node(spec, where, root, 1);
        return new Compiled(condition, Map.copyOf(compiler.parameters));
    }

    private String node(Spec spec, Map<String, Object> where, String n, int depth) {
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
                        parts.add(node(spec, map(key, part), n, depth + 1));
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
                    all.add("NOT (" + node(spec, map(key, value), n, depth + 1) + ")");
                }
                default -> all.add(member(spec, key, value, n, depth));
            }
        }
        return all.isEmpty() ? "true" : all.size() == 1 ? all.getFirst() : "(" + String.join(" AND ", all) + ")";
    }

    private String member(Spec spec, String key, Object value, String n, int depth) {
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
        String m = "w" + prefix + variables++;
        String pattern = relation.pattern().replace("{n}", n).replace("{m}", m);
        count();
        if (relation.arity() == Arity.ONE) {
            if (value == null) {
                return "NOT EXISTS { MATCH " + pattern + " }";
            }
            return exists(pattern, node(relation.target(), map(key, value), m, depth + 1));
        }
        Map<String, Object> quantifiers = map(key, value);
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> quantifier : quantifiers.entrySet()) {
            if (quantifier.getValue() == null) {
                continue; // an explicit null is no condition, as an absent one
            }
            count();
            String condition = node(relation.target(), map(key, quantifier.getValue()), m, depth + 1);
            parts.add(switch (quantifier.getKey()) {
                case "some" -> exists(pattern, condition);
                case "none" -> "NOT " + exists(pattern, condition);
                // Every related node holds: one whose condition is unknown (a missing value) does not.
                case "all" -> "NOT " + exists(pattern, "NOT coalesce(" + condition + ", false)");
                case "single" -> "COUNT { MATCH " + pattern + where(condition) + " } = 1";
                default -> throw refused(key + " takes some, none, all or single");
            });
        }
        return parts.isEmpty() ? "true" : "(" + String.join(" AND ", parts) + ")";
    }

    private static String exists(String pattern, String condition) {
        return "EXISTS { MATCH " + pattern + where(condition) + " }";
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
