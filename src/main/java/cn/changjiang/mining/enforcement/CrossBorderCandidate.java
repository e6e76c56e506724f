package cn.changjiang.mining.enforcement;

import java.util.List;

import cn.changjiang.mining.mine.Mine;

/**
 * A case for the level above the districts (跨区域联合执法): a mine whose open problems need units of two or more
 * jurisdictions ({@link CrossBorderKind#SHARED_MINE}), or two mines of different districts within a few km of each
 * other, both with open problems ({@link CrossBorderKind#NEIGHBOURING_MINES}). {@code commonParent} is the lowest
 * jurisdiction that takes in all of {@code jurisdictions}: the level that answers for the case.
 */
public record CrossBorderCandidate(CrossBorderKind kind, List<Mine> mines, List<Place> jurisdictions,
                                   Place commonParent, Double distanceKm, int openIssueCount) {

    /** A jurisdiction as a candidate names it. */
    public record Place(String id, String name, String level) {
    }
}
