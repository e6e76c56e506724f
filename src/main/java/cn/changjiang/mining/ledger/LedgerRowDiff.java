package cn.changjiang.mining.ledger;

import cn.changjiang.mining.common.IssueStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.changjiang.mining.audit.AuditTrail.FieldChange;
import cn.changjiang.mining.ledger.LedgerSheet.Column;

/**
 * How a re-imported row differs from the problem it names, and so what becomes of it. Pure, so that the rules are
 * tested without a database: values on both sides are text as stored (codes, ids, ISO dates, lists sorted and joined
 * by 、), a column the file does not have is absent from {@code given}, and an empty cell is null.
 */
final class LedgerRowDiff {

    /** What an import does with a row. */
    enum Outcome { NEW, UNCHANGED, CHANGED, REFUSED }

    /**
     * Columns no mutation changes once a problem is reported: a file may repeat them, or leave them empty, but a
     * different value is refused rather than dropped (a new finding is a new problem).
     */
    static final Set<Column> FIXED = EnumSet.of(Column.MINE, Column.VIOLATION_TYPES, Column.SOURCE, Column.FOUND_ON,
            Column.DESCRIPTION, Column.SEVERITY);
    /** Columns the assignment mutation changes; an empty cell clears them, as an explicit null does there. */
    static final Set<Column> ASSIGNED = EnumSet.of(Column.LEAD_UNIT, Column.SUPPORTING_UNITS, Column.RESPONSIBLE_PERSON,
            Column.MEASURES, Column.DEADLINE);

    /**
     * The differences, with the first column that may not change (null if none) and whether the row was exported
     * from an older version of the problem than the ledger holds now.
     */
    record Diff(List<FieldChange> changes, Column fixed, boolean stale) {
        Outcome outcome() {
            return changes.isEmpty() ? Outcome.UNCHANGED : stale || fixed != null ? Outcome.REFUSED : Outcome.CHANGED;
        }

        boolean changes(Column column) {
            return changes.stream().anyMatch(c -> c.field().equals(column.header));
        }
    }

    private LedgerRowDiff() {
    }

    /**
     * The row against the problem. An empty status is no change (a problem always has one); 销号日期 follows from
     * the workflow, which dates a finished problem today, so a different one is refused like a fixed column. A
     * version that is not the problem's makes a row that changes anything stale; one that changes nothing is simply
     * unchanged.
     */
    static Diff diff(Map<Column, String> given, Map<Column, String> current, Integer givenVersion, int currentVersion,
                     LocalDate today) {
        List<FieldChange> changes = new ArrayList<>();
        Column fixed = null;
        for (Column column : FIXED) {
            if (given.get(column) != null && !Objects.equals(given.get(column), current.get(column))) {
                changes.add(new FieldChange(column.header, current.get(column), given.get(column)));
                fixed = fixed == null ? column : fixed;
            }
        }
        for (Column column : ASSIGNED) {
            if (given.containsKey(column) && !Objects.equals(given.get(column), current.get(column))) {
                changes.add(new FieldChange(column.header, current.get(column), given.get(column)));
            }
        }
        String status = given.get(Column.STATUS) == null ? current.get(Column.STATUS) : given.get(Column.STATUS);
        if (!Objects.equals(status, current.get(Column.STATUS))) {
            changes.add(new FieldChange(Column.STATUS.header, current.get(Column.STATUS), status));
        }
        String closedOn = Objects.equals(status, current.get(Column.STATUS)) || !IssueStatus.finished(status)
                ? current.get(Column.CLOSED_ON) : today.toString();
        if (given.get(Column.CLOSED_ON) != null && !given.get(Column.CLOSED_ON).equals(closedOn)) {
            changes.add(new FieldChange(Column.CLOSED_ON.header, closedOn, given.get(Column.CLOSED_ON)));
            fixed = fixed == null ? Column.CLOSED_ON : fixed;
        }
        boolean stale = givenVersion != null && givenVersion != currentVersion;
        return new Diff(List.copyOf(changes), fixed, stale);
    }
}
