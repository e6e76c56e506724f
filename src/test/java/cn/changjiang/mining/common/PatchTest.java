package cn.changjiang.mining.common;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.data.ArgumentValue;

import static org.assertj.core.api.Assertions.assertThat;

/** Partial updates without a database: left out keeps, null clears, and only real changes count. */
class PatchTest {

    private static Map<String, Object> current() {
        Map<String, Object> current = new HashMap<>();
        current.put("measures", "封堵");
        current.put("deadline", LocalDate.of(2024, 6, 30));
        current.put("supportingUnits", List.of("POLICE", "ECOLOGY"));
        current.put("responsiblePerson", "p-1");
        return current;
    }

    @Test
    void shouldKeepWhatAnInputLeavesOut() {
        Patch patch = Patch.of(current())
                .set("measures", ArgumentValue.omitted())
                .set("deadline", null)
                .set("responsiblePerson", ArgumentValue.ofNullable("p-2"));
        assertThat(patch.changed()).containsExactly("responsiblePerson");
        assertThat(patch.get("measures")).isEqualTo("封堵");
        assertThat(patch.get("deadline")).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(patch.changedBefore()).containsEntry("responsiblePerson", "p-1");
        assertThat(patch.changedAfter()).containsEntry("responsiblePerson", "p-2");
    }

    @Test
    void shouldClearWhatAnInputGivesAsNull() {
        Patch patch = Patch.of(current()).set("measures", ArgumentValue.ofNullable(null));
        assertThat(patch.changed()).containsExactly("measures");
        assertThat(patch.get("measures")).isNull();
    }

    @Test
    void shouldNotCountTheSameValueOrTheSameUnitsInAnotherOrderAsAChange() {
        Patch patch = Patch.of(current())
                .set("measures", ArgumentValue.ofNullable(" 封堵 "), String::strip)
                .set("supportingUnits", ArgumentValue.ofNullable(List.of("ECOLOGY", "POLICE")));
        assertThat(patch.changed()).isEmpty();
        assertThat(Patch.of(Map.of("supportingUnits", List.of())).derive("supportingUnits", List.of()).changed()).isEmpty();
    }
}
