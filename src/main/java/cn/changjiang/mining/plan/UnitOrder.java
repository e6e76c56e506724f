package cn.changjiang.mining.plan;

import cn.changjiang.mining.common.SortDirection;
import cn.changjiang.mining.common.SortOrder;

/** How a list of units is sorted (the schema's {@code UnitOrder}). */
public record UnitOrder(UnitOrderField field, SortDirection direction) implements SortOrder {

    static final UnitOrder DEFAULT = new UnitOrder(UnitOrderField.DOCUMENT, SortDirection.ASC);

    static UnitOrder orDefault(UnitOrder order) {
        return order == null ? DEFAULT : order;
    }

    @Override
    public String sortKey() {
        return (field == null ? UnitOrderField.DOCUMENT : field).sortKey;
    }
}
