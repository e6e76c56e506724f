package cn.changjiang.mining;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list comes back in a defined order (docs/frontend.md, "The order of every list"): each {@code ORDER BY} in the
 * app's Cypher ends on a key no two rows share (an id, a code, a task or phase number, an element id), so ties among
 * the earlier keys never fall back to storage order, which a restore from backup or a different plan does not keep.
 * The few that end otherwise are listed below with the reason their last key is unique.
 */
class ListOrderTest {

    /**
     * Keys unique among the rows they order: the identifying property of a label (a change record's {@code seq}
     * too), or an element id.
     */
    private static final Pattern UNIQUE_KEY = Pattern.compile(
            "(\\w+\\.(id|code|number|seq)|elementId\\(\\w+\\)|\\w+\\.version)");

    /** {@code file: clause} → why its last key is unique. */
    private static final Map<String, String> UNIQUE_OTHERWISE = Map.ofEntries(
            Map.entry("plan/CampaignQueries.java: coalesce(r.order, 100), m.name", "a Mineral is keyed by its name"),
            Map.entry("plan/CampaignQueries.java: r.order, m.name", "a Mineral is keyed by its name"),
            Map.entry("mine/MineQueries.java: t.name", "a Township is keyed by its name"),
            Map.entry("mine/MineQueries.java: m.name", "a Mineral is keyed by its name"),
            Map.entry("jurisdiction/JurisdictionQueries.java: r.order, x.name", "a plan problem's name, among one task's"),
            Map.entry("jurisdiction/TaskLinking.java: r.order, x.name", "a plan problem's name, among one task's"),
            Map.entry("jurisdiction/JurisdictionQueries.java: number, id", "a task's id"),
            Map.entry("jurisdiction/TaskLinking.java: c.id, number", "a task's number within its plan c"),
            Map.entry("insight/IssueCounts.java: count DESC, keys", "the group's keys: one row per group"),
            Map.entry("insight/IssueCounts.java: period", "one row per period"),
            Map.entry("enforcement/JointEnforcementCandidate.java: d", "deadlines as values: the earliest, LIMIT 1"),
            Map.entry("ledger/IssueTallies.java: district", "one row per district (DISTINCT)"),
            Map.entry("ledger/IssueTallies.java: cell", "one row per cell id (aggregated by it)"),
            Map.entry("ledger/IssueTallies.java: item", "a list of distinct district ids"),
            Map.entry("ledger/IssueTallies.java: count DESC, keys", "the group's keys: one row per group"),
            Map.entry("ledger/IssueTallies.java: period", "one row per period"),
            Map.entry("enforcement/EnforcementQueries.java: span DESC", "orders numbers only, to find a threshold"),
            Map.entry("ledger/IssueQueries.java: %s", "IssueQueries.ASSIGNMENT_ORDER, which ends on u.id"),
            Map.entry("backup/GraphBackup.java: v", "a sorted list of distinct values"),
            Map.entry("audit/IdempotencyKeyPruning.java: k.createdAt", "expired keys to delete: which of two as old goes first does not matter"),
            Map.entry("backup/GraphBackup.java: i", "a sorted list of distinct values"));

    private static final Pattern ORDER_BY = Pattern.compile(
            "ORDER BY\\s+(.*?)(?=\\s+(?:RETURN|LIMIT|SKIP|WITH|UNWIND|MATCH|OPTIONAL|CALL|CREATE|MERGE|SET|DELETE)\\b|\\s*}\\s*(?:AS|\\]|\\[|,|}|\\n|$)|\\s*\\n|\"|$)");

    @Test
    void shouldEndEveryOrderOnAUniqueKey() throws IOException {
        Path root = Path.of("src/main/java/cn/changjiang/mining");
        List<String> open = new ArrayList<>();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                String source = Files.readString(file);
                Matcher order = ORDER_BY.matcher(source);
                while (order.find()) {
                    String clause = order.group(1).strip();
                    found.add(name + ": " + clause);
                    String[] keys = clause.split(",");
                    String last = keys[keys.length - 1].strip().replaceAll("\\s+(DESC|ASC)$", "");
                    if (!UNIQUE_KEY.matcher(last).matches() && !UNIQUE_OTHERWISE.containsKey(name + ": " + clause)) {
                        int line = source.substring(0, order.start()).split("\n", -1).length;
                        open.add(name + ":" + line + ": ORDER BY " + clause);
                    }
                }
            }
        }
        assertThat(found).as("ORDER BY clauses found").hasSizeGreaterThan(80);
        assertThat(open).as("orders that can leave ties to storage order").isEmpty();
    }
}
