package cn.changjiang.mining.bulletin;

import java.time.LocalDate;
import java.util.List;

/**
 * The 通报 of one jurisdiction for one period, as read through the public GraphQL API ({@link BulletinReads}).
 *
 * @param jurisdiction   the jurisdiction's id
 * @param name           its name, e.g. 昌江区
 * @param from           first day of the period
 * @param to             last day of the period
 * @param generatedOn    the day it was generated (the campaign's time zone)
 * @param figures        the figures of the period and of its end
 * @param mostOverdue    the longest overdue open problems, at most {@link BulletinReads#MOST_OVERDUE}
 * @param newlyClosed    the problems closed after acceptance (销号) in the period, latest first
 * @param actions        the joint enforcement actions opened or closed in the period
 * @param unitsBehind    the units with overdue problems, most overdue first
 */
record Bulletin(String jurisdiction, String name, LocalDate from, LocalDate to, LocalDate generatedOn, Figures figures,
                List<OverdueProblem> mostOverdue, List<ClosedProblem> newlyClosed, List<Action> actions,
                List<UnitRow> unitsBehind) {

    /**
     * The figures. {@code found}, {@code finished} (销号 or closed down by law) and {@code closed} (销号) count the
     * period; {@code open}, {@code overdue} and {@code supervised} (open under 挂牌督办) the state when generated.
     */
    record Figures(int found, int finished, int closed, int open, int overdue, int supervised, int actionsOpened,
                   int actionsClosed) {
    }

    record OverdueProblem(String id, String title, String mine, String leadUnit, LocalDate deadline, long daysOverdue) {
    }

    record ClosedProblem(String id, String title, String mine, String leadUnit, LocalDate foundOn, LocalDate closedOn) {
    }

    /** A joint enforcement action, with the days (in the campaign's time zone) it was opened and closed. */
    record Action(String id, String status, String mine, String leadUnit, LocalDate plannedOn, LocalDate openedOn,
                  LocalDate closedOn) {
    }

    /** A unit's scorecard over the problems found up to the period's end. */
    record UnitRow(String id, String name, int assigned, int open, int overdue, int closedOnTime, int closedLate) {
    }
}
