package cn.changjiang.mining.ledger;

import java.time.LocalDate;
import java.util.List;

import cn.changjiang.mining.common.IssueStatus;
import cn.changjiang.mining.plan.Unit;
import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.bool;
import static cn.changjiang.mining.graph.Read.date;
import static cn.changjiang.mining.graph.Read.integer;
import static cn.changjiang.mining.graph.Read.string;
import static cn.changjiang.mining.graph.Read.strings;

/** A problem in the ledger (问题台账). */
public record Issue(String id, String title, String description, String measures, IssueStatus status, Severity severity,
                    LocalDate foundOn, LocalDate deadline, LocalDate closedOn, boolean synthetic, int version,
                    boolean supervised, String supervisor, List<String> evidence, Acceptance acceptance) {

    public static Issue from(Value v) {
        Acceptance acceptance = v.get("acceptedBy").isNull() ? null
                : new Acceptance(string(v, "acceptedBy"), date(v, "acceptedOn"), strings(v, "acceptanceEvidence"));
        return new Issue(string(v, "id"), string(v, "title"), string(v, "description"), string(v, "measures"),
                status(string(v, "status")), severity(string(v, "severity")), date(v, "foundOn"), date(v, "deadline"),
                date(v, "closedOn"), bool(v, "synthetic"), integer(v, "version"), bool(v, "supervised"),
                string(v, "supervisor"), strings(v, "evidence"), acceptance);
    }

    private static IssueStatus status(String code) {
        return code == null ? null : IssueStatus.valueOf(code);
    }

    private static Severity severity(String code) {
        return code == null ? null : Severity.valueOf(code);
    }

    public boolean open() {
        return status.open();
    }

    public boolean overdueOn(LocalDate today) {
        return open() && deadline != null && deadline.isBefore(today);
    }

    public record Assignment(Unit unit, AssignmentRole role) {
        static Assignment from(Value v) {
            return new Assignment(Unit.from(v.get("unit")), AssignmentRole.valueOf(string(v, "role")));
        }
    }

    public record Acceptance(String acceptedBy, LocalDate acceptedOn, List<String> evidence) {
    }
}
