package cn.changjiang.mining.audit;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Values as change records write them ({@link AuditTrail#diff}: text, lists joined by ", ", null for none), read back
 * into their types for a {@link Rewinder}.
 */
public final class RecordedValues {

    private RecordedValues() {
    }

    public static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text);
    }

    public static Boolean bool(String text) {
        return text == null || text.isBlank() ? null : Boolean.valueOf(text);
    }

    public static Double decimal(String text) {
        return text == null || text.isBlank() ? null : Double.valueOf(text);
    }

    public static Integer integer(String text) {
        return text == null || text.isBlank() ? null : Integer.valueOf(text);
    }

    /** A list as {@link AuditTrail#diff} joined it; empty for none. */
    public static List<String> list(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(", ")).toList();
    }
}
