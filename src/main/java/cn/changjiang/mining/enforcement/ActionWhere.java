package cn.changjiang.mining.enforcement;

import java.util.List;

import cn.changjiang.mining.graph.Where.Arity;
import cn.changjiang.mining.graph.Where.Field;
import cn.changjiang.mining.graph.Where.Kind;
import cn.changjiang.mining.graph.Where.Relation;
import cn.changjiang.mining.graph.Where.Spec;
import cn.changjiang.mining.ledger.IssueWhere;
import cn.changjiang.mining.mine.MineWhere;
import cn.changjiang.mining.plan.PlanWhere;

/**
 * What a joint-enforcement action may be filtered on in an analyst's {@code where} (the schema's
 * {@code JointEnforcementActionWhere}): its status and dates, whether the mine was closed, its mine, lead unit,
 * participating units and the problems it covers.
 */
final class ActionWhere {

    private ActionWhere() {
    }

    static final Spec ACTION = Spec.of("JointEnforcementAction", List.of(
            new Field("status", Kind.EXACT, "{n}.status"),
            new Field("plannedOn", Kind.ORDERED, "{n}.plannedOn"),
            new Field("inspectedOn", Kind.ORDERED, "{n}.inspectedOn"),
            new Field("mineClosed", Kind.BOOLEAN, "coalesce({n}.mineClosed, false)")), List.of(
            new Relation("mine", Arity.ONE, "({n})-[:FOR_MINE]->({m}:Mine)", MineWhere.MINE),
            new Relation("leadUnit", Arity.ONE, "({n})-[:LED_BY]->({m}:Unit)", PlanWhere.UNIT),
            new Relation("participatingUnits", Arity.MANY, "({n})-[:WITH_UNIT]->({m}:Unit)", PlanWhere.UNIT),
            new Relation("issues", Arity.MANY, "({n})-[:COVERS_ISSUE]->({m}:Issue)", IssueWhere.ISSUE)));
}
