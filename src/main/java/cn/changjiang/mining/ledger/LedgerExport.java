package cn.changjiang.mining.ledger;

import cn.changjiang.mining.security.ReadPolicy;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.ledger.LedgerSheet.Column;
import cn.changjiang.mining.plan.Scope;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

import static cn.changjiang.mining.graph.Read.date;
import static cn.changjiang.mining.graph.Read.integer;
import static cn.changjiang.mining.graph.Read.string;
import static cn.changjiang.mining.graph.Read.strings;

/**
 * The ledger as spreadsheet rows, filtered, in the same columns the import reads, each with the problem's version so
 * that a re-import of the file can tell a row that changed in the ledger since (a conflict).
 */
@Component
class LedgerExport {

    private static final Map<String, String> STATUS_LABELS = Map.of("PENDING_ASSIGNMENT", "待交办", "RECTIFYING", "整改中",
            "ACCEPTANCE_REQUESTED", "申请验收", "CARRIED_OVER", "继续挂账", "CLOSED", "已销号", "SHUT_DOWN", "依法关闭");

    private final CypherRunner graph;

    LedgerExport(CypherRunner graph) {
        this.graph = graph;
    }

    /** The rows of the problems the filter covers in the scope, of those whose details the reader may read. */
    List<Map<Column, String>> rows(IssueFilter filter, String readerUnit, Scope scope, LocalDate today) {
        return graph.list("""
                MATCH (i:Issue)-[:AT]->(m:Mine)
                WHERE %s AND %s
                RETURN {
                  ledgerNumber: coalesce(i.ledgerNumber, i.id), mine: m.name, licenceNumber: m.licenceNumber,
                  violationTypes: [(i)-[r:OF_TYPE]->(v:ViolationType) | v.code],
                  source: [(i)-[:FOUND_BY]->(s:ProblemSource) | s.name][0],
                  foundOn: i.foundOn, description: i.description, severity: i.severity, measures: i.measures,
                  deadline: i.deadline,
                  leadUnit: [(i)-[:ASSIGNED_TO {role: 'LEAD'}]->(u:Unit) | u.name][0],
                  supportingUnits: [(i)-[:ASSIGNED_TO {role: 'SUPPORTING'}]->(u:Unit) | u.name],
                  responsiblePerson: [(i)-[:RESPONSIBLE_PERSON]->(p:Person) | p.id][0],
                  status: i.status, closedOn: i.closedOn, version: coalesce(i.version, 0)
                } AS item ORDER BY i.foundOn, i.id""".formatted(filter.condition(), ReadPolicy.PROBLEM_DETAILS_READABLE),
                filter.parameters(readerUnit, scope, today), v -> ExportedIssue.from(v).row());
    }

    /** One problem as the export reads it: names of mine and units, codes of types, person id. */
    record ExportedIssue(String ledgerNumber, String mine, String licenceNumber, List<String> violationTypes,
                         String source, LocalDate foundOn, String description, Severity severity, String measures,
                         LocalDate deadline, String leadUnit, List<String> supportingUnits, String responsiblePerson,
                         String status, LocalDate closedOn, int version) {

        static ExportedIssue from(Value v) {
            return new ExportedIssue(string(v, "ledgerNumber"), string(v, "mine"), string(v, "licenceNumber"),
                    strings(v, "violationTypes"), string(v, "source"), date(v, "foundOn"), string(v, "description"),
                    v.get("severity").isNull() ? null : Severity.valueOf(v.get("severity").asString()),
                    string(v, "measures"), date(v, "deadline"), string(v, "leadUnit"), strings(v, "supportingUnits"),
                    string(v, "responsiblePerson"), string(v, "status"), date(v, "closedOn"), integer(v, "version"));
        }

        /** The sheet's row: every cell text, empty where there is nothing, severity and status in the sheet's words. */
        Map<Column, String> row() {
            Map<Column, String> row = new EnumMap<>(Column.class);
            row.put(Column.LEDGER_NUMBER, orEmpty(ledgerNumber));
            row.put(Column.MINE, orEmpty(mine));
            row.put(Column.LICENCE_NUMBER, orEmpty(licenceNumber));
            row.put(Column.VIOLATION_TYPES, String.join("、", violationTypes));
            row.put(Column.SOURCE, orEmpty(source));
            row.put(Column.FOUND_ON, text(foundOn));
            row.put(Column.DESCRIPTION, orEmpty(description));
            row.put(Column.SEVERITY, severity == null ? "" : severity.label);
            row.put(Column.MEASURES, orEmpty(measures));
            row.put(Column.DEADLINE, text(deadline));
            row.put(Column.LEAD_UNIT, orEmpty(leadUnit));
            row.put(Column.SUPPORTING_UNITS, String.join("、", supportingUnits));
            row.put(Column.RESPONSIBLE_PERSON, orEmpty(responsiblePerson));
            row.put(Column.STATUS, STATUS_LABELS.getOrDefault(orEmpty(status), ""));
            row.put(Column.CLOSED_ON, text(closedOn));
            row.put(Column.VERSION, String.valueOf(version));
            return row;
        }

        private static String orEmpty(String text) {
            return text == null ? "" : text;
        }

        private static String text(LocalDate date) {
            return date == null ? "" : date.toString();
        }
    }
}
