package cn.changjiang.mining.accountability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.accountability.ChainFacts.Assigned;
import cn.changjiang.mining.accountability.ChainFacts.Competent;
import cn.changjiang.mining.accountability.ChainFacts.IssueFacts;
import cn.changjiang.mining.accountability.ChainFacts.Leader;
import cn.changjiang.mining.accountability.ChainFacts.Responsible;
import cn.changjiang.mining.accountability.ChainFacts.Task;
import cn.changjiang.mining.accountability.ChainFacts.TaskUnit;
import cn.changjiang.mining.accountability.ChainFacts.Territorial;
import cn.changjiang.mining.accountability.ChainFacts.TypeOf;
import cn.changjiang.mining.accountability.ChainFacts.UnitRef;

import static cn.changjiang.mining.accountability.AccountabilityLink.CONVENER;
import static cn.changjiang.mining.accountability.AccountabilityLink.ISSUE;
import static cn.changjiang.mining.accountability.AccountabilityLink.OFFICE;
import static cn.changjiang.mining.accountability.AccountabilityLink.PERSON;
import static cn.changjiang.mining.accountability.AccountabilityLink.TASK;
import static cn.changjiang.mining.accountability.AccountabilityLink.UNIT;
import static cn.changjiang.mining.accountability.AccountabilityLink.VIOLATION_TYPE;

/**
 * Builds a chain of accountability from its facts: problem → violation types → tasks → units (those the ledger
 * assigns, then those competent for the types, then the tasks' units, then the township's government) → people →
 * the working-group office → the convener. Pure: no database, no Spring.
 *
 * <p>The order is fully defined and decided here only. Links are ordered by level; within a level, by the problem
 * they first come from (the problems in the order of the facts: found on, then id), and for one problem:
 * <ul>
 *   <li>violation types by their place among the problem's types, then code;</li>
 *   <li>tasks by number;</li>
 *   <li>units: assigned (by role, then unit id), competent (by role, the unit's place in the plan — units with
 *       none after those with one —, unit id, grounds), task units (by role, place in the task's list, unit id,
 *       grounds), territorial (by unit id, grounds);</li>
 *   <li>people ({@link #PEOPLE}): the ledger's responsible person, then deputies, then principals; within each,
 *       by the place of the person's unit among the chain's units, then by person id.</li>
 * </ul>
 * A thing reached twice appears once, at its first (strongest) place. Where one thing could be shown from several
 * records (a deputy's annex-1 quote, the holder of a position), the first by id is shown. docs/frontend.md lists this
 * order with every other list's.
 */
final class ChainAssembly {

    static final String PRINCIPAL_GROUNDS = "五(三):各单位要按照职能分工,落实工作责任";
    static final String DEPUTY_FALLBACK = "分管负责同志";
    static final String CONVENER_FALLBACK = "主要负责同志";

    /** People's roles at level 4, in the order the chain shows them. */
    static final List<String> PEOPLE = List.of("RESPONSIBLE_PERSON", "DEPUTY", "PRINCIPAL");

    private ChainAssembly() {
    }

    static List<AccountabilityLink> assemble(ChainFacts facts) {
        Links links = new Links();
        for (IssueFacts issue : facts.issues()) {
            links.add(ISSUE, "ISSUE", issue.issue().id(), issue.issue().title(), issue.issue().status(),
                    "问题台账 / recorded in the problem ledger", null);
            issue.types().stream()
                    .sorted(Comparator.comparingInt(TypeOf::order).thenComparing(TypeOf::code))
                    .forEach(t -> links.add(VIOLATION_TYPE, "VIOLATION_TYPE", t.code(), t.name(), null,
                            "问题类型 / type of the recorded problem", null));
            issue.tasks().stream()
                    .sorted(Comparator.comparingInt(Task::number))
                    .forEach(t -> links.add(TASK, "TASK", String.valueOf(t.number()), t.title(), null,
                            "三(" + numeral(t.clause()) + ")重点整治:" + t.focus(), null));
            addUnits(links, issue);
            addPeople(links, issue);
        }
        addWorkingGroup(links, facts);
        addPlanWorkingGroups(links, facts);
        return links.ordered();
    }

