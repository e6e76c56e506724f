package cn.changjiang.mining.audit;

/**
 * Undoes, inside a {@code graph.PastTransaction}, the recorded changes of the entities a feature owns, so the graph
 * stands as it did at a past moment. Each feature declares its own (problems in {@code ledger}, mines in
 * {@code mine}, joint actions and the figures kept per mine in {@code enforcement}); {@link PastLedger} runs them in
 * {@link #order}, every one after the features it builds on.
 */
public interface Rewinder {

    /** When this rewinder runs: lower first. */
    int order();

    /** Undoes {@code past}'s changes to this feature's entities. */
    void rewind(Past past);
}
