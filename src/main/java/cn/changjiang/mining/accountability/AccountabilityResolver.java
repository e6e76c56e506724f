package cn.changjiang.mining.accountability;

import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.security.ReadPolicy;
import cn.changjiang.mining.plan.PersonRank;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.accountability.Accountability.AccountableUnit;
import cn.changjiang.mining.accountability.Accountability.Subject;
import cn.changjiang.mining.plan.Scopes;
import cn.changjiang.mining.common.InvalidInputException;
import cn.changjiang.mining.common.NotFoundException;
import cn.changjiang.mining.plan.Person;
import cn.changjiang.mining.plan.Unit;
import org.springframework.stereotype.Service;

/**
 * Answers "who is accountable for X" for a violation type, a task, a mine, a township or a problem. A unit can be
 * reached in several ways; it appears once, with all its roles, strongest first.
 */
@Service
class AccountabilityResolver {

    private final AccountabilityQueries queries;

    private final ChainQueries chains;
    private final Scopes scopes;

    AccountabilityResolver(AccountabilityQueries queries, ChainQueries chains, Scopes scopes) {
        this.chains = chains;
        this.scopes = scopes;
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
        if (chains.outside(kind, key, scopes.of(viewer, null).districts())) {
            // Outside the viewer's jurisdiction: answered as an unknown subject is.
            throw new NotFoundException("for." + kind, "No " + kind + " " + key);
        }
        RoleFacts facts = queries.rolesFor(kind, key, ReadPolicy.readerUnit(viewer))
                .orElseThrow(() -> new NotFoundException("for." + kind, "No " + kind + " " + key));
        return assemble(kind + ":" + key, facts);
    }

    /**
     * Pure: one answer from the facts. Units in the order of their strongest role, then by id; each unit's roles
     * strongest first ({@link AccountabilityRole}'s order), the grounds of a role reached twice joined by ";"; people
     * of a unit: the ledger's responsible people (by id), then the unit's deputies and principals (deputies — 分管负责同志, who answer first — before principals, then by id).
     */
    static Accountability assemble(String subject, RoleFacts facts) {
        Map<String, Unit> units = new LinkedHashMap<>();
        Map<String, EnumMap<AccountabilityRole, String>> roles = new LinkedHashMap<>();
        for (RoleFacts.UnitRole row : facts.units()) {
            units.putIfAbsent(row.unit().id(), row.unit());
            roles.computeIfAbsent(row.unit().id(), id -> new EnumMap<>(AccountabilityRole.class))
                    .merge(row.role(), row.grounds(), (a, b) -> a.equals(b) ? a : a + ";" + b);
        }
        Map<String, LinkedHashSet<Person>> people = new LinkedHashMap<>();
        facts.responsible().stream()
                .sorted(Comparator.comparing((RoleFacts.PersonIn r) -> r.person().id()))
                .forEach(r -> people.computeIfAbsent(r.unit().id(), id -> new LinkedHashSet<>()).add(r.person()));
        facts.leaders().stream()
                .filter(l -> units.containsKey(l.unit().id()))
                .sorted(Comparator.comparing((RoleFacts.PersonIn l) -> l.person().rank() != PersonRank.DEPUTY)
                        .thenComparing(l -> l.person().id()))
                .forEach(l -> people.computeIfAbsent(l.unit().id(), id -> new LinkedHashSet<>()).add(l.person()));

        List<AccountableUnit> accountable = new ArrayList<>();
        for (Unit unit : units.values()) {
            EnumMap<AccountabilityRole, String> unitRoles = roles.get(unit.id());
            accountable.add(new AccountableUnit(unit, List.copyOf(unitRoles.keySet()), List.copyOf(unitRoles.values()),
                    List.copyOf(people.getOrDefault(unit.id(), new LinkedHashSet<>()))));
        }
        accountable.sort(Comparator.comparing((AccountableUnit u) -> u.roles().getFirst())
                .thenComparing(u -> u.unit().id()));
        List<Person> everyone = accountable.stream().flatMap(u -> u.people().stream()).distinct().toList();
        return new Accountability(subject, accountable, everyone);
    }
}
