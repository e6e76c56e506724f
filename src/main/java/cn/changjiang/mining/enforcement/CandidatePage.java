package cn.changjiang.mining.enforcement;

import java.util.List;

import cn.changjiang.mining.ledger.Issue;
import cn.changjiang.mining.mine.Mine;
import cn.changjiang.mining.plan.Unit;
import org.neo4j.driver.Value;

/**
 * One page of mines needing joint enforcement as {@link EnforcementQueries#findMinesNeedingJointEnforcement} reads
 * it: the rows in rank order, the total, and the units a criminal matter must bring in.
 */
record CandidatePage(long total, List<Row> rows, List<Unit> mustJoin) {

    /** A mine with its open, overdue and serious problem counts and the departments its open problems need. */
    record Row(Mine mine, List<Department> departments, int open, int overdue, int serious, boolean criminal,
               JointEnforcementAction openAction) {

        static Row from(Value v) {
            return new Row(Mine.from(v.get("mine")), v.get("departments").asList(Department::from), v.get("open").asInt(),
                    v.get("overdue").asInt(), v.get("serious").asInt(), v.get("criminal").asBoolean(),
                    v.get("openAction").isNull() ? null : JointEnforcementAction.from(v.get("openAction")));
        }
    }

    /** A department and the mine's open problems it must act on, in the order Cypher collected them. */
    record Department(Unit unit, List<Issue> issues) {

        static Department from(Value v) {
            return new Department(Unit.from(v.get("unit")), v.get("issues").asList(Issue::from));
        }
    }

    static CandidatePage from(Value v) {
        return new CandidatePage(v.get("total").asLong(), v.get("rows").asList(Row::from),
                v.get("mustJoin").asList(Unit::from));
    }
}
