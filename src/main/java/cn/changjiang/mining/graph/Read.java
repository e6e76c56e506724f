package cn.changjiang.mining.graph;

import java.time.LocalDate;
import java.util.List;

import org.neo4j.driver.Value;

/** Null-tolerant reads of node and map properties, for the views' factory methods. */
public final class Read {

    private Read() {
    }

    public static String string(Value v, String key) {
        return v.get(key).asString(null);
    }

    public static LocalDate date(Value v, String key) {
        Value value = v.get(key);
        return value.isNull() ? null : value.asLocalDate();
    }

    public static boolean bool(Value v, String key) {
        return v.get(key).asBoolean(false);
    }

    public static int integer(Value v, String key) {
        return v.get(key).asInt(0);
    }

    /** A schema enum's constant stored as its name, or null when absent. */
    public static <E extends Enum<E>> E constant(Value v, String key, Class<E> type) {
        Value value = v.get(key);
        return value.isNull() ? null : Enum.valueOf(type, value.asString());
    }

    public static List<String> strings(Value v, String key) {
        Value value = v.get(key);
        return value.isNull() ? List.of() : value.asList(Value::asString);
    }
}
