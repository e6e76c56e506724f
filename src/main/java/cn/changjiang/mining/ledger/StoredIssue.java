package cn.changjiang.mining.ledger;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.ledger.LedgerSheet.Column;
import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.date;
import static cn.changjiang.mining.graph.Read.integer;
import static cn.changjiang.mining.graph.Read.string;
import static cn.changjiang.mining.graph.Read.strings;

/**
 * A problem already in the ledger as a re-import compares a row with it: ids of mine, units and person, codes of
 * types and source.
 */
record StoredIssue(String id, int version, String mine, List<String> violationTypes, ProblemSourceCode source,
                   LocalDate foundOn, String description, Severity severity, String measures, LocalDate deadline,
                   String leadUnit, List<String> supportingUnits, String responsiblePerson, String status,
                   LocalDate closedOn) {

    static StoredIssue from(Value v) {
        return new StoredIssue(string(v, "id"), integer(v, "version"), string(v, "mine"), strings(v, "violationTypes"),
                v.get("source").isNull() ? null : ProblemSourceCode.valueOf(v.get("source").asString()),
                date(v, "foundOn"), string(v, "description"),
                v.get("severity").isNull() ? null : Severity.valueOf(v.get("severity").asString()),
                string(v, "measures"), date(v, "deadline"), string(v, "leadUnit"), strings(v, "supportingUnits"),
                string(v, "responsiblePerson"), string(v, "status"), date(v, "closedOn"));
    }

    /**
     * The problem in the form of {@link LedgerRowDiff}: text as stored, lists sorted and joined by 、, and null where
     * there is nothing (an empty list too).
     */
    Map<Column, String> columns() {
        Map<Column, String> stored = new EnumMap<>(Column.class);
        stored.put(Column.MINE, mine);
        stored.put(Column.VIOLATION_TYPES, joined(violationTypes));
        stored.put(Column.SOURCE, source == null ? null : source.name());
        stored.put(Column.FOUND_ON, text(foundOn));
        stored.put(Column.DESCRIPTION, description);
        stored.put(Column.SEVERITY, severity == null ? null : severity.name());
        stored.put(Column.MEASURES, measures);
        stored.put(Column.DEADLINE, text(deadline));
        stored.put(Column.LEAD_UNIT, leadUnit);
        stored.put(Column.SUPPORTING_UNITS, joined(supportingUnits));
        stored.put(Column.RESPONSIBLE_PERSON, responsiblePerson);
        stored.put(Column.STATUS, status);
        stored.put(Column.CLOSED_ON, text(closedOn));
        return stored;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String joined(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join("、", values.stream().sorted().toList());
    }
}
