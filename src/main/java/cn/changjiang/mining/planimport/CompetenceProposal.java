package cn.changjiang.mining.planimport;

/**
 * A proposed competence edge (problem → unit) for a reviewer to accept or correct: read from an annex-2 duty
 * sentence that names the problem's words ({@code ANNEX_2}), or, where no duty does, the task's lead unit
 * ({@code TASK_LEAD}, quoting the task's unit list). {@code score} is the share of the problem's word weight that
 * the duty sentence covers (1.0 for a task lead).
 */
public record CompetenceProposal(int task, String problem, String unitName, String unitId, Role role, Basis basis,
                                 String clause, String quote, double score) {

    public enum Role {
        LEAD, SUPPORT
    }

    public enum Basis {
        ANNEX_2, TASK_LEAD
    }
}
