package cn.changjiang.mining.ledger;

import java.util.Map;
import java.util.Set;

/**
 * The 销号 workflow as units run it: 待交办 → 整改中 → 申请验收 → 已销号, with 验收不通过 sending a problem back to
 * 整改中, 继续挂账 for an overdue one, and 依法关闭 ending any open problem.
 */
final class IssueWorkflow {

    static final String PENDING_ASSIGNMENT = "PENDING_ASSIGNMENT";
    static final String RECTIFYING = "RECTIFYING";
    static final String ACCEPTANCE_REQUESTED = "ACCEPTANCE_REQUESTED";
    static final String CARRIED_OVER = "CARRIED_OVER";
    static final String CLOSED = "CLOSED";
    static final String SHUT_DOWN = "SHUT_DOWN";

    private static final Map<String, Set<String>> LEGAL = Map.of(
            PENDING_ASSIGNMENT, Set.of(RECTIFYING, SHUT_DOWN),
            RECTIFYING, Set.of(ACCEPTANCE_REQUESTED, CARRIED_OVER, SHUT_DOWN),
            CARRIED_OVER, Set.of(RECTIFYING, ACCEPTANCE_REQUESTED, SHUT_DOWN),
            ACCEPTANCE_REQUESTED, Set.of(CLOSED, RECTIFYING, SHUT_DOWN),
            CLOSED, Set.of(),
            SHUT_DOWN, Set.of());

    private IssueWorkflow() {
    }

    static boolean allows(String from, String to) {
        return LEGAL.getOrDefault(from, Set.of()).contains(to);
    }

    static Set<String> next(String from) {
        return LEGAL.getOrDefault(from, Set.of());
    }
}
