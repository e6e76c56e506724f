package cn.changjiang.mining.ledger;

import cn.changjiang.mining.common.IssueStatus;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.audit.AuditTrail.FieldChange;
import cn.changjiang.mining.common.Patch;
import cn.changjiang.mining.ledger.LedgerInputs.AcceptanceInput;
import cn.changjiang.mining.ledger.LedgerInputs.RecordOutcomeInput;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;
import org.springframework.graphql.data.ArgumentValue;

import static org.assertj.core.api.Assertions.assertThat;

/** A problem as read under its lock, and what the ledger's writes and change records make of it, without a database. */
class IssueStateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    /** The shape {@link LedgerWrites#lockAndRead} returns for a problem being rectified, never accepted. */
    private static Map<String, Object> rectifying() {
        Map<String, Object> item = new HashMap<>();
        item.put("id", "issue-7");
        item.put("status", "RECTIFYING");
        item.put("version", 4L);
        item.put("foundOn", LocalDate.of(2026, 5, 20));
        item.put("deadline", LocalDate.of(2026, 11, 30));
        item.put("measures", "停产整顿");
        item.put("leadUnit", "EMERGENCY");
        item.put("supportingUnits", List.of("POLICE", "ENVIRONMENT"));
        item.put("responsiblePerson", null);
        item.put("supervisingUnit", null);
        return item;
    }

    private static IssueState state(Map<String, Object> item) {
        return IssueState.from(Values.value(item));
    }

    @Test
    void shouldReadAProblemUnderItsLockWithAbsentFieldsAsNothing() {
        IssueState state = state(rectifying());

        assertThat(state.version()).isEqualTo(4);
        assertThat(state.supervised()).isFalse();
        assertThat(state.supervisor()).isNull();
        assertThat(state.acceptanceEvidence()).as("never accepted: no evidence, not an empty list").isNull();
        assertThat(state.open()).isTrue();
        assertThat(state.overdueOn(TODAY)).isTrue();
        assertThat(state.overdueOn(LocalDate.of(2026, 11, 30))).isFalse();
    }

    @Test
    void shouldNeverCallAProblemWithoutDeadlineOverdue() {
        Map<String, Object> item = rectifying();
        item.remove("deadline");

        assertThat(state(item).overdueOn(TODAY)).isFalse();
    }

    @Test
    void shouldStartAnAssignmentFromSortedSupportingUnits() {
        assertThat(state(rectifying()).assignment())
                .containsEntry("supportingUnits", List.of("ENVIRONMENT", "POLICE"))
                .containsEntry("supervised", false)
                .containsEntry("status", "RECTIFYING");
    }

    @Test
    void shouldWriteOnlyWhatAnAssignmentChanges() {
        Patch patch = Patch.of(state(rectifying()).assignment())
                .set("leadUnit", ArgumentValue.ofNullable("EMERGENCY"))
                .set("supportingUnits", ArgumentValue.ofNullable(List.of("POLICE", "ENVIRONMENT")))
                .set("measures", ArgumentValue.ofNullable((String) null))
                .set("responsiblePerson", ArgumentValue.ofNullable("p-12"))
                .set("deadline", ArgumentValue.<LocalDate>omitted());

        AssignmentChange change = AssignmentChange.of(patch);

        assertThat(change.setLead()).as("the same lead unit again").isFalse();
        assertThat(change.setSupporting()).as("the same units in another order").isFalse();
        assertThat(change.setPerson()).isTrue();
        assertThat(change.person()).isEqualTo("p-12");
        assertThat(change.setSupervising()).isFalse();
        assertThat(change.properties()).as("measures cleared, nothing else of the problem's own").hasSize(1)
                .containsEntry("measures", null);
        assertThat(change.parameters("issue-7")).containsEntry("id", "issue-7").containsEntry("setPerson", true)
                .containsEntry("setLead", false);
    }

    @Test
    void shouldWriteTheStatusAnAssignmentDerives() {
        Map<String, Object> item = rectifying();
        item.put("status", "PENDING_ASSIGNMENT");
        item.put("leadUnit", null);
        Patch patch = Patch.of(state(item).assignment()).set("leadUnit", ArgumentValue.ofNullable("POLICE"))
                .derive("status", "RECTIFYING");

        AssignmentChange change = AssignmentChange.of(patch);

        assertThat(change.setLead()).isTrue();
        assertThat(change.lead()).isEqualTo("POLICE");
        assertThat(change.properties()).containsExactlyEntriesOf(Map.of("status", "RECTIFYING"));
    }

    @Test
    void shouldRecordWhatClosingAProblemChanges() {
        AcceptanceInput acceptance = new AcceptanceInput("区应急局", LocalDate.of(2026, 12, 1), List.of("验收报告", "现场照片"));

        List<FieldChange> changes = Ledger.transitionChanges(state(rectifying()), IssueStatus.CLOSED, TODAY, acceptance, null);

        assertThat(changes).containsExactly(
                new FieldChange("acceptanceEvidence", null, "验收报告, 现场照片"),
                new FieldChange("acceptedBy", null, "区应急局"),
                new FieldChange("acceptedOn", null, "2026-12-01"),
                new FieldChange("closedOn", null, "2026-12-02"),
                new FieldChange("status", "RECTIFYING", "CLOSED"));
    }

    @Test
    void shouldRecordARejectedAcceptanceAsStatusAndNoteOnly() {
        Map<String, Object> item = rectifying();
        item.put("status", "ACCEPTANCE_REQUESTED");
        item.put("lastNote", "earlier note, not a field of the change");

        List<FieldChange> changes = Ledger.transitionChanges(state(item), IssueStatus.RECTIFYING, TODAY, null, "整改不到位");

        assertThat(changes).containsExactly(new FieldChange("note", null, "整改不到位"),
                new FieldChange("status", "ACCEPTANCE_REQUESTED", "RECTIFYING"));
    }

    @Test
    void shouldRecordAnOutcomeAndTheStatusOnlyWhenItChanges() {
        RecordOutcomeInput penalty = new RecordOutcomeInput("issue-7", OutcomeCode.PENALTY, LocalDate.of(2026, 11, 3),
                null, 50_000.0, "应急罚〔2026〕12号", null, 4);
        RecordOutcomeInput closure = new RecordOutcomeInput("issue-7", OutcomeCode.CLOSURE, LocalDate.of(2026, 11, 20),
                "区政府", null, null, null, 4);

        assertThat(Ledger.outcomeChanges(state(rectifying()), IssueStatus.RECTIFYING, penalty))
                .containsExactly(new FieldChange("outcome.PENALTY", null, "2026-11-03 / 50000.0 元 / 应急罚〔2026〕12号"));
        assertThat(Ledger.outcomeChanges(state(rectifying()), IssueStatus.SHUT_DOWN, closure)).containsExactly(
                new FieldChange("outcome.CLOSURE", null, "2026-11-20 / 区政府"),
                new FieldChange("status", "RECTIFYING", "SHUT_DOWN"));
    }
}
