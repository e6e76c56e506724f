package cn.changjiang.mining.requirement;

import cn.changjiang.mining.security.Audience;
import cn.changjiang.mining.security.ReadDeclarations;
import cn.changjiang.mining.security.ReadRules;
import org.springframework.stereotype.Component;

/**
 * 工作要求 and the plan's dated obligations are public plan text; who has met an obligation, and when, is for
 * signed-in users (and so is filtering obligations by that standing, which {@link Obligations} refuses anonymously).
 */
@Component
class RequirementReadRules implements ReadRules {

    @Override
    public void declare(ReadDeclarations rules) {
        rules.schemaFile("requirements.graphqls", Audience.ANYONE)
                .type("requirements.graphqls", "ObligationStanding", Audience.SIGNED_IN)
                .type("requirements.graphqls", "RecordObligationMetPayload", Audience.SIGNED_IN)
                .fields(Audience.SIGNED_IN, "Mutation.recordObligationMet");
    }
}
