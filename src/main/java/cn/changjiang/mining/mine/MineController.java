package cn.changjiang.mining.mine;

import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.Actor;
import cn.changjiang.mining.common.Connection;
import cn.changjiang.mining.web.RequestContext;
import cn.changjiang.mining.common.SortOrder;
import cn.changjiang.mining.plan.PlanViews.Mineral;
import cn.changjiang.mining.graph.WriteRetries;
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

    MineController(MineQueries queries, MineRegistry registry, WriteRetries retries) {
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
                           @Argument MineOrder orderBy) {
        if (filter == null && orderBy == null) {
            return queries.page(Connection.pageSize(first), Connection.decode("mine", after));
        }
        return queries.page(Connection.pageSize(first), SortOrder.offset("mines", after), MineFilter.orNone(filter),
                MineOrder.orDefault(orderBy));
    }

    @QueryMapping
    Mine mine(@Argument String id) {
        return queries.mine(id).orElse(null);
    }

    @QueryMapping
    List<Township> townships() {
        return queries.townships();
    }

    @BatchMapping(typeName = "Mine")
    Map<Mine, List<Mineral>> minerals(List<Mine> mines) {
        return queries.mineralsOfMines(mines);
    }

    @BatchMapping(typeName = "Mine")
    Map<Mine, Township> township(List<Mine> mines) {
        return queries.townshipsOfMines(mines);
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
