package cn.changjiang.mining.plan;

import cn.changjiang.mining.common.SortDirection;
import cn.changjiang.mining.common.SortOrder;

/** How a list of people is sorted (the schema's {@code PersonOrder}). */
public record PersonOrder(PersonOrderField field, SortDirection direction) implements SortOrder {

    static final PersonOrder DEFAULT = new PersonOrder(PersonOrderField.ID, SortDirection.ASC);

    static PersonOrder orDefault(PersonOrder order) {
        return order == null ? DEFAULT : order;
    }

    @Override
    public String sortKey() {
        return (field == null ? PersonOrderField.ID : field).sortKey;
    }
}
