package cn.changjiang.mining.audit;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.audit.AuditTrail.Change;
import cn.changjiang.mining.audit.AuditTrail.FieldChange;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;

import static org.assertj.core.api.Assertions.assertThat;

/** Change records and idempotency claims as read back from the graph, without a database. */
class ChangeRecordsTest {

    @Test
    void shouldReadAChangeWithItsFieldChangesStoredAsJson() {
        Map<String, Object> node = new HashMap<>();
        node.put("id", "c-1");
        node.put("seq", 41L);
        node.put("at", ZonedDateTime.parse("2026-12-02T09:30:00+08:00[Asia/Shanghai]"));
        node.put("actor", "office-1");
        node.put("action", "assignIssue");
        node.put("entityId", "issue-7");
        node.put("entityType", "Issue");
        node.put("changes", "[{\"field\":\"leadUnit\",\"from\":null,\"to\":\"POLICE\"},"
                + "{\"field\":\"measures\",\"from\":\"停产\",\"to\":null}]");
        node.put("requestId", "r-1");

        Change change = Change.from(Values.value(node));

        assertThat(change.changes()).containsExactly(new FieldChange("leadUnit", null, "POLICE"),
                new FieldChange("measures", "停产", null));
        assertThat(change.clientRequestId()).isNull();
        assertThat(change.sequence()).isEqualTo(41L);
        assertThat(change.at()).isEqualTo(ZonedDateTime.parse("2026-12-02T09:30:00+08:00[Asia/Shanghai]"));
    }

    @Test
    void shouldDiffOnlyFieldsThatChangeAsText() {
        Map<String, Object> before = new HashMap<>();
        before.put("supportingUnits", List.of("A", "B"));
        before.put("measures", null);
        Map<String, Object> after = Map.of("supportingUnits", List.of("A", "B"), "measures", "停产");

        assertThat(AuditTrail.diff(before, after)).containsExactly(new FieldChange("measures", null, "停产"));
    }

    @Test
    void shouldTellAClaimStillOpenFromOneCompleted() {
        Map<String, Object> open = new HashMap<>();
        open.put("resultId", null);
        open.put("inputHash", "abc");

        assertThat(IdempotencyKeys.Claim.from(Values.value(open)).resultId()).isNull();
        assertThat(IdempotencyKeys.Claim.from(Values.value(Map.of("resultId", "issue-7", "inputHash", "abc"))))
                .isEqualTo(new IdempotencyKeys.Claim("issue-7", "abc"));
    }
}
