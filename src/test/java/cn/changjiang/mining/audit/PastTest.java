package cn.changjiang.mining.audit;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.changjiang.mining.audit.AuditTrail.Change;
import cn.changjiang.mining.audit.AuditTrail.FieldChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the change records since a moment say each entity was then: no database needed. */
class PastTest {

    private static int seconds;

    private static Change change(String entity, String action, FieldChange... fields) {
        return new Change("c" + seconds, seconds, ZonedDateTime.of(2023, 6, 1, 0, 0, seconds++, 0, ZoneOffset.UTC), "office", action,
                entity, "Issue", List.of(fields), null, null);
    }

    @Test
    void shouldTakeEachFieldsValueFromTheFirstChangeSinceTheMoment() {
        Past past = new Past(Instant.EPOCH, List.of(
                change("a", "assignIssue", new FieldChange("deadline", "2023-06-30", "2023-07-15"),
                        new FieldChange("leadUnit", null, "ECOLOGY")),
                change("a", "assignIssue", new FieldChange("deadline", "2023-07-15", "2023-08-01")),
                change("a", "recordOutcome", new FieldChange("status", "RECTIFYING", "RECTIFYING"),
                        new FieldChange("outcome.PENALTY", null, "2023-06-02")),
                change("a", "recordOutcome", new FieldChange("outcome.PENALTY", null, "2023-06-03"))));
        Past.Entity a = past.of("Issue").iterator().next();
        Map<String, String> then = a.fieldsThen();
        assertThat(then.keySet()).containsExactly("deadline", "leadUnit", "status", "outcome.PENALTY");
        assertThat(then.get("deadline")).as("the first change's from, not the second's").isEqualTo("2023-06-30");
        assertThat(then.get("leadUnit")).isNull();
        assertThat(then.get("status")).isEqualTo("RECTIFYING");
        assertThat(a.timesSet()).containsEntry("outcome.PENALTY", 2).containsEntry("deadline", 2);
        assertThat(a.createdSince(Set.of("reportIssue"))).isFalse();
        assertThat(past.of("Mine")).isEmpty();
    }

    @Test
    void shouldSayAnEntityWasCreatedSinceWhenItsFirstChangeCreatedIt() {
        Past past = new Past(Instant.EPOCH, List.of(change("b", "reportIssue", new FieldChange("status", null, "PENDING_ASSIGNMENT")),
                change("b", "assignIssue", new FieldChange("leadUnit", null, "POLICE"))));
        assertThat(past.of("Issue").iterator().next().createdSince(Set.of("reportIssue", "importLedger"))).isTrue();
        past.touch("Mine", List.of("m1", "m2"));
        past.touch("Mine", List.of("m1"));
        assertThat(past.touched("Mine")).containsExactly("m1", "m2");
    }

    @Test
    void shouldReadRecordedTextBackIntoItsType() {
        assertThat(RecordedValues.list("POLICE, ECOLOGY")).containsExactly("POLICE", "ECOLOGY");
        assertThat(RecordedValues.list(null)).isEmpty();
        assertThat(RecordedValues.date("2023-06-30")).hasToString("2023-06-30");
        assertThat(RecordedValues.bool("true")).isTrue();
        assertThat(RecordedValues.decimal("1500.5")).isEqualTo(1500.5);
        assertThat(RecordedValues.integer(null)).isNull();
    }
}
