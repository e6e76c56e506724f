package cn.changjiang.mining.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which problems are open is said once, in {@link IssueStatus}; Cypher reads it through {@code $openStatuses} and
 * {@code $closedStatus}. The source scan fails when code under src/main spells a status rule out again.
 */
class IssueStatusTest {

    private static final String STATUSES = Arrays.stream(IssueStatus.values()).map(Enum::name)
            .collect(Collectors.joining("|"));

    /** A Cypher list literal naming a status: {@code ['CLOSED', 'SHUT_DOWN']}. */
    private static final Pattern CYPHER_STATUS_LIST = Pattern.compile("\\[[^\\[\\]]*'(" + STATUSES + ")'[^\\[\\]]*]");
    /** A Java collection of statuses: {@code List.of("CLOSED", "SHUT_DOWN")}. */
    private static final Pattern JAVA_STATUS_LIST = Pattern.compile(
            "(List\\.of|Set\\.of|EnumSet\\.of|Arrays\\.asList)\\([^)]*\"(CLOSED|SHUT_DOWN)\"");
    /** A variable Cypher binds to a problem: {@code (i:Issue}. */
    private static final Pattern ISSUE_VARIABLE = Pattern.compile("\\(\\s*(\\w+)\\s*:\\s*Issue\\b");
    /** A problem's status compared with (or set to) a literal: {@code i.status = 'CLOSED'}, {@code i.status <> 'X'}. */
    private static final String STATUS_LITERAL = "\\.status\\s*(=|<>|IN|NOT\\s+IN)\\s*'(" + STATUSES + ")'";

    @Test
    void onlyAcceptanceAndShutDownFinishAProblem() {
        assertThat(IssueStatus.openStatuses()).containsExactly(IssueStatus.PENDING_ASSIGNMENT, IssueStatus.RECTIFYING,
                IssueStatus.ACCEPTANCE_REQUESTED, IssueStatus.CARRIED_OVER);
        assertThat(Arrays.stream(IssueStatus.values()).filter(IssueStatus::finished))
                .containsExactly(IssueStatus.CLOSED, IssueStatus.SHUT_DOWN);
        for (IssueStatus status : IssueStatus.values()) {
            assertThat(status.open()).as(status.name()).isNotEqualTo(status.finished());
            assertThat(IssueStatus.finished(status.name())).as(status.name()).isEqualTo(status.finished());
        }
        assertThat(IssueStatus.finished(null)).isFalse();
    }

    @Test
    void cypherReadsTheRulesAsParameters() {
        assertThat(IssueStatus.CYPHER_PARAMETERS).containsOnlyKeys(IssueStatus.OPEN_STATUSES, IssueStatus.CLOSED_STATUS);
        assertThat(IssueStatus.CYPHER_PARAMETERS.get(IssueStatus.OPEN_STATUSES))
                .isEqualTo(List.of("PENDING_ASSIGNMENT", "RECTIFYING", "ACCEPTANCE_REQUESTED", "CARRIED_OVER"));
        assertThat(IssueStatus.CYPHER_PARAMETERS.get(IssueStatus.CLOSED_STATUS)).isEqualTo("CLOSED");
    }

    @Test
    void noSourceSpellsOutAStatusRule() throws IOException {
        Path sources = Path.of("src/main/java");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (file.endsWith(Path.of("common", "IssueStatus.java"))) {
                    continue;
                }
                violations(Files.readString(file, StandardCharsets.UTF_8))
                        .forEach(v -> found.add(sources.relativize(file) + ": " + v));
            }
        }
        assertThat(found).as("status rules spelled out instead of read from IssueStatus ($openStatuses, $closedStatus)")
                .isEmpty();
    }

    @Test
    void theScanFindsEachFormOfACopiedRule() {
        assertThat(violations("\"MATCH (i:Issue) WHERE NOT i.status IN ['CLOSED', 'SHUT_DOWN'] RETURN i\"")).hasSize(1);
        assertThat(violations("\"MATCH (x:Issue) WHERE x.status IN ['PENDING_ASSIGNMENT', 'RECTIFYING']\"")).hasSize(1);
        assertThat(violations("\"MATCH (p:Issue) RETURN count(CASE WHEN p.status = 'CLOSED' THEN p END)\"")).hasSize(1);
        assertThat(violations("\"MATCH (i:Issue) WHERE i.status <> 'SHUT_DOWN'\"")).hasSize(1);
        assertThat(violations("static final List<String> FINISHED = List.of(\"CLOSED\", \"SHUT_DOWN\");")).hasSize(1);

        assertThat(violations("\"MATCH (i:Issue) WHERE i.status IN $openStatuses AND i.status = $closedStatus\"")).isEmpty();
        assertThat(violations("\"MATCH (a:JointEnforcementAction) WHERE a.status <> 'CLOSED' SET a.status = 'CLOSED'\""))
                .as("an action's status is not a problem's").isEmpty();
    }

    /** The places in one source file where a status rule is spelled out. */
    static Set<String> violations(String source) {
        Set<String> found = new LinkedHashSet<>();
        collect(CYPHER_STATUS_LIST.matcher(source), found);
        collect(JAVA_STATUS_LIST.matcher(source), found);
        Matcher variables = ISSUE_VARIABLE.matcher(source);
        Set<String> issueVariables = new LinkedHashSet<>();
        while (variables.find()) {
            issueVariables.add(variables.group(1));
        }
        for (String variable : issueVariables) {
            collect(Pattern.compile("\\b" + Pattern.quote(variable) + STATUS_LITERAL).matcher(source), found);
        }
        return found;
    }

    private static void collect(Matcher matcher, Set<String> found) {
        while (matcher.find()) {
            found.add(matcher.group());
        }
    }
}
