package cn.changjiang.mining.accountability;

import cn.changjiang.mining.plan.UnitKind;
import java.time.LocalDate;
import java.util.List;

import cn.changjiang.mining.accountability.ScorecardRow.Standing;
import cn.changjiang.mining.plan.Unit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The scorecard's counting over rows made here: no Spring, no database. */
class UnitScorecardTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final Unit UNIT = new Unit("POLICE", "公安分局", "Police", List.of(), UnitKind.DEPARTMENT, false, 3);

    private static UnitScorecard score(Standing... issues) {
        return UnitScorecard.of(new ScorecardRow(UNIT, List.of(issues), List.of()), TODAY);
    }

    private static Standing open(LocalDate deadline) {
        return new Standing(true, "RECTIFYING", deadline, null);
    }

    private static Standing closed(LocalDate deadline, LocalDate closedOn) {
        return new Standing(false, "CLOSED", deadline, closedOn);
    }

    @Test
    void shouldCountNothingForAUnitWithoutProblems() {
        assertThat(score()).isEqualTo(new UnitScorecard(UNIT, 0, 0, 0, 0, 0, List.of()));
    }

    @Test
    void shouldCountOpenProblemsAsOverdueOnlyPastTheirDeadline() {
        UnitScorecard card = score(open(TODAY.minusDays(1)), open(TODAY), open(TODAY.plusDays(3)), open(null));
        assertThat(card.assigned()).isEqualTo(4);
        assertThat(card.open()).isEqualTo(4);
        assertThat(card.overdue()).as("only the one due yesterday").isEqualTo(1);
        assertThat(card.closedOnTime() + card.closedLate()).isZero();
    }

    @Test
    void shouldTellClosedOnTimeFromClosedLate() {
        LocalDate deadline = LocalDate.of(2026, 3, 31);
        UnitScorecard card = score(closed(deadline, deadline), closed(deadline, deadline.minusDays(10)),
                closed(null, LocalDate.of(2026, 5, 1)), closed(deadline, deadline.plusDays(1)),
                closed(deadline, null));
        assertThat(card.assigned()).isEqualTo(5);
        assertThat(card.open()).isZero();
        assertThat(card.overdue()).isZero();
        assertThat(card.closedOnTime()).as("on the day, before it, and without a deadline").isEqualTo(3);
        assertThat(card.closedLate()).as("the day after").isEqualTo(1);
    }

    @Test
    void shouldCountAShutDownOrStatuslessProblemAsAssignedOnly() {
        UnitScorecard card = score(new Standing(false, "SHUT_DOWN", TODAY.minusDays(30), TODAY.minusDays(40)),
                new Standing(null, null, TODAY.minusDays(30), null));
        assertThat(card).isEqualTo(new UnitScorecard(UNIT, 2, 0, 0, 0, 0, List.of()));
    }

    @Test
    void shouldAddUpAMixedLedger() {
        LocalDate deadline = TODAY.minusDays(5);
        UnitScorecard card = score(open(deadline), open(TODAY.plusDays(5)), closed(deadline, deadline.minusDays(1)),
                closed(deadline, TODAY), new Standing(false, "SHUT_DOWN", null, null));
        assertThat(card).isEqualTo(new UnitScorecard(UNIT, 5, 2, 1, 1, 1, List.of()));
        assertThat(card.open() + card.closedOnTime() + card.closedLate()).isLessThanOrEqualTo(card.assigned());
    }
}
