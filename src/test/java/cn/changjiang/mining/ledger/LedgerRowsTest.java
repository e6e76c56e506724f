package cn.changjiang.mining.ledger;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.ledger.LedgerExport.ExportedIssue;
import cn.changjiang.mining.ledger.LedgerRowDiff.Outcome;
import cn.changjiang.mining.ledger.LedgerSheet.Column;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;

import static org.assertj.core.api.Assertions.assertThat;

/** A problem as the export writes it and as a re-import compares a row with it, without a database. */
class LedgerRowsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void shouldExportEmptyCellsForWhatAProblemLacksAndTheSheetsWords() {
        Map<String, Object> item = new HashMap<>();
        item.put("ledgerNumber", "TZ-2026-007");
        item.put("mine", "红岩采石场");
        item.put("licenceNumber", null);
        item.put("violationTypes", List.of("T1.02", "T3.01"));
        item.put("source", "排查");
        item.put("foundOn", LocalDate.of(2026, 5, 20));
        item.put("severity", "SERIOUS");
        item.put("supportingUnits", List.of());
        item.put("status", "CARRIED_OVER");
        item.put("version", 3L);

        Map<Column, String> row = ExportedIssue.from(Values.value(item)).row();

        assertThat(row).containsOnlyKeys(Column.values());
        assertThat(row.get(Column.LICENCE_NUMBER)).isEmpty();
        assertThat(row.get(Column.VIOLATION_TYPES)).isEqualTo("T1.02、T3.01");
        assertThat(row.get(Column.FOUND_ON)).isEqualTo("2026-05-20");
        assertThat(row.get(Column.DEADLINE)).isEmpty();
        assertThat(row.get(Column.SEVERITY)).isEqualTo("较重");
        assertThat(row.get(Column.SUPPORTING_UNITS)).isEmpty();
        assertThat(row.get(Column.STATUS)).isEqualTo("继续挂账");
        assertThat(row.get(Column.CLOSED_ON)).isEmpty();
        assertThat(row.get(Column.VERSION)).isEqualTo("3");
    }

    private static StoredIssue stored(List<String> supporting) {
        Map<String, Object> item = new HashMap<>();
        item.put("id", "issue-7");
        item.put("version", 5L);
        item.put("mine", "demo-mine-04");
        item.put("violationTypes", List.of("T3.01", "T1.02"));
        item.put("source", "ANTI_GANG");
        item.put("foundOn", LocalDate.of(2023, 5, 22));
        item.put("description", "民爆物品违规储存");
        item.put("severity", "MAJOR");
        item.put("leadUnit", "POLICE");
        item.put("supportingUnits", supporting);
        item.put("status", "RECTIFYING");
        return StoredIssue.from(Values.value(item));
    }

    @Test
    void shouldCompareAStoredProblemAsCodesIdsAndSortedLists() {
        Map<Column, String> columns = stored(List.of("EMERGENCY", "ENVIRONMENT")).columns();

        assertThat(columns).containsEntry(Column.SOURCE, "ANTI_GANG").containsEntry(Column.SEVERITY, "MAJOR")
                .containsEntry(Column.VIOLATION_TYPES, "T1.02、T3.01").containsEntry(Column.FOUND_ON, "2023-05-22")
                .containsEntry(Column.MEASURES, null).containsEntry(Column.CLOSED_ON, null);
        assertThat(stored(List.of()).columns()).as("no supporting units is an empty cell").containsEntry(Column.SUPPORTING_UNITS, null);
    }

    @Test
    void shouldFindARowUnchangedWhateverOrderTheLedgerHoldsSupportingUnitsIn() {
        Map<Column, String> given = new EnumMap<>(Column.class);
        given.put(Column.MINE, "demo-mine-04");
        given.put(Column.SUPPORTING_UNITS, "EMERGENCY、ENVIRONMENT");
        given.put(Column.LEAD_UNIT, "POLICE");
        StoredIssue current = stored(List.of("ENVIRONMENT", "EMERGENCY"));

        LedgerRowDiff.Diff diff = LedgerRowDiff.diff(given, current.columns(), 5, current.version(), TODAY);

        assertThat(diff.outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void shouldFindARowOfAnOlderVersionThatChangesTheLeadStale() {
        Map<Column, String> given = new EnumMap<>(Column.class);
        given.put(Column.LEAD_UNIT, "EMERGENCY");
        StoredIssue current = stored(List.of());

        LedgerRowDiff.Diff diff = LedgerRowDiff.diff(given, current.columns(), 4, current.version(), TODAY);

        assertThat(diff.stale()).isTrue();
        assertThat(diff.outcome()).isEqualTo(Outcome.REFUSED);
    }
}
