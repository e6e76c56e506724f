package cn.changjiang.mining.jurisdiction;

import cn.changjiang.mining.security.Audience;
import cn.changjiang.mining.security.ReadDeclarations;
import cn.changjiang.mining.security.ReadRules;
import org.springframework.stereotype.Component;

/**
 * Jurisdictions, the chain of plans and where units belong are public, like the plan itself; so is what an import
 * read from a plan's text (only the office may call {@code importPlan}, which {@link PlanImports} enforces).
 */
@Component
class JurisdictionReadRules implements ReadRules {

    @Override
    public void declare(ReadDeclarations rules) {
        rules.schemaFile("jurisdiction.graphqls", Audience.ANYONE);
        for (String node : new String[] {"Jurisdiction", "Plan", "UpperUnit", "PlanTask", "PlanProblem", "PlanWorkingGroup"}) {
            rules.element(node, Audience.ANYONE, true);
        }
        for (String relationship : new String[] {"PART_OF", "FOR", "IMPLEMENTS", "SETS_OUT", "BELONGS_TO", "SERVES",
                "COUNTERPART_OF", "SETS_TASK", "TARGETS", "ASSIGNS", "CARRIES_OUT", "CONVENES", "CONVENER_UNIT",
                "GROUP_MEMBER"}) {
            rules.element(relationship, Audience.ANYONE, true);
        }
    }
}
