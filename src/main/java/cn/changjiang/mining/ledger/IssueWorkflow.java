package cn.changjiang.mining.ledger;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.common.IssueStatus;

import static cn.changjiang.mining.common.IssueStatus.ACCEPTANCE_REQUESTED;
import static cn.changjiang.mining.common.IssueStatus.CARRIED_OVER;
import static cn.changjiang.mining.common.IssueStatus.CLOSED;
import static cn.changjiang.mining.common.IssueStatus.PENDING_ASSIGNMENT;
import static cn.changjiang.mining.common.IssueStatus.RECTIFYING;
import static cn.changjiang.mining.common.IssueStatus.SHUT_DOWN;

/**
 * The 销号 workflow as units run it: 待交办 → 整改中 → 申请验收 → 已销号, with 验收不通过 sending a problem back to
 * 整改中, 继续挂账 for an overdue one, and 依法关闭 ending any open problem. Pure rules over {@link IssueStatus}: the
 * ledger reads the problem, asks here, and writes.
 */
final class IssueWorkflow {

    /** The status a reported problem starts in. */
    static final IssueStatus INITIAL = PENDING_ASSIGNMENT;

    private static final Map<IssueStatus, Set<IssueStatus>> LEGAL = new EnumMap<>(Map.of(
            PENDING_ASSIGNMENT, EnumSet.of(RECTIFYING, SHUT_DOWN),
            RECTIFYING, EnumSet.of(ACCEPTANCE_REQUESTED, CARRIED_OVER, SHUT_DOWN),
            CARRIED_OVER, EnumSet.of(RECTIFYING, ACCEPTANCE_REQUESTED, SHUT_DOWN),
            ACCEPTANCE_REQUESTED, EnumSet.of(CLOSED, RECTIFYING, SHUT_DOWN),
            CLOSED, EnumSet.noneOf(IssueStatus.class),
            SHUT_DOWN, EnumSet.noneOf(IssueStatus.class)));

    private IssueWorkflow() {
    }

    static boolean allows(IssueStatus from, IssueStatus to) {
        return next(from).contains(to);
    }

    /** Where a problem may go from {@code from}, in workflow order. */
    static Set<IssueStatus> next(IssueStatus from) {
        return from == null ? Set.of() : Collections.unmodifiableSet(LEGAL.get(from));
    }

    /**
     * Whether the move is the acceptor's decision, never the rectifying unit's: 销号, and 验收不通过 (a requested
     * acceptance sent back to rectification). {@code from} is null when the problem was not found.
     */
    static boolean acceptorDecides(IssueStatus from, IssueStatus to) {
        return to == CLOSED || (from == ACCEPTANCE_REQUESTED && to == RECTIFYING);
    }

    /** 依法关闭 is the working-group office's alone. */
    static boolean officeOnly(IssueStatus to) {
        return to == SHUT_DOWN;
    }

    /** Whether the move needs an acceptance record: 销号 does. */
    static boolean needsAcceptance(IssueStatus to) {
        return to == CLOSED;
    }

    /** Whether the move finishes the problem, so that it is dated closed. */
    static boolean ends(IssueStatus to) {
        return to.finished();
    }

    /** The change record's action for the move: 验收不通过 is recorded as a rejected acceptance. */
    static String action(IssueStatus from, IssueStatus to) {
        return from == ACCEPTANCE_REQUESTED && to == RECTIFYING ? "rejectAcceptance" : "transitionIssue";
    }

    /** The status after a problem is assigned: a problem awaiting assignment starts rectification. */
    static IssueStatus afterAssignment(IssueStatus current) {
        return current == PENDING_ASSIGNMENT ? RECTIFYING : current;
    }

    /**
     * Refuses a move the workflow does not allow from where the problem stands: one not on the map, rectification
     * of a problem with no lead unit, or 继续挂账 of a problem that is not overdue on {@code today}.
     */
    static void check(IssueStatus from, IssueStatus to, boolean hasLeadUnit, LocalDate deadline, LocalDate today) {
        if (!allows(from, to)) {
            throw new IllegalTransitionException("A problem cannot go from " + from + " to " + to
                    + "; from " + from + " it can go to " + next(from));
        }
        if (to == RECTIFYING && from == PENDING_ASSIGNMENT && !hasLeadUnit) {
            throw new IllegalTransitionException("Assign the problem to a lead unit before rectification starts");
        }
        if (to == CARRIED_OVER && (deadline == null || !deadline.isBefore(today))) {
            throw new IllegalTransitionException("Only an overdue problem is carried over (继续挂账)");
        }
    }

    /**
     * The acceptance rule of 销号: someone accepted, on some evidence, on a day between the date the problem was found
     * and today.
     */
    static void requireAcceptance(LedgerInputs.AcceptanceInput acceptance, LocalDate foundOn, LocalDate today) {
        if (acceptance == null || acceptance.acceptedBy() == null || acceptance.acceptedBy().isBlank()
                || acceptance.evidence() == null || acceptance.evidence().stream().allMatch(String::isBlank)) {
            throw new AcceptanceRequiredException();
        }
        Ledger.text("input.acceptance.acceptedBy", acceptance.acceptedBy(), true);
        acceptance.evidence().forEach(e -> Ledger.text("input.acceptance.evidence", e, false));
        if (acceptance.acceptedOn().isBefore(foundOn) || acceptance.acceptedOn().isAfter(today)) {
            throw new InvalidInputException("input.acceptance.acceptedOn",
                    "Acceptance must be dated between the date found and today");
        }
    }
}
