package cn.changjiang.mining.plan;

import java.util.List;

/**
 * What a read covers: the jurisdiction asked about (the viewer's own by default) and the districts (区/县) it takes in,
 * whose ids the ledger's mines and problems carry ({@code m.district}, {@code i.district}). Queries filter with
 * {@code i.district IN $districts}.
 */
public record Scope(String jurisdiction, List<String> districts) {

    public Scope {
        districts = List.copyOf(districts);
    }

    /** The labels of the nodes that lie in one district: a problem and a mine by their own, an action by its mine's. */
    public static final List<String> SCOPED_LABELS = List.of("Issue", "Mine", "JointEnforcementAction");

    /**
     * Cypher: whether the node bound to {@code x} lies in {@code $districts}. A problem or a mine by its
     * {@code district}, a joint-enforcement action by its mine's ({@code FOR_MINE}); every other node (the plan, units,
     * people, townships) in every scope. The one rule for a node reached by a walk of the graph (subgraphs).
     */
    public static String holds(String x) {
        return ("(NOT (%1$s:Issue OR %1$s:Mine OR %1$s:JointEnforcementAction)"
                + " OR coalesce(%1$s.district, [(%1$s)-[:FOR_MINE]->(scopeMine:Mine) | scopeMine.district][0]) IN $districts)")
                .formatted(x);
    }
}
