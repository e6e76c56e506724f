package cn.changjiang.mining.ledger;

/** How grave a problem is, as the schema's {@code Severity}: 一般, 较重, 重大 (the ledger sheet's words). */
public enum Severity {
    GENERAL("一般"), SERIOUS("较重"), MAJOR("重大");

    /** The word the ledger sheet writes for it. */
    public final String label;

    Severity(String label) {
        this.label = label;
    }
}
