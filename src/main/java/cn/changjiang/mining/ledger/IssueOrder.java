package cn.changjiang.mining.ledger;

import cn.changjiang.mining.common.SortDirection;
import cn.changjiang.mining.common.SortOrder;

/** How a list of problems is sorted (the schema's {@code IssueOrder}). */
public record IssueOrder(IssueOrderField field, SortDirection direction) implements SortOrder {

    static final IssueOrder DEFAULT = new IssueOrder(IssueOrderField.ID, SortDirection.ASC);

    static IssueOrder orDefault(IssueOrder order) {
        return order == null ? DEFAULT : order;
    }

    @Override
    public String sortKey() {
        return (field == null ? IssueOrderField.ID : field).sortKey;
    }
}
