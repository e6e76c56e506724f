package cn.changjiang.mining.ledger;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import cn.changjiang.mining.audit.AuditTrail.FieldChange;
import cn.changjiang.mining.ledger.LedgerRowDiff.Diff;
import cn.changjiang.mining.ledger.LedgerRowDiff.Outcome;
import cn.changjiang.mining.ledger.LedgerSheet.Column;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a re-imported row, without a database. */
class LedgerRowDiffTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static Map<Column, String> stored() {
        Map<Column, String> row = new EnumMap<>(Column.class);
        row.put(Column.MINE, "demo-mine-04");
        row.put(Column.VIOLATION_TYPES, "T3.01");
        row.put(Column.SOURCE, "ANTI_GANG");
        row.put(Column.FOUND_ON, "2023-05-22");
        row.put(Column.DESCRIPTION, "民爆物品违规储存");
        row.put(Column.SEVERITY, "MAJOR");
        row.put(Column.MEASURES, "收缴民爆物品");
        row.put(Column.DEADLINE, "2027-01-31");
        row.put(Column.LEAD_UNIT, "POLICE");
        row.put(Column.SUPPORTING_UNITS, null);
        row.put(Column.RESPONSIBLE_PERSON, null);
        row.put(Column.STATUS, "RECTIFYING");
        row.put(Column.CLOSED_ON, null);
        return row;
    }

    @Test
    void shouldFindTheSameRowUnchangedWhateverItsVersion() {
        assertThat(LedgerRowDiff.diff(stored(), stored(), null, 3, TODAY).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(LedgerRowDiff.diff(stored(), stored(), 1, 3, TODAY).outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void shouldListEachChangedFieldFromTheLedgerToTheFile() {
        Map<Column, String> given = stored();
        given.put(Column.LEAD_UNIT, "ECOLOGY");
        given.put(Column.MEASURES, null);
        given.put(Column.STATUS, "ACCEPTANCE_REQUESTED");
        Diff diff = LedgerRowDiff.diff(given, stored(), 3, 3, TODAY);
        assertThat(diff.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(diff.changes()).containsExactlyInAnyOrder(new FieldChange("责任单位", "POLICE", "ECOLOGY"),
                new FieldChange("整改措施", "收缴民爆物品", null), new FieldChange("状态", "RECTIFYING", "ACCEPTANCE_REQUESTED"));
    }

    @Test
    void shouldLeaveAColumnTheFileLacksOrAnEmptyFixedOrStatusCellAsItIs() {
        Map<Column, String> given = stored();
        given.remove(Column.MEASURES);
        given.put(Column.DESCRIPTION, null);
        given.put(Column.SEVERITY, null);
        given.put(Column.STATUS, null);
        assertThat(LedgerRowDiff.diff(given, stored(), null, 3, TODAY).outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void shouldRefuseAChangeToWhatWasFoundAndAStaleRow() {
        Map<Column, String> given = stored();
        given.put(Column.DESCRIPTION, "另一个问题");
        Diff fixed = LedgerRowDiff.diff(given, stored(), null, 3, TODAY);
        assertThat(fixed.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(fixed.fixed()).isEqualTo(Column.DESCRIPTION);

        Map<Column, String> measures = stored();
        measures.put(Column.MEASURES, "新措施");
        Diff stale = LedgerRowDiff.diff(measures, stored(), 2, 3, TODAY);
        assertThat(stale.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(stale.stale()).isTrue();
    }

    @Test
    void shouldDateAClosingTodayAndRefuseAnyOtherClosingDate() {
        Map<Column, String> given = stored();
        given.put(Column.STATUS, "SHUT_DOWN");
        given.put(Column.CLOSED_ON, TODAY.toString());
        assertThat(LedgerRowDiff.diff(given, stored(), null, 3, TODAY).outcome()).isEqualTo(Outcome.CHANGED);
        given.put(Column.CLOSED_ON, "2024-01-01");
        Diff other = LedgerRowDiff.diff(given, stored(), null, 3, TODAY);
        assertThat(other.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(other.fixed()).isEqualTo(Column.CLOSED_ON);
    }
}
