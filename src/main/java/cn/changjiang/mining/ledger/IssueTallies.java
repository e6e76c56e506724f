package cn.changjiang.mining.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.graph.WriteRetries;
import cn.changjiang.mining.mine.MinesChanged;
import org.neo4j.driver.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Problems counted on write, so that a dashboard's counts at a province's scale (a million problems) read a few
 * thousand kept figures instead of the whole ledger.
 * <p>
 * <b>The cells.</b> One {@code (:IssueTally {district, status, facet, key, count, overdue, closedOnTime, closedLate})}
 * per district, status and value of a facet ({@link IssueFacet}): the problems of that district in that status with
 * that value; of them, how many are open past their deadline, closed by it, and closed after it (the rules of
 * {@code accountability/UnitScorecard}). A count grouped by one facet, the status and the district (or its city) is a
 * sum of cells.
 * <p>
 * <b>On write.</b> Each problem keeps the list of the cells it is counted in ({@code i.tally}: district, status, its
 * standing, then one entry per facet value). Every ledger write (a report, an assignment, a transition, an outcome, an
 * import batch: {@link IssuesWritten}) and every change of a mine its problems are counted by ({@link MinesChanged})
 * recounts its problems in its own transaction, in one statement ({@link #RECOUNT}, deferred to be sent with the
 * transaction's other kept figures: {@link CypherRunner#defer}): the old entries are taken off,
 * the new ones added, and only the cells whose figures change are written. A rolled-back write rolls the counts back
 * with it.
 * <p>
 * <b>Overdue.</b> Whether an open problem is overdue changes with the day, without a write. Each district's
 * {@code (:IssueTallyDay {district, day})} says on which day its cells' overdue figures hold; every recount of a
 * district's problems first takes that node's lock and counts by its day. On the first read of a new day, the
 * districts still on another day are moved to it ({@link #ROLL}): only the open problems whose deadline lies between
 * the two days are recounted.
 * <p>
 * {@code V800__IssueTallies} counts what was recorded before; {@link #REBUILD} counts a set of districts anew (data
 * written around the API, such as the tests' fixtures).
 */
@Component
public class IssueTallies {

    /** Separates the district, the status and the facet entry in a cell's id. */
    static final String SEPARATOR = "\u001f";

    /** A problem {@code i}'s kept entry, on {@code day}: empty for a problem that counts nowhere (no status or district). */
    static final String ENTRY = """
            CASE WHEN i.status IS NULL OR i.district IS NULL THEN [] ELSE
              [i.district, i.status,
               CASE WHEN i.status IN $openStatuses AND i.deadline < day THEN 'O'
                    WHEN i.status = $closedStatus AND (i.deadline IS NULL OR i.closedOn <= i.deadline) THEN 'T'
                    WHEN i.status = $closedStatus AND i.closedOn > i.deadline THEN 'L'
                    ELSE '-' END]
              %s
            END""".formatted(Arrays.stream(IssueFacet.values()).map(IssueTallies::entries).collect(Collectors.joining("\n  ")));

    private static String entries(IssueFacet facet) {
        String values = "[v IN %s WHERE v IS NOT NULL AND v <> '' | '%s' + v]".formatted(facet.valuesOf(), facet.code());
        if (!facet.distinctValues()) {
            return "+ " + values;
        }
        // Each value once; a problem with no value counts in the facet's group without a key.
        return "+ head([x IN [reduce(acc = [], e IN %s | CASE WHEN e IN acc THEN acc ELSE acc + e END)] WHERE size(x) > 0] + [['%s']])"
                .formatted(values, facet.code());
    }

    /**
     * After a head that yields the problems to recount as {@code i}: takes the locks of their districts' days (old
     * and new district, in order), then replaces each problem's entry and moves the cells by the difference.
     */
    static final String RECOUNT = """
            WITH collect(DISTINCT i) AS issues
            CALL (issues) {
              UNWIND issues AS i
              UNWIND [i.tally[0], i.district] AS district
              WITH DISTINCT district WHERE district IS NOT NULL
              ORDER BY district
              MERGE (h:IssueTallyDay {district: district}) ON CREATE SET h.day = $today
              SET h.writes = coalesce(h.writes, 0) + 1
              RETURN collect([district, h.day]) AS days
            }
            UNWIND issues AS i
            WITH i, coalesce(i.tally, []) AS old, [d IN days WHERE d[0] = i.district | d[1]][0] AS day
            WITH i, old, %s AS new
            SET i.tally = CASE WHEN size(new) = 0 THEN null ELSE new END
            WITH old, new WHERE old <> new
            UNWIND [[old, -1], [new, 1]] AS side
            WITH side[0] AS entry, side[1] AS sign WHERE size(side[0]) > 3
            UNWIND entry[3..] AS value
            WITH entry[0] + $separator + entry[1] + $separator + value AS cell, sign,
                 CASE entry[2] WHEN 'O' THEN sign ELSE 0 END AS overdue,
                 CASE entry[2] WHEN 'T' THEN sign ELSE 0 END AS onTime,
                 CASE entry[2] WHEN 'L' THEN sign ELSE 0 END AS late
            WITH cell, sum(sign) AS count, sum(overdue) AS overdue, sum(onTime) AS onTime, sum(late) AS late
            WHERE count <> 0 OR overdue <> 0 OR onTime <> 0 OR late <> 0
            WITH cell, count, overdue, onTime, late, split(cell, $separator) AS parts ORDER BY cell
            MERGE (c:IssueTally {id: cell})
              ON CREATE SET c.district = parts[0], c.status = parts[1],
                            c.facet = left(substring(cell, size(parts[0]) + size(parts[1]) + 2), 2),
                            c.key = CASE WHEN size(cell) = size(parts[0]) + size(parts[1]) + 4 THEN null
                                         ELSE substring(cell, size(parts[0]) + size(parts[1]) + 4) END,
                            c.count = 0, c.overdue = 0, c.closedOnTime = 0, c.closedLate = 0
            SET c.count = c.count + count, c.overdue = c.overdue + overdue,
                c.closedOnTime = c.closedOnTime + onTime, c.closedLate = c.closedLate + late""".formatted(ENTRY);

    /** {@link #RECOUNT}, answering how many cells it wrote. */
    static final String RECOUNTED = RECOUNT + "\nRETURN count(*) AS item";

    /** The problems {@code $issueIds}, recounted. */
    static final String RECOUNT_ISSUES = """
            UNWIND $issueIds AS issueId
            MATCH (i:Issue {id: issueId})
            """ + RECOUNT;

    /** The problems at the mines {@code $mineIds}, recounted. */
    static final String RECOUNT_MINES = """
            UNWIND $mineIds AS mineId
            MATCH (i:Issue)-[:AT]->(:Mine {id: mineId})
            """ + RECOUNT;

    /**
     * A district's day moved to {@code $today}: the open problems whose deadline lies between the old day and the new
     * one (either way) are recounted by the new day; nothing else changes.
     */
    static final String ROLL = """
            MATCH (h:IssueTallyDay {district: $district})
            SET h.writes = coalesce(h.writes, 0) + 1
            WITH h, h.day AS before
            SET h.day = $today
            WITH CASE WHEN before < $today THEN before ELSE $today END AS low,
                 CASE WHEN before < $today THEN $today ELSE before END AS high
            OPTIONAL MATCH (i:Issue)
              WHERE i.district = $district AND i.status IN $openStatuses AND i.deadline >= low AND i.deadline < high
            """ + RECOUNTED;

    /** The districts whose day is not {@code $today}. */
    static final String STALE_DAYS = """
            MATCH (h:IssueTallyDay) WHERE h.day <> $today
            RETURN h.district AS item ORDER BY item""";

    /**
     * The districts {@code $districts} counted anew from their problems, in one statement (for data written around
     * the API: fixtures, a hand repair). A problem that moved out of them keeps its entry, so list both districts.
     */
    public static final String REBUILD = """
            OPTIONAL MATCH (c:IssueTally) WHERE c.district IN $districts
            DETACH DELETE c
            WITH count(*) AS cells
            OPTIONAL MATCH (h:IssueTallyDay) WHERE h.district IN $districts
            DETACH DELETE h
            WITH count(*) AS days
            OPTIONAL MATCH (i:Issue) WHERE i.district IN $districts OR i.tally[0] IN $districts
            REMOVE i.tally
            WITH collect(i) AS cleared
            UNWIND cleared AS i
            """ + RECOUNTED;

    /** The parameters every statement here reads besides its own. */
    public static Map<String, Object> parameters(LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        params.put("today", today);
        params.put("separator", SEPARATOR);
        return params;
    }

    private final CypherRunner graph;
    private final Clock clock;
    private final WriteRetries retries;
    private volatile LocalDate current;

    IssueTallies(CypherRunner graph, Clock clock, WriteRetries retries) {
        this.graph = graph;
        this.clock = clock;
        this.retries = retries;
    }

    @EventListener
    void issuesWritten(IssuesWritten written) {
        if (!written.issueIds().isEmpty()) {
            Map<String, Object> params = parameters(LocalDate.now(clock));
            params.put("issueIds", written.issueIds());
            graph.defer(RECOUNT_ISSUES, params);
        }
    }

    @EventListener
    void minesChanged(MinesChanged changed) {
        if (!changed.mineIds().isEmpty()) {
            Map<String, Object> params = parameters(LocalDate.now(clock));
            params.put("mineIds", changed.mineIds());
            graph.defer(RECOUNT_MINES, params);
        }
    }

    /** What a kept count is grouped by besides the facet's value: the cells' own status and district, or its city. */
    public enum By {
        VALUE, STATUS, DISTRICT, CITY
    }

    /**
     * A group of kept counts: its key per {@link By} asked for (null where a problem has no value), each key's name (a
     * jurisdiction's name for DISTRICT and CITY), and its problems: all, open, overdue, closed on time, closed late.
     */
    public record Group(List<String> keys, List<String> labels, int count, int open, int overdue, int closedOnTime,
                        int closedLate) {

        static Group from(Value v) {
            return new Group(v.get("keys").asList(k -> k.isNull() ? null : k.asString()),
                    v.get("labels").asList(k -> k.isNull() ? null : k.asString()), v.get("count").asInt(),
                    v.get("open").asInt(), v.get("overdue").asInt(), v.get("closedOnTime").asInt(),
                    v.get("closedLate").asInt());
        }
    }

    /**
     * The kept counts of {@code facet} in {@code districts}, grouped {@code by}, biggest first (then by key), in one
     * statement over the cells; the statuses limited to {@code statuses} (all when null), and to the overdue problems
     * or the others when {@code overdue} is set. {@code cityOf} gives each district's city, for {@link By#CITY}.
     */
    public List<Group> groups(IssueFacet facet, List<By> by, List<String> districts, Map<String, String> cityOf,
                              List<String> statuses, Boolean overdue) {
        StringBuilder keys = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        for (int n = 0; n < by.size(); n++) {
            String separator = n == 0 ? "" : ", ";
            keys.append(separator).append(switch (by.get(n)) {
                case VALUE -> "c.key";
                case STATUS -> "c.status";
                case DISTRICT -> "c.district";
                case CITY -> "$cityOf[c.district]";
            });
            labels.append(separator).append(by.get(n) == By.DISTRICT || by.get(n) == By.CITY
                    ? "coalesce(head(COLLECT { MATCH (j:Jurisdiction {id: keys[%1$d]}) RETURN j.name }), keys[%1$d])".formatted(n)
                    : "keys[" + n + "]");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("today", current());
        params.put("facet", facet.code());
        params.put("districts", districts);
        params.put("cityOf", cityOf);
        params.put("statuses", statuses);
        params.put("overdue", overdue);
        return graph.list("""
                MATCH (c:IssueTally) WHERE c.facet = $facet AND c.district IN $districts AND c.count > 0
                  AND ($statuses IS NULL OR c.status IN $statuses)
                WITH [%s] AS keys, c, c.status IN $openStatuses AS open,
                     CASE $overdue WHEN true THEN c.overdue WHEN false THEN c.count - c.overdue ELSE c.count END AS counted
                WITH keys, sum(counted) AS count, sum(CASE WHEN open THEN counted ELSE 0 END) AS open,
                     sum(CASE WHEN $overdue = false THEN 0 ELSE c.overdue END) AS overdue,
                     sum(CASE WHEN $overdue THEN 0 ELSE c.closedOnTime END) AS closedOnTime,
                     sum(CASE WHEN $overdue THEN 0 ELSE c.closedLate END) AS closedLate
                WHERE count > 0
                RETURN {keys: keys, labels: [%s], count: count, open: open, overdue: overdue,
                        closedOnTime: closedOnTime, closedLate: closedLate} AS item
                ORDER BY count DESC, keys""".formatted(keys, labels), params, Group::from);
    }

    /**
     * A subquery summing, for the value {@code keyExpression} of the facet {@code $facet} in {@code $districts}, the
     * kept counts: {@code count, open, overdue, closedOnTime, closedLate} (zeros where there are none). For a caller
     * that reads them beside its own nodes in one statement (a unit's scorecard); it passes {@link #readParameters}.
     */
    public static String sumsOfValue(String keyExpression) {
        return """
                CALL (%s) {
                  OPTIONAL MATCH (c:IssueTally) WHERE c.facet = $facet AND c.key = %s AND c.district IN $districts
                  RETURN coalesce(sum(c.count), 0) AS count,
                         coalesce(sum(CASE WHEN c.status IN $openStatuses THEN c.count ELSE 0 END), 0) AS open,
                         coalesce(sum(c.overdue), 0) AS overdue, coalesce(sum(c.closedOnTime), 0) AS closedOnTime,
                         coalesce(sum(c.closedLate), 0) AS closedLate
                }""".formatted(keyExpression.replaceAll("\\..*", ""), keyExpression);
    }

    /** The parameters of {@link #sumsOfValue}: the facet, the districts, and today once the counts hold for it. */
    public Map<String, Object> readParameters(IssueFacet facet, List<String> districts) {
        Map<String, Object> params = new HashMap<>();
        params.put("today", current());
        params.put("facet", facet.code());
        params.put("districts", districts);
        return params;
    }

    /** Problems found and closed in one period, from the kept counts. */
    public record Period(LocalDate period, int opened, int closed) {

        static Period from(Value v) {
            return new Period(v.get("period").asLocalDate(), v.get("opened").asInt(), v.get("closed").asInt());
        }
    }

    /**
     * Problems found and closed per month (or week) in {@code districts}, from the kept counts of the facets
     * FOUND_MONTH and CLOSED_MONTH (FOUND_WEEK and CLOSED_WEEK), for periods from {@code from} to {@code to} (either
     * may be null; the caller gives whole periods), with the same status and overdue filters as {@link #groups}.
     */
    public List<Period> series(boolean monthly, List<String> districts, List<String> statuses, Boolean overdue,
                               LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        params.put("today", current());
        params.put("found", (monthly ? IssueFacet.FOUND_MONTH : IssueFacet.FOUND_WEEK).code());
        params.put("closed", (monthly ? IssueFacet.CLOSED_MONTH : IssueFacet.CLOSED_WEEK).code());
        params.put("districts", districts);
        params.put("statuses", statuses);
        params.put("overdue", overdue);
        params.put("from", from);
        params.put("to", to);
        return graph.list("""
                UNWIND [$found, $closed] AS facet
                MATCH (c:IssueTally) WHERE c.facet = facet AND c.district IN $districts AND c.key IS NOT NULL
                  AND c.count > 0 AND ($statuses IS NULL OR c.status IN $statuses)
                WITH CASE size(c.key) WHEN 7 THEN date(c.key + '-01') ELSE date(c.key) END AS period, facet = $found AS found,
                     CASE $overdue WHEN true THEN c.overdue WHEN false THEN c.count - c.overdue ELSE c.count END AS counted
                WHERE ($from IS NULL OR period >= $from) AND ($to IS NULL OR period <= $to)
                WITH period, sum(CASE WHEN found THEN counted ELSE 0 END) AS opened,
                     sum(CASE WHEN found THEN 0 ELSE counted END) AS closed
                WHERE opened > 0 OR closed > 0
                RETURN {period: period, opened: opened, closed: closed} AS item ORDER BY period""", params, Period::from);
    }

    /**
     * Today, once every district's overdue figures hold for it: the first call of a day moves the districts still on
     * another day (one statement each, retried on a deadlock with a concurrent write); later calls cost nothing.
     */
    public LocalDate current() {
        LocalDate today = LocalDate.now(clock);
        if (!today.equals(current)) {
            rollTo(today);
            current = today;
        }
        return today;
    }

    /** Every district whose day is not {@code day} moved to it. */
    void rollTo(LocalDate day) {
        for (String district : graph.list(STALE_DAYS, Map.of("today", day), Value::asString)) {
            Map<String, Object> params = parameters(day);
            params.put("district", district);
            retries.run("moving the kept counts of " + district + " to " + day,
                    () -> graph.writeSingle(ROLL, params, Value::asLong));
        }
    }
}
