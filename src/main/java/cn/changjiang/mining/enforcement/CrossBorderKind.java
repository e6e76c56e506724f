package cn.changjiang.mining.enforcement;

/** Why a case crosses a border: the schema's {@code CrossBorderKind}. */
public enum CrossBorderKind {
    /** One mine whose open problems need units of several jurisdictions. */
    SHARED_MINE,
    /** Two mines of different districts close to each other, both with open problems. */
    NEIGHBOURING_MINES
}
