package cn.changjiang.mining.ledger;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.IssueStatus;
import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.bool;
import static cn.changjiang.mining.graph.Read.date;
import static cn.changjiang.mining.graph.Read.integer;
import static cn.changjiang.mining.graph.Read.string;
import static cn.changjiang.mining.graph.Read.strings;

/**
 * A problem as read under its write lock ({@link LedgerWrites#lockAndRead}): what the ledger's checks and change
 * records start from. Units and the person are ids; {@code acceptanceEvidence} is null while never accepted;
 * {@code district} is where it lies (for the scope check of the write).
 */
record IssueState(String id, IssueStatus status, int version, LocalDate foundOn, String leadUnit, List<String> supportingUnits,
                  String supervisingUnit, String responsiblePerson, String measures, LocalDate deadline,
                  boolean supervised, String supervisor, LocalDate closedOn, String acceptedBy, LocalDate acceptedOn,
                  List<String> acceptanceEvidence, String district) {

    static IssueState from(Value v) {
        return new IssueState(string(v, "id"),
                v.get("status").isNull() ? null : IssueStatus.valueOf(string(v, "status")), integer(v, "version"), date(v, "foundOn"),
                string(v, "leadUnit"), strings(v, "supportingUnits"), string(v, "supervisingUnit"),
                string(v, "responsiblePerson"), string(v, "measures"), date(v, "deadline"), bool(v, "supervised"),
                string(v, "supervisor"), date(v, "closedOn"), string(v, "acceptedBy"), date(v, "acceptedOn"),
                v.get("acceptanceEvidence").isNull() ? null : strings(v, "acceptanceEvidence"), string(v, "district"));
    }

    /** The units rectifying the problem: the lead (when there is one) and the supporting units. */
    List<String> assignedUnits() {
        List<String> units = new java.util.ArrayList<>(supportingUnits);
        if (leadUnit != null) {
            units.addFirst(leadUnit);
        }
        return units;
    }

    boolean open() {
        return status != null && status.open();
    }

    /** Past its deadline on the day: a problem without a deadline never is. */
    boolean overdueOn(LocalDate today) {
        return deadline != null && deadline.isBefore(today);
    }

    /** The assignment fields, as a {@link cn.changjiang.mining.common.Patch} starts from them (supporting units sorted). */
    Map<String, Object> assignment() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("leadUnit", leadUnit);
        fields.put("supportingUnits", supportingUnits.stream().sorted().toList());
        fields.put("supervisingUnit", supervisingUnit);
        fields.put("responsiblePerson", responsiblePerson);
        fields.put("measures", measures);
        fields.put("deadline", deadline);
        fields.put("supervised", supervised);
        fields.put("supervisor", supervisor);
        fields.put("status", status == null ? null : status.name());
        return fields;
    }

    /** The fields a transition or an outcome may change, as their change record shows them before. */
    Map<String, Object> workflow() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", status == null ? null : status.name());
        fields.put("closedOn", closedOn);
        fields.put("acceptedBy", acceptedBy);
        fields.put("acceptedOn", acceptedOn);
        fields.put("acceptanceEvidence", acceptanceEvidence);
        return fields;
    }
}
