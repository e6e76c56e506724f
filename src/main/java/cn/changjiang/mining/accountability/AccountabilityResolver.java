package cn.changjiang.mining.accountability;

import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.security.ReadPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.accountability.Accountability.AccountableUnit;
import cn.changjiang.mining.accountability.Accountability.Subject;
import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.common.NotFoundException;
import cn.changjiang.mining.plan.Person;
import cn.changjiang.mining.plan.Unit;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Answers "who is accountable for X" for a violation type, a task, a mine, a township or a problem. A unit can be
 * reached in several ways; it appears once, with all its roles, strongest first.
 */
@Service
class AccountabilityResolver {

    /** Strongest first: those who must act on the problem, then those who share the task, then the territory. */
    private static final List<String> ROLE_ORDER = List.of("ASSIGNED_LEAD", "ASSIGNED_SUPPORTING", "COMPETENT_LEAD",
            "COMPETENT_SUPPORT", "DUTY_HOLDER", "TASK_LEAD", "TASK_SUPPORTING", "TERRITORIAL");

    private final AccountabilityQueries queries;

    AccountabilityResolver(AccountabilityQueries queries) {
        this.queries = queries;
    }

    Accountability resolve(Subject subject, Viewer viewer) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("violationType", subject.violationType());
        fields.put("task", subject.task());
        fields.put("mine", subject.mine());
        fields.put("township", subject.township());
        fields.put("issue", subject.issue());
        List<Map.Entry<String, String>> given = fields.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> Map.entry(e.getKey(), e.getValue().toString()))
                .toList();
        if (given.size() != 1) {
            throw new InvalidInputException("for", "Give exactly one of violationType, task, mine, township, issue");
        }
        String kind = given.getFirst().getKey();
        String key = given.getFirst().getValue();
        Value facts = queries.rolesFor(kind, key, ReadPolicy.readerUnit(viewer))
                .orElseThrow(() -> new NotFoundException("for." + kind, "No " + kind + " " + key));
        return assemble(kind + ":" + key, facts);
    }

    private static Accountability assemble(String subject, Value facts) {
        Map<String, Unit> units = new LinkedHashMap<>();
        Map<String, LinkedHashMap<String, String>> roles = new LinkedHashMap<>();
        for (String part : List.of("assigned", "competent", "duties", "taskUnits", "territorial")) {
            for (Value row : facts.get(part).asList(v -> v)) {
                Unit unit = Unit.from(row.get("unit"));
                units.putIfAbsent(unit.id(), unit);
                roles.computeIfAbsent(unit.id(), id -> new LinkedHashMap<>())
                        .merge(row.get("role").asString(), row.get("grounds").asString(), (a, b) -> a.equals(b) ? a : a + ";" + b);
            }
        }
        Map<String, LinkedHashSet<Person>> people = new LinkedHashMap<>();
        facts.get("responsible").values().forEach(r -> people.computeIfAbsent(r.get("unit").get("id").asString(),
                id -> new LinkedHashSet<>()).add(Person.from(r.get("person"))));
        facts.get("leaders").asList(v -> v).stream()
                .filter(l -> units.containsKey(l.get("unit").get("id").asString()))
                .sorted(Comparator.comparing(l -> l.get("person").get("rank").asString()))
                .forEach(l -> people.computeIfAbsent(l.get("unit").get("id").asString(), id -> new LinkedHashSet<>())
                        .add(Person.from(l.get("person"))));

        List<AccountableUnit> accountable = new ArrayList<>();
        for (Unit unit : units.values()) {
            List<Map.Entry<String, String>> unitRoles = roles.get(unit.id()).entrySet().stream()
                    .sorted(Comparator.comparingInt(e -> ROLE_ORDER.indexOf(e.getKey()))).toList();
            accountable.add(new AccountableUnit(unit, unitRoles.stream().map(Map.Entry::getKey).toList(),
                    unitRoles.stream().map(Map.Entry::getValue).toList(),
                    List.copyOf(people.getOrDefault(unit.id(), new LinkedHashSet<>()))));
        }
        accountable.sort(Comparator.comparingInt((AccountableUnit u) -> ROLE_ORDER.indexOf(u.roles().getFirst()))
                .thenComparing(u -> u.unit().id()));
        List<Person> everyone = accountable.stream().flatMap(u -> u.people().stream()).distinct().toList();
        return new Accountability(subject, accountable, everyone);
    }
}
