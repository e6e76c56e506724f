package cn.changjiang.mining.mine;

import cn.changjiang.mining.security.Audience;
import cn.changjiang.mining.security.ReadDeclarations;
import cn.changjiang.mining.security.ReadRules;
import org.springframework.stereotype.Component;

/** Mines and townships are for signed-in users, every role alike. */
@Component
class MineReadRules implements ReadRules {

    @Override
    public void declare(ReadDeclarations rules) {
        rules.schemaFile("mine.graphqls", Audience.SIGNED_IN);
        rules.element("Mine", Audience.SIGNED_IN, true);
        rules.element("Township", Audience.SIGNED_IN, true);
        for (String relationship : new String[] {"GOVERNED_AS", "PRODUCES", "LOCATED_IN"}) {
            rules.element(relationship, Audience.SIGNED_IN, true);
        }
    }
}
