package cn.changjiang.mining.accountability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.NotFoundException;
import cn.changjiang.mining.security.ReadPolicy;
import cn.changjiang.mining.common.Viewer;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

import static cn.changjiang.mining.accountability.AccountabilityLink.CONVENER;
import static cn.changjiang.mining.accountability.AccountabilityLink.ISSUE;
import static cn.changjiang.mining.accountability.AccountabilityLink.OFFICE;
import static cn.changjiang.mining.accountability.AccountabilityLink.PERSON;
import static cn.changjiang.mining.accountability.AccountabilityLink.TASK;
import static cn.changjiang.mining.accountability.AccountabilityLink.UNIT;
import static cn.changjiang.mining.accountability.AccountabilityLink.VIOLATION_TYPE;

/**
 * Builds chains of accountability: problem → violation types → tasks → units (those that must act first, then the
 * task's lead, supporting and territorial units) → people → the working-group office → the convener. A thing
 * reached twice appears once, at its first (strongest) place.
 */
@Service
class AccountabilityChains {

    private static final String PRINCIPAL_GROUNDS = "五(三):各单位要按照职能分工,落实工作责任";

    private final ChainQueries queries;

    AccountabilityChains(ChainQueries queries) {
        this.queries = queries;
    }

    List<AccountabilityLink> ofIssue(String issueId, Viewer viewer) {
        List<AccountabilityLink> chain = build(List.of(issueId), viewer);
        if (chain.stream().noneMatch(link -> link.level() == ISSUE)) {
            throw new NotFoundException("issueId", "No problem with id " + issueId);
        }
        return chain;
    }

    List<AccountabilityLink> ofMine(String mineId, Viewer viewer) {
        List<String> openIssues = queries.openIssueIdsOfMine(mineId)
                .orElseThrow(() -> new NotFoundException("mineId", "No mine with id " + mineId));
        return build(openIssues, viewer);
    }

    private List<AccountabilityLink> build(List<String> issueIds, Viewer viewer) {
        Value facts = queries.chainFacts(issueIds, ReadPolicy.readerUnit(viewer));
        Links links = new Links();
        for (Value issue : facts.get("issues").asList(v -> v)) {
            Value node = issue.get("issue");
            links.add(ISSUE, "ISSUE", node.get("id").asString(), node.get("title").asString(), node.get("status").asString(),
                    "问题台账 / recorded in the problem ledger", null);
            issue.get("types").asList(v -> v).stream()
                    .sorted(Comparator.comparingInt(t -> t.get("order").asInt(0)))
                    .forEach(t -> links.add(VIOLATION_TYPE, "VIOLATION_TYPE", t.get("type").get("code").asString(),
                            t.get("type").get("name").asString(), null, "问题类型 / type of the recorded problem", null));
            issue.get("tasks").values().forEach(t -> links.add(TASK, "TASK", String.valueOf(t.get("number").asInt()),
                    t.get("title").asString(), null, "三(" + numeral(t) + ")重点整治:" + t.get("focus").asString(), null));
            addUnits(links, issue);
            addPeople(links, issue);
        }
        addWorkingGroup(links, facts);
        return links.ordered();
    }

    private static String numeral(Value task) {
        String clause = task.get("clause").asString();
        return clause.substring(clause.indexOf('(') + 1, clause.indexOf(')'));
    }

    private static void addUnits(Links links, Value issue) {
        issue.get("assigned").asList(v -> v).stream()
                .sorted(Comparator.comparing(a -> a.get("role").asString()))
                .forEach(a -> links.addUnit(a.get("unit"), "ASSIGNED_" + a.get("role").asString(),
                        "问题台账交办 / assigned in the ledger"));
        issue.get("competent").asList(v -> v).stream()
                .sorted(Comparator.comparing((Value c) -> c.get("role").asString()).thenComparingInt(c -> c.get("unit").get("order").asInt()))
                .forEach(c -> links.addUnit(c.get("unit"), "COMPETENT_" + c.get("role").asString(),
                        c.get("clause").asString() + ":" + c.get("quote").asString()));
        issue.get("taskUnits").asList(v -> v).stream()
                .sorted(Comparator.comparing((Value r) -> r.get("role").asString()).thenComparingInt(r -> r.get("order").asInt()))
                .forEach(r -> links.addUnit(r.get("unit"), "TASK_" + r.get("role").asString(),
                        r.get("task").get("clause").asString() + r.get("task").get("unitsClause").asString()));
        issue.get("territorial").values().forEach(t -> links.add(UNIT, "UNIT", t.get("unit").get("id").asString(),
                t.get("government").asString(), "TERRITORIAL",
                "属地管理:矿山位于" + t.get("township").asString() + " / the mine lies in this township", null));
    }

