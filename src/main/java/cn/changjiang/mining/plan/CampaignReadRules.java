package cn.changjiang.mining.plan;

import cn.changjiang.mining.security.Audience;
import cn.changjiang.mining.security.ReadDeclarations;
import cn.changjiang.mining.security.ReadRules;
import org.springframework.stereotype.Component;

/** The plan is public: everything of the campaign, its tasks, problems to fix, phases and competence. */
@Component
class CampaignReadRules implements ReadRules {

    @Override
    public void declare(ReadDeclarations rules) {
        rules.schemaFile("campaign.graphqls", Audience.ANYONE);
        for (String node : new String[] {"Campaign", "Goal", "Task", "ViolationType", "Regulation", "Phase",
                "ProblemSource", "Outcome", "Mineral"}) {
            rules.element(node, Audience.ANYONE, true);
        }
        for (String relationship : new String[] {"HAS_GOAL", "NAMES_MINERAL", "HAS_PHASE", "HAS_TASK",
                "RESPONSIBLE_UNIT", "TERRITORIAL_UNIT", "CITES", "FOCUSES_ON", "COMPETENT_UNIT"}) {
            rules.element(relationship, Audience.ANYONE, true);
        }
    }
}
