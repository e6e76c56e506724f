package cn.changjiang.mining.accountability;

import cn.changjiang.mining.security.Audience;
import cn.changjiang.mining.security.ReadDeclarations;
import cn.changjiang.mining.security.ReadRules;
import org.springframework.stereotype.Component;

/**
 * Chains, who-is-accountable answers and scorecards are for signed-in users, and so are the figures this feature
 * adds to units and people (open and overdue problems): without a token nobody ranks units by their problems.
 */
@Component
class AccountabilityReadRules implements ReadRules {

    @Override
    public void declare(ReadDeclarations rules) {
        rules.schemaFile("accountability.graphqls", Audience.SIGNED_IN);
    }
}
