package cn.changjiang.mining.ledger;

import java.util.List;

import cn.changjiang.mining.graph.Where.Arity;
import cn.changjiang.mining.graph.Where.Field;
import cn.changjiang.mining.graph.Where.Kind;
import cn.changjiang.mining.graph.Where.Relation;
import cn.changjiang.mining.graph.Where.Spec;
import cn.changjiang.mining.mine.MineWhere;
import cn.changjiang.mining.plan.PlanWhere;

/**
 * What a problem may be filtered on in an analyst's {@code where} (the schema's {@code IssueWhere}): its own fields,
 * and its mine (with township and minerals), types (with their tasks), assignments (unit and role), responsible
 * person, phase, source and outcomes. {@code open} and {@code overdue} are the ledger's one rule
 * ({@code $openStatuses}, today as {@code $f_today}), as everywhere else.
 */
public final class IssueWhere {

    private IssueWhere() {
    }

    static final Spec ASSIGNMENT = Spec.of("IssueAssignment", List.of(
            new Field("role", Kind.EXACT, "{n}.role")), List.of(
            // The unit is the node the assignments' pattern names after the assignment (below): one flat pattern, whose
            // unit id the planner sees (an index lookup it can weigh), not a second match of the relationship.
            new Relation("unit", Arity.ENDPOINT, "{n}_unit", PlanWhere.UNIT)));

    public static final Spec ISSUE = Spec.of("Issue", List.of(
            new Field("id", Kind.EXACT, "{n}.id"),
            new Field("title", Kind.STRING, "{n}.title"),
            new Field("description", Kind.STRING, "{n}.description"),
            new Field("measures", Kind.STRING, "{n}.measures"),
            new Field("status", Kind.EXACT, "{n}.status"),
            new Field("severity", Kind.EXACT, "{n}.severity"),
            new Field("foundOn", Kind.ORDERED, "{n}.foundOn"),
            new Field("deadline", Kind.ORDERED, "{n}.deadline"),
            new Field("closedOn", Kind.ORDERED, "{n}.closedOn"),
            new Field("open", Kind.BOOLEAN, "({n}.status IN $openStatuses)"),
            new Field("overdue", Kind.BOOLEAN, "coalesce({n}.status IN $openStatuses AND {n}.deadline < $f_today, false)"),
            new Field("supervised", Kind.BOOLEAN, "coalesce({n}.supervised, false)"),
            new Field("synthetic", Kind.BOOLEAN, "coalesce({n}.synthetic, false)")), List.of(
            new Relation("mine", Arity.ONE, "({n})-[:AT]->({m}:Mine)", MineWhere.MINE),
            new Relation("source", Arity.ONE, "({n})-[:FOUND_BY]->({m}:ProblemSource)", PlanWhere.PROBLEM_SOURCE),
            new Relation("phase", Arity.ONE, "({n})-[:IN_PHASE]->({m}:Phase)", PlanWhere.PHASE),
            new Relation("responsiblePerson", Arity.ONE, "({n})-[:RESPONSIBLE_PERSON]->({m}:Person)", PlanWhere.PERSON),
            new Relation("violationTypes", Arity.MANY, "({n})-[:OF_TYPE]->({m}:ViolationType)", PlanWhere.VIOLATION_TYPE),
            new Relation("assignments", Arity.MANY, "({n})-[{m}:ASSIGNED_TO]->({m}_unit:Unit)", ASSIGNMENT),
            new Relation("assignedUnits", Arity.MANY, "({n})-[:ASSIGNED_TO]->({m}:Unit)", PlanWhere.UNIT),
            new Relation("outcomes", Arity.MANY, "({n})-[:RESULTED_IN]->({m}:Outcome)", PlanWhere.OUTCOME)));
}
