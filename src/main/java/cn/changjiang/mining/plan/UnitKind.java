package cn.changjiang.mining.plan;

/** A district department or the territorial units, as the schema's enum {@code UnitKind}. */
public enum UnitKind {
    DEPARTMENT, TERRITORIAL
}
