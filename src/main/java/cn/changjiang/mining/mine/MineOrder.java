package cn.changjiang.mining.mine;

import cn.changjiang.mining.common.SortDirection;
import cn.changjiang.mining.common.SortOrder;

/** How a list of mines is sorted (the schema's {@code MineOrder}). */
public record MineOrder(MineOrderField field, SortDirection direction) implements SortOrder {

    static final MineOrder DEFAULT = new MineOrder(MineOrderField.ID, SortDirection.ASC);

    static MineOrder orDefault(MineOrder order) {
        return order == null ? DEFAULT : order;
    }

    @Override
    public String sortKey() {
        return (field == null ? MineOrderField.ID : field).sortKey;
    }
}
