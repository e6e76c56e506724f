package cn.changjiang.mining.accountability;

import java.time.LocalDate;
import java.util.List;

import cn.changjiang.mining.mine.Mine;
import cn.changjiang.mining.plan.Unit;
import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.date;
import static cn.changjiang.mining.graph.Read.string;

/** What {@link AccountabilityQueries#scorecards} returns per unit: how each problem assigned to it stands. */
record ScorecardRow(Unit unit, List<Standing> issues, List<Mine> mines) {

    static ScorecardRow from(Value v) {
        return new ScorecardRow(Unit.from(v.get("unit")), v.get("issues").asList(Standing::from),
                v.get("mines").asList(Mine::from));
    }

    /**
     * One assigned problem: whether it is open (as the query decides it; {@code null} where the problem has no
     * status), its status, deadline and the day it was closed.
     */
    record Standing(Boolean open, String status, LocalDate deadline, LocalDate closedOn) {
        static Standing from(Value v) {
            return new Standing(v.get("open").isNull() ? null : v.get("open").asBoolean(), string(v, "status"),
                    date(v, "deadline"), date(v, "closedOn"));
        }
    }
}
