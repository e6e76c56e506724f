package cn.changjiang.mining.ledger;

import cn.changjiang.mining.security.ReadPolicy;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.ledger.LedgerSheet.Column;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * The ledger as spreadsheet rows, filtered, in the same columns the import reads, each with the problem's version so
 * that a re-import of the file can tell a row that changed in the ledger since (a conflict).
 */
@Component
class LedgerExport {

    private static final Map<String, String> STATUS_LABELS = Map.of("PENDING_ASSIGNMENT", "待交办", "RECTIFYING", "整改中",
            "ACCEPTANCE_REQUESTED", "申请验收", "CARRIED_OVER", "继续挂账", "CLOSED", "已销号", "SHUT_DOWN", "依法关闭");
    private static final Map<String, String> SEVERITY_LABELS = Map.of("GENERAL", "一般", "SERIOUS", "较重", "MAJOR", "重大");

    private final CypherRunner graph;

    LedgerExport(CypherRunner graph) {
        this.graph = graph;
    }

    /** The rows of the problems the filter covers, of those whose details the reader may read. */
    List<Map<Column, String>> rows(IssueFilter filter, String readerUnit) {
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
                } AS item ORDER BY i.foundOn, i.id""".formatted(IssueFilter.WHERE, ReadPolicy.PROBLEM_DETAILS_READABLE),
                filter.parameters(readerUnit), LedgerExport::row);
    }

    private static Map<Column, String> row(Value v) {
        Map<Column, String> row = new EnumMap<>(Column.class);
        row.put(Column.LEDGER_NUMBER, v.get("ledgerNumber").asString(""));
        row.put(Column.MINE, v.get("mine").asString(""));
        row.put(Column.LICENCE_NUMBER, v.get("licenceNumber").asString(""));
        row.put(Column.VIOLATION_TYPES, String.join("、", v.get("violationTypes").asList(Value::asString)));
        row.put(Column.SOURCE, v.get("source").asString(""));
        row.put(Column.FOUND_ON, text(v.get("foundOn")));
        row.put(Column.DESCRIPTION, v.get("description").asString(""));
        row.put(Column.SEVERITY, SEVERITY_LABELS.getOrDefault(v.get("severity").asString(""), ""));
        row.put(Column.MEASURES, v.get("measures").asString(""));
        row.put(Column.DEADLINE, text(v.get("deadline")));
        row.put(Column.LEAD_UNIT, v.get("leadUnit").asString(""));
        row.put(Column.SUPPORTING_UNITS, String.join("、", v.get("supportingUnits").asList(Value::asString)));
        row.put(Column.RESPONSIBLE_PERSON, v.get("responsiblePerson").asString(""));
        row.put(Column.STATUS, STATUS_LABELS.getOrDefault(v.get("status").asString(""), ""));
        row.put(Column.CLOSED_ON, text(v.get("closedOn")));
        row.put(Column.VERSION, String.valueOf(v.get("version").asInt()));
        return row;
    }

    private static String text(Value date) {
        return date.isNull() ? "" : date.asLocalDate().toString();
    }
}
