package cn.changjiang.mining.requirement;

import java.time.LocalDate;

import cn.changjiang.mining.plan.Unit;
import org.neo4j.driver.Value;
import org.springframework.graphql.data.ArgumentValue;

import static cn.changjiang.mining.graph.Read.date;
import static cn.changjiang.mining.graph.Read.integer;
import static cn.changjiang.mining.graph.Read.string;

/**
 * A dated obligation of the plan that the ledger can check: units owe an act (报送排查结果) to a party (the working
 * group office) by a date. Whether and when each unit met it is recorded by the office ({@code recordObligationMet}).
 */
public record Obligation(String id, String clause, int order, String text, String textEn, String quote, LocalDate dueOn) {

    static Obligation from(Value v) {
        return new Obligation(string(v, "id"), string(v, "clause"), integer(v, "order"), string(v, "text"),
                string(v, "textEn"), string(v, "quote"), date(v, "dueOn"));
    }

    /** One debtor of an obligation and where it stands: met on a date (late or not), due, or overdue. */
    public record Standing(Unit unit, ObligationStatus status, LocalDate metOn, boolean late, String note) {
        /** From {unit, dueOn, metOn, note}. */
        static Standing on(Value v, LocalDate today) {
            return of(Unit.from(v.get("unit")), date(v, "dueOn"), date(v, "metOn"), string(v, "note"), today);
        }

        /** Met if a date is recorded (late if after the due day), else due until its day and overdue after. */
        static Standing of(Unit unit, LocalDate dueOn, LocalDate metOn, String note, LocalDate today) {
            ObligationStatus status = metOn != null ? ObligationStatus.MET
                    : today.isAfter(dueOn) ? ObligationStatus.OVERDUE : ObligationStatus.DUE;
            return new Standing(unit, status, metOn, metOn != null && metOn.isAfter(dueOn), note);
        }
    }

    /** A party a requirement or obligation names: a unit, the working group, its office, or a body outside the campaign. */
    public record Party(String id, PlanPartyKind kind, String name, Unit unit) {
        static Party from(Value v) {
            return new Party(string(v, "id"), PlanPartyKind.valueOf(string(v, "kind")), string(v, "name"),
                    v.get("unit").isNull() ? null : Unit.from(v.get("unit")));
        }
    }

    /** Recording again corrects the date; a note left out stays as it was, a note given as null is cleared. */
    public record RecordMetInput(String obligationId, String unit, LocalDate metOn, ArgumentValue<String> note) {
    }

    /** What was recorded of a unit meeting an obligation, read under the obligation's lock before recording again. */
    record MetRecord(boolean debtor, LocalDate metOn, String note) {
        static MetRecord from(Value v) {
            return new MetRecord(v.get("debtor").asBoolean(), date(v, "metOn"), string(v, "note"));
        }
    }

    public record RecordMetPayload(Obligation obligation, Standing standing) {
    }
}
