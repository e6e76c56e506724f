package cn.changjiang.mining.insight;

import cn.changjiang.mining.common.CampaignTime;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.common.IssueStatus;
import cn.changjiang.mining.ledger.IssueFacet;
import cn.changjiang.mining.graph.Where;
import cn.changjiang.mining.ledger.IssueFilter;
import cn.changjiang.mining.ledger.IssueTallies;
import cn.changjiang.mining.plan.JurisdictionTree;
import cn.changjiang.mining.plan.Scopes;
import cn.changjiang.mining.plan.Scope;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/** Problems counted by any combination of dimensions, in one query built from fixed fragments. */
@Component
class IssueCounts {

    /**
     * Each dimension as a Cypher list expression over the problem {@code i}; a problem may fall in several groups.
     * The facets' are {@link IssueFacet}'s, the ones the kept counts use.
     */
    private static final Map<IssueDimension, String> DIMENSIONS = dimensions();

    private static Map<IssueDimension, String> dimensions() {
        Map<IssueDimension, String> dimensions = new EnumMap<>(IssueDimension.class);
        for (IssueDimension dimension : IssueDimension.values()) {
            dimensions.put(dimension, switch (dimension) {
                case STATUS -> "[i.status]";
                case DISTRICT -> "[i.district]";
                case CITY -> "[(:Jurisdiction {id: i.district})-[:PART_OF]->(c:Jurisdiction {level: 'CITY'}) | c.id]";
                default -> IssueFacet.valueOf(dimension.name()).valuesOf();
            });
        }
        return dimensions;
    }

    /** The dimensions the kept counts hold on every cell rather than as a facet. */
    private static final Map<IssueDimension, IssueTallies.By> CELL_DIMENSIONS = Map.of(
            IssueDimension.STATUS, IssueTallies.By.STATUS, IssueDimension.DISTRICT, IssueTallies.By.DISTRICT,
            IssueDimension.CITY, IssueTallies.By.CITY);

    /** Dimensions whose keys are jurisdiction ids, labelled with the jurisdiction's name. */
    private static final Set<IssueDimension> JURISDICTIONS = EnumSet.of(IssueDimension.DISTRICT, IssueDimension.CITY);

    /**
     * Dimensions with at most one value per problem: grouping by only these puts each problem in one group, so the
     * counts need no DISTINCT (which on a large ledger costs a hash set per group).
     */
    private static final Set<IssueDimension> SINGLE_VALUED = EnumSet.of(IssueDimension.UNIT, IssueDimension.STATUS,
            IssueDimension.TOWNSHIP, IssueDimension.PHASE, IssueDimension.SOURCE, IssueDimension.SEVERITY,
            IssueDimension.FOUND_MONTH, IssueDimension.FOUND_WEEK, IssueDimension.CLOSED_MONTH, IssueDimension.DISTRICT,
            IssueDimension.CITY);

    /**
     * A group's value in each dimension (null where it has none), each value's name (a jurisdiction's name for
     * DISTRICT and CITY, else the value), and its problems: all, open and overdue.
     */
    record Group(List<String> keys, List<String> labels, int count, int open, int overdue) {

        static Group from(Value v) {
            return new Group(v.get("keys").asList(k -> k.isNull() ? null : k.asString()),
                    v.get("labels").asList(k -> k.isNull() ? null : k.asString()), v.get("count").asInt(),
                    v.get("open").asInt(), v.get("overdue").asInt());
        }
    }

    /** The problems found and closed in the period starting on {@code period}. */
    record Point(LocalDate period, int opened, int closed) {

        static Point from(Value v) {
            return new Point(v.get("period").asLocalDate(), v.get("opened").asInt(), v.get("closed").asInt());
        }
    }

    private final CypherRunner graph;
    private final IssueTallies tallies;
    private final Scopes scopes;

    IssueCounts(CypherRunner graph, IssueTallies tallies, Scopes scopes) {
        this.graph = graph;
        this.tallies = tallies;
        this.scopes = scopes;
    }

    List<Group> count(List<IssueDimension> groupBy, IssueFilter filter, LocalDate today, String readerUnit, Scope scope) {
        return count(groupBy, filter, Where.Compiled.NONE, today, readerUnit, scope);
    }

    /** The same with an analyst's {@code where} too (compiled over {@code i}); the kept counts serve only without one. */
    List<Group> count(List<IssueDimension> groupBy, IssueFilter filter, Where.Compiled where, LocalDate today,
                      String readerUnit, Scope scope) {
        if (groupBy.isEmpty() || groupBy.size() > 3) {
            throw new InvalidInputException("groupBy", "Group by one to three dimensions");
        }
        IssueFilter asked = IssueFilter.orNone(filter);
        // Kept counts are today's; a read as of a past moment counts the problems as they stood then.
        if (CampaignTime.asOf() == null && where.none() && keptCountsServe(groupBy, asked)) {
            return fromKeptCounts(groupBy, asked, scope);
        }
        StringBuilder with = new StringBuilder("WITH i");
        StringBuilder unwind = new StringBuilder();
        StringBuilder keys = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        for (int n = 0; n < groupBy.size(); n++) {
            labels.append(n == 0 ? "" : ", ").append(JURISDICTIONS.contains(groupBy.get(n))
                    ? "coalesce(head(COLLECT { MATCH (j:Jurisdiction {id: keys[" + n + "]}) RETURN j.name }), keys[" + n + "])"
                    : "keys[" + n + "]");
            with.append(", ").append(DIMENSIONS.get(groupBy.get(n))).append(" AS d").append(n);
            unwind.append("UNWIND CASE size(d").append(n).append(") WHEN 0 THEN [null] ELSE d").append(n)
                    .append(" END AS k").append(n).append('\n');
            keys.append(n == 0 ? "" : ", ").append('k').append(n);
        }
        Map<String, Object> params = IssueFilter.orNone(filter).parameters(readerUnit, scope, today);
        params.putAll(where.parameters());
        params.put("today", today);
        return graph.list("""
                %s
                %s
                %s
                WITH [%s] AS keys, i, i.status IN $openStatuses AS open
                WITH keys, count(%5$s i) AS count, count(%5$s CASE WHEN open THEN i END) AS open,
                     count(%5$s CASE WHEN open AND i.deadline < $today THEN i END) AS overdue
                RETURN {keys: keys, labels: [%6$s], count: count, open: open, overdue: overdue} AS item
                ORDER BY count DESC, keys""".formatted(where.startingFrom("i", "Issue",
                        IssueFilter.orNone(filter).condition()), with, unwind, keys,
                        SINGLE_VALUED.containsAll(groupBy) ? "" : "DISTINCT", labels), params,
                Group::from);
    }

