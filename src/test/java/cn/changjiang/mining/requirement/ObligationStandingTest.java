package cn.changjiang.mining.requirement;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Values;

import static org.assertj.core.api.Assertions.assertThat;

/** Where an obligation stands for a unit, and what was recorded of it, without a database. */
class ObligationStandingTest {

    private static final LocalDate DUE = LocalDate.of(2026, 6, 30);

    private static Obligation.Standing standing(LocalDate metOn, LocalDate today) {
        return Obligation.Standing.of(null, DUE, metOn, null, today);
    }

    @Test
    void shouldBeDueUpToItsDayAndOverdueAfter() {
        assertThat(standing(null, DUE).status()).isEqualTo(ObligationStatus.DUE);
        assertThat(standing(null, DUE.plusDays(1)).status()).isEqualTo(ObligationStatus.OVERDUE);
    }

    @Test
    void shouldBeMetOnceADateIsRecordedAndLateOnlyAfterItsDay() {
        Obligation.Standing onTime = standing(DUE, DUE.plusDays(30));
        Obligation.Standing late = standing(DUE.plusDays(1), DUE.plusDays(1));

        assertThat(onTime.status()).isEqualTo(ObligationStatus.MET);
        assertThat(onTime.late()).isFalse();
        assertThat(late.status()).isEqualTo(ObligationStatus.MET);
        assertThat(late.late()).isTrue();
    }

    @Test
    void shouldReadWhatWasRecordedUnderTheLockWithNothingRecordedAsNull() {
        Map<String, Object> nothing = new HashMap<>();
        nothing.put("debtor", true);
        nothing.put("metOn", null);
        nothing.put("note", null);

        assertThat(Obligation.MetRecord.from(Values.value(nothing))).isEqualTo(new Obligation.MetRecord(true, null, null));
        assertThat(Obligation.MetRecord.from(Values.value(Map.of("debtor", false, "metOn", DUE, "note", "补报"))))
                .isEqualTo(new Obligation.MetRecord(false, DUE, "补报"));
    }

    @Test
    void shouldReadAPartyKindAsTheSchemaNamesIt() {
        Map<String, Object> office = new HashMap<>();
        office.put("id", "wg-office");
        office.put("kind", "OFFICE");
        office.put("name", "专班办公室");
        office.put("unit", null);

        Obligation.Party party = Obligation.Party.from(Values.value(office));

        assertThat(party.kind()).isEqualTo(PlanPartyKind.OFFICE);
        assertThat(party.unit()).isNull();
    }
}