    private static void addPeople(Links links, Value issue) {
        issue.get("responsible").values().forEach(r -> links.addPerson(r.get("person"), r.get("unit"),
                "RESPONSIBLE_PERSON", "问题台账责任人 / responsible person in the ledger"));
        List<Value> leaders = new ArrayList<>(issue.get("leaders").asList(v -> v));
        // Ties broken by the order of the people's units in the chain, then by id: never by storage order, which a
        // restore from backup does not keep.
        leaders.sort(Comparator.comparing((Value l) -> l.get("person").get("rank").asString())
                .thenComparingInt(l -> links.unitPlace(l.get("unit").get("id").asString()))
                .thenComparing(l -> l.get("person").get("id").asString()));
        leaders.forEach(l -> {
            boolean deputy = "DEPUTY".equals(l.get("person").get("rank").asString());
            String grounds = deputy
                    ? "附件1:" + l.get("memberQuote").asString("分管负责同志")
                    : PRINCIPAL_GROUNDS;
            links.addPerson(l.get("person"), l.get("unit"), deputy ? "DEPUTY" : "PRINCIPAL", grounds);
        });
    }

    private static void addWorkingGroup(Links links, Value facts) {
        if (!facts.get("office").isNull()) {
            Value director = facts.get("director");
            links.add(OFFICE, "OFFICE", facts.get("office").get("id").asString(), facts.get("office").get("name").asString(),
                    null, facts.get("office").get("quote").asString(), facts.get("directorUnit").get("id").asString());
            links.add(OFFICE, "POSITION", director.get("id").asString(), holderName(facts.get("directorHolders"),
                            facts.get("directorUnit"), "分管负责同志"), director.get("title").asString(),
                    director.get("quote").asString(), facts.get("directorUnit").get("id").asString());
        }
        if (!facts.get("convener").isNull()) {
            Value convener = facts.get("convener");
            // The working group convened here holds units to account on the ground of 五(四)'s 追责 clause.
            String grounds = convener.get("quote").asString()
                    + (facts.get("holdsToAccount").isNull() ? "" : ";" + facts.get("holdsToAccount").asString());
            links.add(CONVENER, "POSITION", convener.get("id").asString(), holderName(facts.get("convenerHolders"),
                            facts.get("convenerUnit"), "主要负责同志"), convener.get("title").asString(),
                    grounds, facts.get("convenerUnit").get("id").asString());
        }
    }

    /** The person holding a position, or — where no person is recorded — the rank the document names. */
    private static String holderName(Value holders, Value unit, String rank) {
        return holders.isEmpty() ? unit.get("name").asString() + rank : holders.get(0).get("name").asString();
    }

    /** Links without repeats, each kept at its first (strongest) place, ordered by level. */
    private static final class Links {
        private final Map<String, AccountabilityLink> byKey = new LinkedHashMap<>();

        void add(int level, String kind, String id, String name, String role, String grounds, String unitId) {
            AccountabilityLink link = new AccountabilityLink(level, kind, id, name, role, grounds, unitId);
            byKey.putIfAbsent(link.key(), link);
        }

        void addUnit(Value unit, String role, String grounds) {
            add(UNIT, "UNIT", unit.get("id").asString(), unit.get("name").asString(), role, grounds, unit.get("id").asString());
        }

        void addPerson(Value person, Value unit, String role, String grounds) {
            add(PERSON, "PERSON", person.get("id").asString(), person.get("name").asString(), role, grounds,
                    unit.get("id").asString());
        }

        /** Where a unit stands among the chain's units so far. */
        int unitPlace(String unitId) {
            List<String> units = byKey.values().stream().filter(l -> "UNIT".equals(l.kind())).map(AccountabilityLink::id).toList();
            return units.contains(unitId) ? units.indexOf(unitId) : units.size();
        }

        List<AccountabilityLink> ordered() {
            return byKey.values().stream().sorted(Comparator.comparingInt(AccountabilityLink::level)).toList();
        }
    }
}
