package cn.changjiang.mining.ledger;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.changjiang.mining.common.ApiException;
import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.common.IssueStatus;
import cn.changjiang.mining.ledger.LedgerInputs.AcceptanceInput;
import org.junit.jupiter.api.Test;

import static cn.changjiang.mining.common.IssueStatus.ACCEPTANCE_REQUESTED;
import static cn.changjiang.mining.common.IssueStatus.CARRIED_OVER;
import static cn.changjiang.mining.common.IssueStatus.CLOSED;
import static cn.changjiang.mining.common.IssueStatus.PENDING_ASSIGNMENT;
import static cn.changjiang.mining.common.IssueStatus.RECTIFYING;
import static cn.changjiang.mining.common.IssueStatus.SHUT_DOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 销号 workflow's rules, without a database: every move allowed or refused, and the acceptance rule. */
class IssueWorkflowTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final LocalDate FOUND_ON = LocalDate.of(2026, 3, 1);
    private static final LocalDate OVERDUE = TODAY.minusDays(1);

    /** The workflow as the campaign plan describes it, written out independently of IssueWorkflow. */
    private static final Map<IssueStatus, Set<IssueStatus>> ALLOWED = Map.of(
            PENDING_ASSIGNMENT, EnumSet.of(RECTIFYING, SHUT_DOWN),
            RECTIFYING, EnumSet.of(ACCEPTANCE_REQUESTED, CARRIED_OVER, SHUT_DOWN),
            CARRIED_OVER, EnumSet.of(RECTIFYING, ACCEPTANCE_REQUESTED, SHUT_DOWN),
            ACCEPTANCE_REQUESTED, EnumSet.of(CLOSED, RECTIFYING, SHUT_DOWN),
            CLOSED, EnumSet.noneOf(IssueStatus.class),
            SHUT_DOWN, EnumSet.noneOf(IssueStatus.class));

    @Test
    void allowsExactlyTheMovesOfTheWorkflow() {
        assertThat(ALLOWED).containsOnlyKeys(IssueStatus.values());
        int allowed = 0;
        for (IssueStatus from : IssueStatus.values()) {
            assertThat(IssueWorkflow.next(from)).as("from %s", from).containsExactlyInAnyOrderElementsOf(ALLOWED.get(from));
            for (IssueStatus to : IssueStatus.values()) {
                boolean legal = ALLOWED.get(from).contains(to);
                assertThat(IssueWorkflow.allows(from, to)).as("%s → %s", from, to).isEqualTo(legal);
                if (legal) {
                    allowed++;
                    assertThatCode(() -> IssueWorkflow.check(from, to, true, OVERDUE, TODAY)).as("%s → %s", from, to)
                            .doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(() -> IssueWorkflow.check(from, to, true, OVERDUE, TODAY)).as("%s → %s", from, to)
                            .isInstanceOf(IllegalTransitionException.class)
                            .hasMessageContaining("cannot go from " + from + " to " + to)
                            .extracting(e -> ((ApiException) e).code()).isEqualTo("ILLEGAL_TRANSITION");
                }
            }
        }
        assertThat(allowed).isEqualTo(11);
    }

    @Test
    void aFinishedProblemGoesNowhere() {
        for (IssueStatus finished : List.of(CLOSED, SHUT_DOWN)) {
            assertThat(IssueWorkflow.next(finished)).isEmpty();
        }
        for (IssueStatus open : IssueStatus.openStatuses()) {
            assertThat(IssueWorkflow.allows(open, SHUT_DOWN)).as("依法关闭 ends any open problem: %s", open).isTrue();
        }
    }

    @Test
    void rectificationStartsOnlyWithALeadUnit() {
        assertThatThrownBy(() -> IssueWorkflow.check(PENDING_ASSIGNMENT, RECTIFYING, false, null, TODAY))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("lead unit");
        assertThatCode(() -> IssueWorkflow.check(PENDING_ASSIGNMENT, RECTIFYING, true, null, TODAY)).doesNotThrowAnyException();
        // Back to rectification from elsewhere does not ask again.
        assertThatCode(() -> IssueWorkflow.check(ACCEPTANCE_REQUESTED, RECTIFYING, false, null, TODAY)).doesNotThrowAnyException();
        assertThatCode(() -> IssueWorkflow.check(CARRIED_OVER, RECTIFYING, false, null, TODAY)).doesNotThrowAnyException();
    }

    @Test
    void onlyAnOverdueProblemIsCarriedOver() {
        for (LocalDate deadline : new LocalDate[] {null, TODAY, TODAY.plusDays(1)}) {
            assertThatThrownBy(() -> IssueWorkflow.check(RECTIFYING, CARRIED_OVER, true, deadline, TODAY)).as("deadline %s", deadline)
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("overdue");
        }
        assertThatCode(() -> IssueWorkflow.check(RECTIFYING, CARRIED_OVER, true, OVERDUE, TODAY)).doesNotThrowAnyException();
        // An illegal move is refused as such, before the deadline is looked at.
        assertThatThrownBy(() -> IssueWorkflow.check(PENDING_ASSIGNMENT, CARRIED_OVER, true, null, TODAY))
                .hasMessageContaining("cannot go from PENDING_ASSIGNMENT to CARRIED_OVER");
    }

    @Test
    void theAcceptorDecides销号And验收不通过() {
        for (IssueStatus from : IssueStatus.values()) {
            for (IssueStatus to : IssueStatus.values()) {
                boolean acceptor = to == CLOSED || (from == ACCEPTANCE_REQUESTED && to == RECTIFYING);
                assertThat(IssueWorkflow.acceptorDecides(from, to)).as("%s → %s", from, to).isEqualTo(acceptor);
                assertThat(IssueWorkflow.action(from, to)).as("%s → %s", from, to)
                        .isEqualTo(from == ACCEPTANCE_REQUESTED && to == RECTIFYING ? "rejectAcceptance" : "transitionIssue");
            }
            assertThat(IssueWorkflow.officeOnly(from)).as("%s", from).isEqualTo(from == SHUT_DOWN);
            assertThat(IssueWorkflow.needsAcceptance(from)).as("%s", from).isEqualTo(from == CLOSED);
            assertThat(IssueWorkflow.ends(from)).as("%s", from).isEqualTo(from == CLOSED || from == SHUT_DOWN);
        }
        // A problem that was not found: only 销号 is still the acceptor's to refuse.
        assertThat(IssueWorkflow.acceptorDecides(null, CLOSED)).isTrue();
        assertThat(IssueWorkflow.acceptorDecides(null, RECTIFYING)).isFalse();
    }

    @Test
    void assignmentStartsRectification() {
        assertThat(IssueWorkflow.INITIAL).isEqualTo(PENDING_ASSIGNMENT);
        for (IssueStatus status : IssueStatus.values()) {
            assertThat(IssueWorkflow.afterAssignment(status)).as("%s", status)
                    .isEqualTo(status == PENDING_ASSIGNMENT ? RECTIFYING : status);
        }
    }

    @Test
    void 销号NeedsWhoAcceptedOnWhatEvidenceAndWhen() {
        List<AcceptanceInput> missing = new java.util.ArrayList<>();
        missing.add(null);
        missing.add(new AcceptanceInput(null, TODAY, List.of("验收报告")));
        missing.add(new AcceptanceInput("  ", TODAY, List.of("验收报告")));
        missing.add(new AcceptanceInput("县自然资源局", TODAY, null));
        missing.add(new AcceptanceInput("县自然资源局", TODAY, List.of()));
        missing.add(new AcceptanceInput("县自然资源局", TODAY, List.of(" ", "")));
        for (AcceptanceInput acceptance : missing) {
            assertThatThrownBy(() -> IssueWorkflow.requireAcceptance(acceptance, FOUND_ON, TODAY)).as("%s", acceptance)
                    .isInstanceOf(AcceptanceRequiredException.class)
                    .extracting(e -> ((ApiException) e).code()).isEqualTo("ACCEPTANCE_REQUIRED");
        }
        for (LocalDate outside : List.of(FOUND_ON.minusDays(1), TODAY.plusDays(1))) {
            assertThatThrownBy(() -> IssueWorkflow.requireAcceptance(
                    new AcceptanceInput("县自然资源局", outside, List.of("验收报告")), FOUND_ON, TODAY)).as("accepted on %s", outside)
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((ApiException) e).argument()).isEqualTo("input.acceptance.acceptedOn");
        }
        assertThatThrownBy(() -> IssueWorkflow.requireAcceptance(
                new AcceptanceInput("县".repeat(Ledger.MAX_TEXT + 1), TODAY, List.of("验收报告")), FOUND_ON, TODAY))
                .isInstanceOf(InvalidInputException.class);
        for (LocalDate inside : List.of(FOUND_ON, TODAY)) {
            assertThatCode(() -> IssueWorkflow.requireAcceptance(
                    new AcceptanceInput("县自然资源局", inside, List.of("", "验收报告")), FOUND_ON, TODAY)).as("accepted on %s", inside)
                    .doesNotThrowAnyException();
        }
    }
}
