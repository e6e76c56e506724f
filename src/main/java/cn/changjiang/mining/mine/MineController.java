package cn.changjiang.mining.mine;

import cn.changjiang.mining.graph.Where;
import cn.changjiang.mining.security.ReadPolicy;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.Actor;
import cn.changjiang.mining.common.Connection;
import cn.changjiang.mining.web.Prefetch;
import cn.changjiang.mining.web.RequestContext;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import cn.changjiang.mining.common.SortOrder;
import cn.changjiang.mining.plan.PlanViews.Mineral;
import cn.changjiang.mining.graph.WriteRetries;
import cn.changjiang.mining.plan.Scope;
import cn.changjiang.mining.plan.Scopes;
import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.plan.Unit;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class MineController {

    private final MineQueries queries;
    private final MineRegistry registry;
    private final WriteRetries retries;
    private final Scopes scopes;
    private final ReadPolicy readPolicy;

    MineController(MineQueries queries, MineRegistry registry, WriteRetries retries, Scopes scopes, ReadPolicy readPolicy) {
        this.readPolicy = readPolicy;
        this.scopes = scopes;
        this.queries = queries;
        this.registry = registry;
        this.retries = retries;
    }

    @MutationMapping
    MineRegistry.RegisterMinePayload registerMine(@Argument MineRegistry.RegisterMineInput input,
                                                  @ContextValue(RequestContext.ACTOR) Actor actor) {
        return retries.run("registerMine", () -> registry.register(input, actor));
    }

    @QueryMapping
    Connection<Mine> mines(@Argument Integer first, @Argument String after, @Argument MineFilter filter,
                           @Argument MineOrder orderBy, @Argument Map<String, Object> where, @Argument List<MineOrder> sort,
                           @Argument String jurisdiction,
                           @ContextValue(RequestContext.VIEWER) Viewer viewer, DataFetchingFieldSelectionSet selection,
                           GraphQLContext context) {
        Where.Compiled compiled = Where.compile(MineWhere.MINE, where, "n", readPolicy.whereGuard(viewer));
        Scope scope = scopes.of(viewer, jurisdiction);
        MineQueries.Related related = new MineQueries.Related(selection.contains("edges/node/township"),
                selection.contains("edges/node/minerals"));
        boolean sorted = orderBy != null || (sort != null && !sort.isEmpty());
        Connection<MineQueries.MineRow> page = filter == null && !sorted && compiled.none()
                ? queries.page(Connection.pageSize(first), Connection.decode("mine", after), scope, related)
                : queries.page(Connection.pageSize(first), SortOrder.offset("mines", after), MineFilter.orNone(filter),
                        compiled, SortOrder.cypher(sort, MineOrder.orDefault(orderBy)), scope, related);
        if (related.any()) {
            Prefetch prefetch = Prefetch.of(context);
            for (Connection.Edge<MineQueries.MineRow> edge : page.edges()) {
                MineQueries.MineRow row = edge.node();
                if (related.township()) {
                    prefetch.put(TOWNSHIP, row.mine().id(), row.township());
                }
                if (related.minerals()) {
                    prefetch.put(MINERALS, row.mine().id(), row.minerals());
                }
            }
        }
        return page.map(MineQueries.MineRow::mine);
    }

    private static final String TOWNSHIP = "Mine.township";
    private static final String MINERALS = "Mine.minerals";

    /** A mine outside the viewer's jurisdiction answers as an unknown id does: null. */
    @QueryMapping
    Mine mine(@Argument String id, @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        return queries.mine(id, scopes.of(viewer, null)).orElse(null);
    }

    @QueryMapping
    List<Township> townships(@Argument String jurisdiction, @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        return queries.townships(scopes.of(viewer, jurisdiction));
    }

    @BatchMapping(typeName = "Mine")
    Map<Mine, List<Mineral>> minerals(List<Mine> mines, GraphQLContext context) {
        return Prefetch.of(context).answer(MINERALS, mines, Mine::id, queries::mineralsOfMines);
    }

    @BatchMapping(typeName = "Mine")
    Map<Mine, Township> township(List<Mine> mines, GraphQLContext context) {
        return Prefetch.of(context).answer(TOWNSHIP, mines, Mine::id, queries::townshipsOfMines);
    }

    @BatchMapping(typeName = "Township")
    Map<Township, Unit> territorialUnit(List<Township> townships) {
        return queries.territorialUnitsOfTownships(townships);
    }

    @BatchMapping(typeName = "Township", field = "mines")
    Map<Township, List<Mine>> minesOfTownships(List<Township> townships) {
        return queries.minesOfTownships(townships);
    }
}