    /** "三(三)" → "三". */
    static String numeral(String clause) {
        return clause.substring(clause.indexOf('(') + 1, clause.indexOf(')'));
    }

    private static void addUnits(Links links, IssueFacts issue) {
        issue.assigned().stream()
                .sorted(Comparator.comparing(Assigned::role).thenComparing(a -> a.unit().id()))
                .forEach(a -> links.addUnit(a.unit(), "ASSIGNED_" + a.role(), "问题台账交办 / assigned in the ledger"));
        issue.competent().stream()
                .map(c -> new UnitAt(c.unit(), c.role(), c.unit().order() == null ? Integer.MAX_VALUE : c.unit().order(),
                        c.clause() + ":" + c.quote()))
                .sorted(UnitAt.ORDER)
                .forEach(c -> links.addUnit(c.unit(), "COMPETENT_" + c.role(), c.grounds()));
        issue.taskUnits().stream()
                .map(r -> new UnitAt(r.unit(), r.role(), r.order(), r.taskClause() + r.unitsClause()))
                .sorted(UnitAt.ORDER)
                .forEach(r -> links.addUnit(r.unit(), "TASK_" + r.role(), r.grounds()));
        issue.territorial().stream()
                .map(t -> new AccountabilityLink(UNIT, "UNIT", t.unitId(), t.government(), "TERRITORIAL",
                        "属地管理:矿山位于" + t.township() + " / the mine lies in this township", null))
                .sorted(Comparator.comparing(AccountabilityLink::id).thenComparing(AccountabilityLink::grounds))
                .forEach(links::add);
    }

    /** A unit reached with a role, its place among its peers, and grounds. */
    private record UnitAt(UnitRef unit, String role, int place, String grounds) {
        static final Comparator<UnitAt> ORDER = Comparator.comparing(UnitAt::role).thenComparingInt(UnitAt::place)
                .thenComparing(u -> u.unit().id()).thenComparing(UnitAt::grounds);
    }

    private static void addPeople(Links links, IssueFacts issue) {
        List<AccountabilityLink> people = new ArrayList<>();
        for (Responsible r : issue.responsible()) {
            people.add(new AccountabilityLink(PERSON, "PERSON", r.personId(), r.name(), "RESPONSIBLE_PERSON",
                    "问题台账责任人 / responsible person in the ledger", r.unitId()));
        }
        for (Leader l : issue.leaders()) {
            boolean deputy = "DEPUTY".equals(l.rank());
            String grounds = deputy
                    ? "附件1:" + (l.memberQuote() == null ? DEPUTY_FALLBACK : l.memberQuote())
                    : PRINCIPAL_GROUNDS;
            people.add(new AccountabilityLink(PERSON, "PERSON", l.personId(), l.name(), deputy ? "DEPUTY" : "PRINCIPAL",
                    grounds, l.unitId()));
        }
        people.sort(peopleOrder(links));
        people.forEach(links::add);
    }

    /**
     * The one order of the people at level 4: by role ({@link #PEOPLE}), then by where the person's unit stands among
     * the chain's units so far (units not in the chain last), then by person id. Never by storage order, which a
     * restore from backup does not keep.
     */
    static Comparator<AccountabilityLink> peopleOrder(List<String> unitsInChain) {
        return Comparator.comparingInt((AccountabilityLink p) -> PEOPLE.indexOf(p.role()))
                .thenComparingInt(p -> unitsInChain.contains(p.unitId()) ? unitsInChain.indexOf(p.unitId()) : unitsInChain.size())
                .thenComparing(AccountabilityLink::id)
                .thenComparing(AccountabilityLink::grounds);
    }

