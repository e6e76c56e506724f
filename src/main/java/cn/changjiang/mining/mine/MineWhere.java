package cn.changjiang.mining.mine;

import java.util.ArrayList;
import java.util.List;

import cn.changjiang.mining.graph.Where.Arity;
import cn.changjiang.mining.graph.Where.Field;
import cn.changjiang.mining.graph.Where.Kind;
import cn.changjiang.mining.graph.Where.Relation;
import cn.changjiang.mining.graph.Where.Spec;

/** What a mine may be filtered on in an analyst's {@code where} (the schema's {@code MineWhere}). */
public final class MineWhere {

    private MineWhere() {
    }

    public static final Spec TOWNSHIP = Spec.of("Township", List.of(
            new Field("name", Kind.STRING, "{n}.name")), List.of());

    public static final Spec MINERAL = Spec.of("Mineral", List.of(
            new Field("name", Kind.STRING, "{n}.name"),
            new Field("strategic", Kind.BOOLEAN, "coalesce({n}.strategic, false)")), List.of());

    static final List<Field> FIELDS = List.of(
            new Field("id", Kind.EXACT, "{n}.id"),
            new Field("name", Kind.STRING, "{n}.name"),
            new Field("licenceNumber", Kind.STRING, "{n}.licenceNumber"),
            new Field("licenceStatus", Kind.EXACT, "{n}.licenceStatus"),
            new Field("licenceValidUntil", Kind.ORDERED, "{n}.licenceValidUntil"),
            new Field("miningMethod", Kind.EXACT, "{n}.miningMethod"),
            new Field("greenMine", Kind.BOOLEAN, "coalesce({n}.greenMine, false)"),
            new Field("synthetic", Kind.BOOLEAN, "coalesce({n}.synthetic, false)"));

    static final List<Relation> RELATIONS = List.of(
            new Relation("township", Arity.ONE, "({n})-[:LOCATED_IN]->({m}:Township)", TOWNSHIP),
            new Relation("minerals", Arity.MANY, "({n})-[:PRODUCES]->({m}:Mineral)", MINERAL));

    /** A mine on its own fields, its township and minerals. */
    public static final Spec MINE = Spec.of("Mine", FIELDS, RELATIONS);

    /** The same with one more relation (a feature further down adds what it keeps about mines: their problems). */
    public static Spec with(Relation more) {
        List<Relation> relations = new ArrayList<>(RELATIONS);
        relations.add(more);
        return Spec.of("Mine", FIELDS, relations);
    }
}
