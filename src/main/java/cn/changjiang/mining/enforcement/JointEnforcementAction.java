package cn.changjiang.mining.enforcement;

import java.time.LocalDate;
import java.util.List;

import org.neo4j.driver.Value;
import org.springframework.graphql.data.ArgumentValue;

import static cn.changjiang.mining.graph.Read.constant;
import static cn.changjiang.mining.graph.Read.date;
import static cn.changjiang.mining.graph.Read.string;
import static cn.changjiang.mining.graph.Read.strings;

/** A joint enforcement action (联合执法) organised for one mine. */
public record JointEnforcementAction(String id, JointEnforcementStatus status, LocalDate plannedOn, String openedAt,
                                     LocalDate inspectedOn, String findings, Double penaltyAmount,
                                     List<String> penaltyDecisions, Integer casesTransferred, Boolean mineClosed,
                                     String closedAt, String summary) {

    static JointEnforcementAction from(Value v) {
        return new JointEnforcementAction(string(v, "id"), constant(v, "status", JointEnforcementStatus.class), date(v, "plannedOn"),
                text(v.get("openedAt")), date(v, "inspectedOn"), string(v, "findings"),
                v.get("penaltyAmount").isNull() ? null : v.get("penaltyAmount").asDouble(),
                strings(v, "penaltyDecisions"),
                v.get("casesTransferred").isNull() ? null : v.get("casesTransferred").asInt(),
                v.get("mineClosed").isNull() ? null : v.get("mineClosed").asBoolean(),
                text(v.get("closedAt")), string(v, "summary"));
    }

    private static String text(Value dateTime) {
        return dateTime.isNull() ? null : dateTime.asZonedDateTime().toOffsetDateTime().toString();
    }

    record OpenInput(String mineId, String leadUnitId, List<String> participatingUnitIds, List<String> issueIds,
                     LocalDate plannedOn) {
    }

    /** A result; recorded again, an optional field left out keeps what the last record said, null clears it. */
    record ResultInput(String actionId, LocalDate inspectedOn, String findings, ArgumentValue<Double> penaltyAmount,
                       ArgumentValue<List<String>> penaltyDecisions, ArgumentValue<Integer> casesTransferred,
                       ArgumentValue<Boolean> mineClosed) {
    }

    /** Closing an action; a summary left out keeps any summary it has. */
    record CloseInput(String actionId, ArgumentValue<String> summary) {
    }

    record Payload(JointEnforcementAction action) {
    }
}
