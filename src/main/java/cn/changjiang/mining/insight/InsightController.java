package cn.changjiang.mining.insight;

import cn.changjiang.mining.security.ReadPolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.Connection;
import cn.changjiang.mining.web.RequestContext;
import cn.changjiang.mining.graph.Where;
import cn.changjiang.mining.ledger.IssueFilter;
import cn.changjiang.mining.ledger.IssueWhere;
import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.plan.Scope;
import cn.changjiang.mining.plan.Scopes;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Graph-shaped results and counts for the frontend's pictures. */
@Controller
class InsightController {

    private static final List<String> MINE_NETWORK = List.of("AT", "OF_TYPE", "COMPETENT_UNIT", "ASSIGNED_TO",
            "RESPONSIBLE_PERSON", "SUPERVISED_BY", "LOCATED_IN", "GOVERNED_AS");
    private static final List<String> UNIT_PORTFOLIO = List.of("RESPONSIBLE_UNIT", "HAS_DUTY", "COVERS", "COMPETENT_UNIT",
            "ASSIGNED_TO", "SERVES_IN", "HELD_IN");
    private static final List<String> TASK_REACH = List.of("FOCUSES_ON", "RESPONSIBLE_UNIT", "TERRITORIAL_UNIT",
            "COMPETENT_UNIT", "CITES");

    private final SubgraphQueries subgraphs;
    private final IssueCounts counts;
    private final SearchAndMaps searchAndMaps;
    private final Clock clock;
    private final Scopes scopes;
    private final ReadPolicy readPolicy;

    InsightController(SubgraphQueries subgraphs, IssueCounts counts, SearchAndMaps searchAndMaps, Clock clock,
                      Scopes scopes, ReadPolicy readPolicy) {
        this.readPolicy = readPolicy;
        this.scopes = scopes;
        this.subgraphs = subgraphs;
        this.counts = counts;
        this.searchAndMaps = searchAndMaps;
        this.clock = clock;
    }

    @QueryMapping
    List<SearchAndMaps.Hit> search(@Argument String text, @Argument List<SearchType> types, @Argument Integer first,
                                   @Argument String jurisdiction, @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        Scope scope = scopes.of(viewer, jurisdiction);
        return searchAndMaps.search(text, types, Connection.pageSize(first), ReadPolicy.readerUnit(viewer), scope,
                scopes.unitsWithin(scope));
    }

    @QueryMapping
    Map<String, Object> minesGeoJson(@Argument SearchAndMaps.BoundingBox bbox, @Argument String jurisdiction,
                                     @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        return searchAndMaps.minesGeoJson(bbox, scopes.of(viewer, jurisdiction));
    }

    @QueryMapping
    List<SearchAndMaps.MineDistance> minesNear(@Argument double latitude, @Argument double longitude, @Argument double radiusKm,
                                               @Argument String jurisdiction,
                                               @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        return searchAndMaps.minesNear(latitude, longitude, radiusKm, scopes.of(viewer, jurisdiction));
    }

    @QueryMapping
    Subgraph subgraph(@Argument String rootId, @Argument Integer depth, @Argument List<String> relationshipTypes,
                      @Argument Integer limit, @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        return subgraphs.around(rootId, depth == null ? 2 : depth, relationshipTypes, limit == null ? 300 : limit, viewer);
    }

    @QueryMapping
    Subgraph mineNetwork(@Argument String mineId, @Argument Integer limit, @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        return subgraphs.around("Mine:" + mineId, 3, MINE_NETWORK, limit == null ? 300 : limit, viewer);
    }

    @QueryMapping
    Subgraph unitPortfolio(@Argument String unitId, @Argument Integer limit, @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        return subgraphs.around("Unit:" + unitId, 2, UNIT_PORTFOLIO, limit == null ? 300 : limit, viewer);
    }

    @QueryMapping
    Subgraph taskReach(@Argument int taskNumber, @Argument Integer limit, @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        return subgraphs.around("Task:" + taskNumber, 2, TASK_REACH, limit == null ? 300 : limit, true, viewer);
    }

    @QueryMapping
    List<IssueCounts.Point> issueTimeSeries(@Argument TimeInterval interval, @Argument LocalDate from, @Argument LocalDate to,
                                            @Argument IssueFilter filter, @Argument Map<String, Object> where,
                                            @Argument String jurisdiction,
                                            @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        Where.Compiled compiled = Where.compile(IssueWhere.ISSUE, where, "i", readPolicy.whereGuard(viewer));
        return counts.timeSeries(interval, from, to, filter, compiled, ReadPolicy.readerUnit(viewer),
                scopes.of(viewer, jurisdiction), LocalDate.now(clock));
    }

    @QueryMapping
    List<IssueCounts.Group> issueCounts(@Argument List<IssueDimension> groupBy, @Argument IssueFilter filter,
                                        @Argument Map<String, Object> where, @Argument String jurisdiction,
                                        @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        Where.Compiled compiled = Where.compile(IssueWhere.ISSUE, where, "i", readPolicy.whereGuard(viewer));
        return counts.count(groupBy, filter, compiled, LocalDate.now(clock), ReadPolicy.readerUnit(viewer),
                scopes.of(viewer, jurisdiction));
    }
}
