package cn.changjiang.mining.enforcement;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.neo4j.driver.Value;

/**
 * What opening an action checks, read under the mine's lock: the problems named that exist, the units named that
 * exist, and the mine's open action if it has one.
 */
record OpeningFacts(List<IssueFacts> issues, List<String> knownUnits, String openAction) {

    /** The units a problem that is a criminal matter brings in, whatever its types: police and 政法委 (行刑衔接). */
    static final List<String> CRIMINAL_SIDE = List.of("POLICE", "POLITICS_LAW");

    /** The units given that do not exist, sorted. */
    List<String> unknownUnits(Collection<String> units) {
        return units.stream().filter(u -> !knownUnits.contains(u)).sorted().toList();
    }

    /** The problems asked for that do not exist, in the order asked. */
    List<String> missingIssues(List<String> issueIds) {
        Set<String> found = issues.stream().map(IssueFacts::id).collect(Collectors.toSet());
        return issueIds.stream().filter(id -> !found.contains(id)).toList();
    }

    /** The first problem that is closed or at another mine, if any. */
    Optional<IssueFacts> firstNotOpenAtMine() {
        return issues.stream().filter(i -> !i.atMine() || !i.open()).findFirst();
    }

    /**
     * The units given that answer for none of the problems, sorted: a unit answers for a problem it is assigned to,
     * competent for, has a duty covering or shares a task on, and police and 政法委 for any criminal matter.
     */
    List<String> notResponsible(Collection<String> units) {
        Set<String> responsible = new HashSet<>();
        issues.forEach(i -> responsible.addAll(i.responsible()));
        if (issues.stream().anyMatch(IssueFacts::criminal)) {
            responsible.addAll(CRIMINAL_SIDE);
        }
        return units.stream().filter(u -> !responsible.contains(u)).sorted().toList();
    }

    /** A problem named by the input: whether it is open and at the mine, criminal, and which units answer for it. */
    record IssueFacts(String id, boolean open, boolean atMine, boolean criminal, List<String> responsible) {

        static IssueFacts from(Value v) {
            return new IssueFacts(v.get("id").asString(), v.get("open").asBoolean(), v.get("atMine").asBoolean(),
                    v.get("criminal").asBoolean(), v.get("responsible").asList(Value::asString));
        }
    }

    static OpeningFacts from(Value v) {
        return new OpeningFacts(v.get("issues").asList(IssueFacts::from), v.get("knownUnits").asList(Value::asString),
                v.get("openAction").asString(null));
    }
}
