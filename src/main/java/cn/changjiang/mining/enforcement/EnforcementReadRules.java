package cn.changjiang.mining.enforcement;

import cn.changjiang.mining.security.Audience;
import cn.changjiang.mining.security.ReadDeclarations;
import cn.changjiang.mining.security.ReadRules;
import org.springframework.stereotype.Component;

/** 联合执法 candidates and actions are for signed-in users; the problems they list obey the ledger's rules. */
@Component
class EnforcementReadRules implements ReadRules {

    @Override
    public void declare(ReadDeclarations rules) {
        rules.schemaFile("enforcement.graphqls", Audience.SIGNED_IN);
        rules.element("JointEnforcementAction", Audience.SIGNED_IN, true);
        for (String relationship : new String[] {"FOR_MINE", "WITH_UNIT", "COVERS_ISSUE"}) {
            rules.element(relationship, Audience.SIGNED_IN, true);
        }
    }
}