    private static Comparator<AccountabilityLink> peopleOrder(Links links) {
        return peopleOrder(links.unitIds());
    }

    private static void addWorkingGroup(Links links, ChainFacts facts) {
        if (facts.office() != null) {
            String unitId = facts.directorUnit().id();
            links.add(OFFICE, "OFFICE", facts.office().id(), facts.office().name(), null, facts.office().quote(), unitId);
            links.add(OFFICE, "POSITION", facts.director().id(),
                    holderName(facts.directorHolders(), facts.directorUnit(), DEPUTY_FALLBACK),
                    facts.director().title(), facts.director().quote(), unitId);
        }
        if (facts.convener() != null) {
            // The working group convened here holds units to account on the ground of 五(四)'s 追责 clause.
            String grounds = facts.convener().quote()
                    + (facts.holdsToAccount() == null ? "" : ";" + facts.holdsToAccount());
            links.add(CONVENER, "POSITION", facts.convener().id(),
                    holderName(facts.convenerHolders(), facts.convenerUnit(), CONVENER_FALLBACK),
                    facts.convener().title(), grounds, facts.convenerUnit().id());
        }
    }

    /**
     * The 专班 of the plans above: the district's own plan's (level 6, in place of the seeded working group, for a
     * district whose content is its imported plan), then one level further for each plan the district's plan carries
     * out (IMPLEMENTS), city then province, each with the citation and the working group's own quote as grounds.
     */
    private static void addPlanWorkingGroups(Links links, ChainFacts facts) {
        if (facts.ownGroup() != null) {
            links.add(groupLink(CONVENER, facts.ownGroup(), facts.ownGroup().quote()));
        }
        facts.upper().stream()
                .filter(u -> u.group() != null)
                .sorted(Comparator.comparingInt(ChainFacts.UpperGroup::depth))
                .forEach(u -> links.add(groupLink(CONVENER + u.depth(), u.group(),
                        (u.implementsQuote() == null ? "" : u.implementsQuote() + ";") + u.group().quote())));
    }

    private static AccountabilityLink groupLink(int level, ChainFacts.Group group, String grounds) {
        String unitName = group.unit() != null ? group.unit().name() : group.convenerUnitName();
        String name = (group.name() != null ? group.name() : group.jurisdictionName() + "专班") + ":召集人 "
                + (unitName == null ? "" : unitName) + (group.convenerRank() == null ? "" : group.convenerRank());
        return new AccountabilityLink(level, "WORKING_GROUP", group.id(), name, "CONVENER_" + group.jurisdictionLevel(),
                grounds, group.unit() == null ? null : group.unit().id());
    }

    /** The person holding a position, or — where no person is recorded — the rank the document names. */
    private static String holderName(List<String> holders, UnitRef unit, String rank) {
        return holders.isEmpty() ? unit.name() + rank : holders.getFirst();
    }

    /** Links without repeats, each kept at its first (strongest) place, ordered by level. */
    private static final class Links {
        private final Map<String, AccountabilityLink> byKey = new LinkedHashMap<>();

        void add(int level, String kind, String id, String name, String role, String grounds, String unitId) {
            add(new AccountabilityLink(level, kind, id, name, role, grounds, unitId));
        }

        void add(AccountabilityLink link) {
            byKey.putIfAbsent(link.key(), link);
        }

        void addUnit(UnitRef unit, String role, String grounds) {
            add(UNIT, "UNIT", unit.id(), unit.name(), role, grounds, unit.id());
        }

        /** The chain's units so far, in their order. */
        List<String> unitIds() {
            return byKey.values().stream().filter(l -> "UNIT".equals(l.kind())).map(AccountabilityLink::id).toList();
        }

        List<AccountabilityLink> ordered() {
            return byKey.values().stream().sorted(Comparator.comparingInt(AccountabilityLink::level)).toList();
        }
    }
}
