package cn.changjiang.mining.common;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Status of a problem along the 销号 workflow (the schema's {@code enum IssueStatus}), and the one place that says
 * which statuses are open. A problem is finished once closed after acceptance (销号) or once its mine is closed down
 * by law; every other status is open.
 * <p>
 * Cypher never spells the rule out: it reads {@code i.status IN $openStatuses} (positive, so an index on the status
 * can serve it) and {@code i.status = $closedStatus}, with the values of {@link #CYPHER_PARAMETERS}, which
 * {@code graph/CypherRunner} adds to every query it runs.
 */
public enum IssueStatus {

    /** 待交办: awaiting assignment. */
    PENDING_ASSIGNMENT(true),
    /** 整改中: being rectified. */
    RECTIFYING(true),
    /** 申请验收: acceptance requested. */
    ACCEPTANCE_REQUESTED(true),
    /** 继续挂账: carried over, overdue and kept on the ledger. */
    CARRIED_OVER(true),
    /** 已销号: closed after acceptance. */
    CLOSED(false),
    /** 依法关闭: the mine was closed down according to law. */
    SHUT_DOWN(false);

    /** Cypher parameter: the names of the open statuses. */
    public static final String OPEN_STATUSES = "openStatuses";
    /** Cypher parameter: the name of {@link #CLOSED} (销号 after acceptance). */
    public static final String CLOSED_STATUS = "closedStatus";

    private final boolean open;

    IssueStatus(boolean open) {
        this.open = open;
    }

    /** Whether a problem in this status is still open: not 销号, not shut down. */
    public boolean open() {
        return open;
    }

    public boolean finished() {
        return !open;
    }

    /** The open statuses, in workflow order. */
    public static List<IssueStatus> openStatuses() {
        return Arrays.stream(values()).filter(IssueStatus::open).toList();
    }

    /** Whether the status with this name is a finished one; {@code null} (no status) is not. */
    public static boolean finished(String name) {
        return name != null && valueOf(name).finished();
    }

    /** The parameters through which Cypher reads the status rules: {@value #OPEN_STATUSES} and {@value #CLOSED_STATUS}. */
    public static final Map<String, Object> CYPHER_PARAMETERS = Map.of(
            OPEN_STATUSES, openStatuses().stream().map(Enum::name).toList(),
            CLOSED_STATUS, CLOSED.name());
}
