package cn.changjiang.mining.ledger;

import java.time.LocalDate;
import java.util.List;

/** Inputs and payloads of the ledger's mutations, as the schema names them. */
final class LedgerInputs {

    private LedgerInputs() {
    }

    record ReportIssueInput(String mineId, List<String> violationTypeCodes, String source, LocalDate foundOn,
                            String description, String title, String severity, List<String> evidence) {
    }

    record AssignIssueInput(String issueId, String leadUnit, List<String> supportingUnits, String responsiblePersonId,
                            String supervisingUnit, String measures, LocalDate deadline, Boolean supervised,
                            String supervisor, Integer version) {
    }

    record SuperviseIssueInput(String issueId, boolean supervised, String supervisor, Integer version) {
    }

    record AcceptanceInput(String acceptedBy, LocalDate acceptedOn, List<String> evidence) {
    }

    record TransitionIssueInput(String issueId, String to, Integer version, AcceptanceInput acceptance, String note) {
    }

    record RecordOutcomeInput(String issueId, String outcome, LocalDate on, String where, Double amount,
                              String decisionNumber, String note, Integer version) {
    }

    record IssuePayload(Issue issue) {
    }
}
