package cn.changjiang.mining.accountability;

import cn.changjiang.mining.common.IssueStatus;
import java.time.LocalDate;
import java.util.List;

import cn.changjiang.mining.accountability.ScorecardRow.Standing;
import cn.changjiang.mining.mine.Mine;
import cn.changjiang.mining.plan.Unit;
import org.neo4j.driver.Value;

/** A unit's scorecard row: of the problems assigned to it (in the period), how many stand how. */
record UnitScorecard(Unit unit, int assigned, int open, int overdue, int closedOnTime, int closedLate,
                     List<Mine> mines) {

    /**
     * Pure arithmetic over one unit's problems, on {@code today}:
     * <ul>
     *   <li>assigned: every problem (a problem assigned twice counts twice, as the rows come);</li>
     *   <li>open: those the query marks open;</li>
     *   <li>overdue: open, with a deadline before today;</li>
     *   <li>closed on time: status CLOSED, with no deadline or closed on or before it (a closed problem with a
     *       deadline but no closing day is neither on time nor late);</li>
     *   <li>closed late: status CLOSED, closed after its deadline.</li>
     * </ul>
     */
    /** A row of kept counts ({@link AccountabilityQueries#keptScorecards}): the unit and its figures, no mines. */
    static UnitScorecard from(Value v) {
        return new UnitScorecard(Unit.from(v.get("unit")), v.get("assigned").asInt(), v.get("open").asInt(),
                v.get("overdue").asInt(), v.get("closedOnTime").asInt(), v.get("closedLate").asInt(), List.of());
    }

    static UnitScorecard of(ScorecardRow row, LocalDate today) {
        int open = 0;
        int overdue = 0;
        int onTime = 0;
        int late = 0;
        for (Standing issue : row.issues()) {
            if (Boolean.TRUE.equals(issue.open())) {
                open++;
                if (issue.deadline() != null && issue.deadline().isBefore(today)) {
                    overdue++;
                }
            }
            if (IssueStatus.CLOSED.name().equals(issue.status())) {
                if (issue.deadline() == null || (issue.closedOn() != null && !issue.closedOn().isAfter(issue.deadline()))) {
                    onTime++;
                } else if (issue.closedOn() != null && issue.closedOn().isAfter(issue.deadline())) {
                    late++;
                }
            }
        }
        return new UnitScorecard(row.unit(), row.issues().size(), open, overdue, onTime, late, row.mines());
    }
}
