package cn.changjiang.mining.accountability;

import java.util.List;

import org.neo4j.driver.Value;

import static cn.changjiang.mining.graph.Read.string;

/**
 * What {@link ChainQueries#chainFacts} returns: the facts of the problems (in the order the chain shows them) and of
 * the working group above them. Each record reads its own part of the Cypher answer; nothing else reads the map.
 */
record ChainFacts(List<IssueFacts> issues, Office office, Position director, UnitRef directorUnit,
                  List<String> directorHolders, Position convener, UnitRef convenerUnit, List<String> convenerHolders,
                  String holdsToAccount, Group ownGroup, List<UpperGroup> upper) {

    /** Facts of a district whose plans above set up no 专班 of their own. */
    ChainFacts(List<IssueFacts> issues, Office office, Position director, UnitRef directorUnit,
               List<String> directorHolders, Position convener, UnitRef convenerUnit, List<String> convenerHolders,
               String holdsToAccount) {
        this(issues, office, director, directorUnit, directorHolders, convener, convenerUnit, convenerHolders,
                holdsToAccount, null, List.of());
    }

    static ChainFacts from(Value v) {
        return new ChainFacts(v.get("issues").asList(IssueFacts::from), Office.from(v.get("office")),
                Position.from(v.get("director")), UnitRef.from(v.get("directorUnit")),
                names(v.get("directorHolders")), Position.from(v.get("convener")), UnitRef.from(v.get("convenerUnit")),
                names(v.get("convenerHolders")), string(v, "holdsToAccount"), Group.from(v.get("ownGroup")),
                v.get("upper").isNull() ? List.of() : v.get("upper").asList(UpperGroup::from));
    }

    /**
     * A plan's 专班 as importPlan wrote it (:PlanWorkingGroup): the convener's unit where it matched one (else the
     * name the text gives), and the jurisdiction whose plan set it up.
     */
    record Group(String id, String name, String quote, String convenerUnitName, String convenerRank, UnitRef unit,
                 String jurisdictionName, String jurisdictionLevel) {
        static Group from(Value v) {
            return v == null || v.isNull() ? null : new Group(string(v, "id"), string(v, "name"), string(v, "quote"),
                    string(v, "convenerUnitName"), string(v, "convenerRank"), UnitRef.from(v.get("unit")),
                    string(v.get("jurisdiction"), "name"), string(v.get("jurisdiction"), "level"));
        }
    }

    /** The 专班 of a plan the problem's district plan carries out, {@code depth} IMPLEMENTS steps up, with that citation. */
    record UpperGroup(int depth, String implementsQuote, Group group) {
        static UpperGroup from(Value v) {
            return new UpperGroup(v.get("depth").asInt(), string(v, "implementsQuote"), Group.from(v.get("group")));
        }
    }

    /** The names of a position's holders; none where there is no such position (the comprehension is null). */
    private static List<String> names(Value holders) {
        return holders.isNull() ? List.of() : holders.asList(h -> h.get("name").asString());
    }

    /** A unit as the chain names it; {@code order} is the unit's place in the plan, where the query asks for it. */
    record UnitRef(String id, String name, Integer order) {
        static UnitRef from(Value v) {
            return v.isNull() ? null : new UnitRef(string(v, "id"), string(v, "name"),
                    v.get("order").isNull() ? null : v.get("order").asInt());
        }
    }

    /** One problem and everything linked to it. */
    record IssueFacts(Problem issue, List<TypeOf> types, List<Task> tasks, List<Assigned> assigned,
                      List<Competent> competent, List<TaskUnit> taskUnits, List<Territorial> territorial,
                      List<Responsible> responsible, List<Leader> leaders) {
        static IssueFacts from(Value v) {
            return new IssueFacts(Problem.from(v.get("issue")), v.get("types").asList(TypeOf::from),
                    v.get("tasks").asList(Task::from), v.get("assigned").asList(Assigned::from),
                    v.get("competent").asList(Competent::from), v.get("taskUnits").asList(TaskUnit::from),
                    v.get("territorial").asList(Territorial::from), v.get("responsible").asList(Responsible::from),
                    v.get("leaders").asList(Leader::from));
        }
    }

    record Problem(String id, String title, String status) {
        static Problem from(Value v) {
            return new Problem(string(v, "id"), string(v, "title"), string(v, "status"));
        }
    }

    /** A violation type of the problem; {@code order} is its place among the problem's types (0 when unrecorded). */
    record TypeOf(String code, String name, int order) {
        static TypeOf from(Value v) {
            return new TypeOf(string(v.get("type"), "code"), string(v.get("type"), "name"), v.get("order").asInt(0));
        }
    }

    /** A task focusing on one of the problem's types; {@code clause} reads like "三(三)". */
    record Task(int number, String title, String clause, String focus) {
        static Task from(Value v) {
            return new Task(v.get("number").asInt(), string(v, "title"), string(v, "clause"), string(v, "focus"));
        }
    }

    /** A unit the ledger assigns the problem to, as LEAD or SUPPORTING. */
    record Assigned(UnitRef unit, String role) {
        static Assigned from(Value v) {
            return new Assigned(UnitRef.from(v.get("unit")), string(v, "role"));
        }
    }

    /** A unit competent (annex 2) for one of the problem's types, with the clause and its quote. */
    record Competent(UnitRef unit, String role, String clause, String quote) {
        static Competent from(Value v) {
            return new Competent(UnitRef.from(v.get("unit")), string(v, "role"), string(v, "clause"), string(v, "quote"));
        }
    }

    /** A unit responsible for one of the problem's tasks, with its place in the task's list of units. */
    record TaskUnit(UnitRef unit, String role, int order, String taskClause, String unitsClause) {
        static TaskUnit from(Value v) {
            return new TaskUnit(UnitRef.from(v.get("unit")), string(v, "role"), v.get("order").asInt(),
                    string(v.get("task"), "clause"), string(v.get("task"), "unitsClause"));
        }
    }

    /** The government of the township the problem's mine lies in. */
    record Territorial(String unitId, String township, String government) {
        static Territorial from(Value v) {
            return new Territorial(string(v.get("unit"), "id"), string(v, "township"), string(v, "government"));
        }
    }

    /** The person the ledger names for the problem (only where the reader may know it), and the person's unit. */
    record Responsible(String personId, String name, String unitId) {
        static Responsible from(Value v) {
            return new Responsible(string(v.get("person"), "id"), string(v.get("person"), "name"),
                    string(v.get("unit"), "id"));
        }
    }

    /**
     * A deputy or principal of a unit that must act on the problem; {@code memberQuote} is the annex-1 quote of the
     * unit's deputy position in the working group, where there is one.
     */
    record Leader(String personId, String name, String rank, String unitId, String memberQuote) {
        static Leader from(Value v) {
            return new Leader(string(v.get("person"), "id"), string(v.get("person"), "name"),
                    string(v.get("person"), "rank"), string(v.get("unit"), "id"), string(v, "memberQuote"));
        }
    }

    record Office(String id, String name, String quote) {
        static Office from(Value v) {
            return v.isNull() ? null : new Office(string(v, "id"), string(v, "name"), string(v, "quote"));
        }
    }

    record Position(String id, String title, String quote) {
        static Position from(Value v) {
            return v.isNull() ? null : new Position(string(v, "id"), string(v, "title"), string(v, "quote"));
        }
    }
}
