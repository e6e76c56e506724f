package cn.changjiang.mining.mine;

/** How a mine is worked, as the schema's enum {@code MiningMethod}. */
public enum MiningMethod {
    OPEN_PIT, UNDERGROUND, TAILINGS
}
