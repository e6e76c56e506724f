package cn.changjiang.mining.plan;

import java.util.List;

import cn.changjiang.mining.graph.Where.Arity;
import cn.changjiang.mining.graph.Where.Field;
import cn.changjiang.mining.graph.Where.Kind;
import cn.changjiang.mining.graph.Where.Relation;
import cn.changjiang.mining.graph.Where.Spec;

/**
 * What the plan's nodes may be filtered on in an analyst's {@code where} (the schema's {@code UnitWhere},
 * {@code PersonWhere}, {@code ViolationTypeWhere}, {@code TaskWhere}, {@code PhaseWhere}, {@code ProblemSourceWhere},
 * {@code OutcomeWhere}), for the lists of the features that reach them.
 */
public final class PlanWhere {

    private PlanWhere() {
    }

    public static final Spec TASK = Spec.of("Task", List.of(
            new Field("number", Kind.ORDERED, "{n}.number"),
            new Field("title", Kind.STRING, "{n}.title")), List.of());

    public static final Spec VIOLATION_TYPE = Spec.of("ViolationType", List.of(
            new Field("code", Kind.STRING, "{n}.code"),
            new Field("name", Kind.STRING, "{n}.name"),
            new Field("source", Kind.EXACT, "{n}.source")), List.of(
            new Relation("tasks", Arity.MANY, "({n})<-[:FOCUSES_ON]-({m}:Task)", TASK)));

    public static final Spec UNIT = Spec.of("Unit", List.of(
            new Field("id", Kind.EXACT, "{n}.id"),
            new Field("name", Kind.STRING, "{n}.name"),
            new Field("kind", Kind.EXACT, "{n}.kind"),
            new Field("campaignLead", Kind.BOOLEAN, "coalesce({n}.campaignLead, false)")), List.of());

    public static final Spec PERSON = Spec.of("Person", List.of(
            new Field("id", Kind.EXACT, "{n}.id"),
            new Field("name", Kind.STRING, "{n}.name"),
            new Field("title", Kind.STRING, "{n}.title"),
            new Field("rank", Kind.EXACT, "{n}.rank"),
            new Field("synthetic", Kind.BOOLEAN, "coalesce({n}.synthetic, false)")), List.of(
            new Relation("unit", Arity.ONE, "({n})-[:SERVES_IN]->({m}:Unit)", UNIT)));

    public static final Spec PHASE = Spec.of("Phase", List.of(
            new Field("number", Kind.ORDERED, "{n}.number"),
            new Field("name", Kind.STRING, "{n}.name")), List.of());

    public static final Spec PROBLEM_SOURCE = Spec.of("ProblemSource", List.of(
            new Field("code", Kind.EXACT, "{n}.code"),
            new Field("name", Kind.STRING, "{n}.name")), List.of());

    public static final Spec OUTCOME = Spec.of("Outcome", List.of(
            new Field("code", Kind.EXACT, "{n}.code"),
            new Field("name", Kind.STRING, "{n}.name")), List.of());
}
