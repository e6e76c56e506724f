package cn.changjiang.mining.requirement;

import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.Actor;
import cn.changjiang.mining.web.RequestContext;
import cn.changjiang.mining.graph.WriteRetries;
import cn.changjiang.mining.plan.Unit;
import cn.changjiang.mining.common.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class RequirementController {

    private final RequirementQueries queries;
    private final Obligations obligations;
    private final WriteRetries retries;

    RequirementController(RequirementQueries queries, Obligations obligations, WriteRetries retries) {
        this.queries = queries;
        this.obligations = obligations;
        this.retries = retries;
    }

    @QueryMapping
    List<Requirement> requirements(@Argument String clause, @Argument String unit) {
        return queries.requirements(clause, obligations.unitId("unit", unit));
    }

    @QueryMapping
    List<Obligation> obligations(@Argument ObligationStatus status, @Argument String unit,
                                 @ContextValue(RequestContext.VIEWER) Viewer viewer) {
        return obligations.obligations(status, unit, viewer);
    }

    @MutationMapping
    Obligation.RecordMetPayload recordObligationMet(@Argument Obligation.RecordMetInput input,
                                                    @ContextValue(RequestContext.ACTOR) Actor actor) {
        return retries.run("recordObligationMet", () -> obligations.recordMet(input, actor));
    }

    @BatchMapping(typeName = "Requirement")
    Map<Requirement, List<Obligation.Party>> owedBy(List<Requirement> requirements) {
        return queries.owedByOfRequirements(requirements);
    }

    @BatchMapping(typeName = "Requirement")
    Map<Requirement, List<Obligation.Party>> towards(List<Requirement> requirements) {
        return queries.towardsOfRequirements(requirements);
    }

    @BatchMapping(typeName = "Obligation", field = "owedBy")
    Map<Obligation, List<Unit>> debtors(List<Obligation> obligations) {
        return queries.debtorsOfObligations(obligations);
    }

    @BatchMapping(typeName = "Obligation")
    Map<Obligation, Obligation.Party> owedTo(List<Obligation> obligations) {
        return queries.creditorsOfObligations(obligations);
    }

    @BatchMapping(typeName = "Obligation")
    Map<Obligation, List<Obligation.Standing>> standings(List<Obligation> list) {
        return queries.standingsOfObligations(list, obligations.today());
    }
}