    /**
     * Whether the kept counts answer: grouped by at most one facet besides the status, the district and the city, and
     * filtered at most by status, openness and being overdue (the other filters need the problems themselves).
     */
    static boolean keptCountsServe(List<IssueDimension> groupBy, IssueFilter filter) {
        long facets = groupBy.stream().filter(d -> !CELL_DIMENSIONS.containsKey(d)).count();
        return facets <= 1 && filter.township() == null && filter.unit() == null && filter.foundFrom() == null
                && filter.foundTo() == null && (filter.text() == null || filter.text().isBlank());
    }

    /**
     * Whether {@code from} starts a period and {@code to} ends one (either may be open), so whole periods of the kept
     * counts answer exactly.
     */
    static boolean wholePeriods(boolean monthly, LocalDate from, LocalDate to) {
        return (from == null || (monthly ? from.getDayOfMonth() == 1 : from.getDayOfWeek() == DayOfWeek.MONDAY))
                && (to == null || (monthly ? to.plusDays(1).getDayOfMonth() == 1 : to.getDayOfWeek() == DayOfWeek.SUNDAY));
    }

    /** The statuses a filter keeps (null: all), from its status and its openness. */
    static List<String> statuses(IssueFilter filter) {
        if (filter.status() == null && filter.open() == null) {
            return null;
        }
        return Arrays.stream(IssueStatus.values())
                .filter(s -> filter.status() == null || s == filter.status())
                .filter(s -> filter.open() == null || s.open() == filter.open())
                .map(Enum::name).toList();
    }

    private List<Group> fromKeptCounts(List<IssueDimension> groupBy, IssueFilter filter, Scope scope) {
        IssueFacet facet = groupBy.stream().filter(d -> !CELL_DIMENSIONS.containsKey(d)).findFirst()
                .map(d -> IssueFacet.valueOf(d.name())).orElse(IssueFacet.ALL);
        List<IssueTallies.By> by = groupBy.stream().map(d -> CELL_DIMENSIONS.getOrDefault(d, IssueTallies.By.VALUE)).toList();
        JurisdictionTree tree = scopes.tree();
        Map<String, String> cityOf = new HashMap<>();
        for (String district : scope.districts()) {
            String parent = tree.parents().get(district);
            if (parent != null && "CITY".equals(tree.levels().get(parent))) {
                cityOf.put(district, parent);
            }
        }
        return tallies.groups(facet, by, scope.districts(), cityOf, statuses(filter), filter.overdue()).stream()
                .map(g -> new Group(g.keys(), g.labels(), g.count(), g.open(), g.overdue())).toList();
    }

    /** Problems found and closed per period, both counted in one query over the same filtered problems. */
    List<Point> timeSeries(TimeInterval interval, LocalDate from, LocalDate to, IssueFilter filter, String readerUnit,
                           Scope scope, LocalDate today) {
        return timeSeries(interval, from, to, filter, Where.Compiled.NONE, readerUnit, scope, today);
    }

    /** The same with an analyst's {@code where} too; the kept counts serve only without one. */
    List<Point> timeSeries(TimeInterval interval, LocalDate from, LocalDate to, IssueFilter filter, Where.Compiled where,
                           String readerUnit, Scope scope, LocalDate today) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("from", "from must not be after to");
        }
        IssueFilter asked = IssueFilter.orNone(filter);
        boolean monthly = interval == TimeInterval.MONTH;
        if (CampaignTime.asOf() == null && where.none() && keptCountsServe(List.of(), asked)
                && wholePeriods(monthly, from, to)) {
            return tallies.series(monthly, scope.districts(), statuses(asked), asked.overdue(), from, to).stream()
                    .map(p -> new Point(p.period(), p.opened(), p.closed())).toList();
        }
        Map<String, Object> params = asked.parameters(readerUnit, scope, today);
        params.putAll(where.parameters());
        params.put("unit", monthly ? "month" : "week");
        params.put("from", from);
        params.put("to", to);
        return graph.list("""
                %s
                UNWIND [['opened', i.foundOn], ['closed', i.closedOn]] AS event
                WITH event[0] AS kind, event[1] AS day WHERE day IS NOT NULL
                  AND ($from IS NULL OR day >= $from) AND ($to IS NULL OR day <= $to)
                WITH date.truncate($unit, day) AS period, kind
                WITH period, count(CASE kind WHEN 'opened' THEN 1 END) AS opened, count(CASE kind WHEN 'closed' THEN 1 END) AS closed
                RETURN {period: period, opened: opened, closed: closed} AS item ORDER BY period""".formatted(
                        where.startingFrom("i", "Issue", asked.condition())), params,
                Point::from);
    }
}
