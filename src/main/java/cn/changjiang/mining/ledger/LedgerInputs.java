package cn.changjiang.mining.ledger;

import java.time.LocalDate;
import java.util.List;

import cn.changjiang.mining.common.IssueStatus;
import org.springframework.graphql.data.ArgumentValue;

/** Inputs and payloads of the ledger's mutations, as the schema names them. */
final class LedgerInputs {

    private LedgerInputs() {
    }

    record ReportIssueInput(String mineId, List<String> violationTypeCodes, ProblemSourceCode source,
                            LocalDate foundOn, String description, String title, Severity severity, List<String> evidence) {
    }

    /**
     * A partial update of a problem's assignment: a field left out stays as it is, a field given as null is cleared
     * (where clearing is allowed), so a call changes exactly what it names.
     */
    record AssignIssueInput(String issueId, ArgumentValue<String> leadUnit, ArgumentValue<List<String>> supportingUnits,
                            ArgumentValue<String> responsiblePersonId, ArgumentValue<String> supervisingUnit,
                            ArgumentValue<String> measures, ArgumentValue<LocalDate> deadline,
                            ArgumentValue<Boolean> supervised, ArgumentValue<String> supervisor, Integer version) {
    }

    /** 挂牌督办 on or off; a supervisor left out stays as it is. */
    record SuperviseIssueInput(String issueId, boolean supervised, ArgumentValue<String> supervisor, Integer version) {
    }

    record AcceptanceInput(String acceptedBy, LocalDate acceptedOn, List<String> evidence) {
    }

    record TransitionIssueInput(String issueId, IssueStatus to, Integer version, AcceptanceInput acceptance, String note) {
    }

    record RecordOutcomeInput(String issueId, OutcomeCode outcome, LocalDate on, String where, Double amount,
                              String decisionNumber, String note, Integer version) {
    }

    record IssuePayload(Issue issue) {
    }
}
