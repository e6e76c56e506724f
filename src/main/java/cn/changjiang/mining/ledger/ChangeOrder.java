package cn.changjiang.mining.ledger;

import cn.changjiang.mining.common.SortDirection;
import cn.changjiang.mining.common.SortOrder;

/** How a list of change records is sorted (the schema's {@code ChangeOrder}): by default newest first. */
public record ChangeOrder(ChangeOrderField field, SortDirection direction) implements SortOrder {

    static final ChangeOrder DEFAULT = new ChangeOrder(ChangeOrderField.SEQUENCE, SortDirection.DESC);

    @Override
    public String sortKey() {
        return (field == null ? ChangeOrderField.SEQUENCE : field).sortKey;
    }
}
