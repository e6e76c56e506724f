package cn.changjiang.mining.ledger;

import java.util.List;

import cn.changjiang.mining.graph.Where.Arity;
import cn.changjiang.mining.graph.Where.Field;
import cn.changjiang.mining.graph.Where.Kind;
import cn.changjiang.mining.graph.Where.Relation;
import cn.changjiang.mining.graph.Where.Spec;
import cn.changjiang.mining.mine.MineWhere;

/**
 * What a change record may be filtered on in an analyst's {@code where} (the schema's {@code ChangeWhere}): when, who,
 * what was done to which thing, the request, and conditions on the problem or mine changed (reached by the record's
 * {@code entityId}, a lookup in the label's unique index).
 */
final class ChangeWhere {

    private ChangeWhere() {
    }

    static final Spec CHANGE = Spec.of("Change", List.of(
            new Field("at", Kind.ORDERED, "{n}.at"),
            new Field("actor", Kind.STRING, "{n}.actor"),
            new Field("action", Kind.STRING, "{n}.action"),
            new Field("entityId", Kind.EXACT, "{n}.entityId"),
            new Field("entityType", Kind.STRING, "{n}.entityType"),
            new Field("requestId", Kind.STRING, "{n}.requestId"),
            new Field("clientRequestId", Kind.STRING, "{n}.clientRequestId")), List.of(
            new Relation("issue", Arity.ONE, "({m}:Issue {id: {n}.entityId})", IssueWhere.ISSUE,
                    "{n}.entityType = 'Issue'"),
            new Relation("mine", Arity.ONE, "({m}:Mine {id: {n}.entityId})", MineWhere.MINE,
                    "{n}.entityType = 'Mine'")));
}
