package cn.changjiang.mining.insight;

import cn.changjiang.mining.security.Audience;
import cn.changjiang.mining.security.ReadDeclarations;
import cn.changjiang.mining.security.ReadRules;
import org.springframework.stereotype.Component;

/**
 * Subgraphs, counts, search and maps are for signed-in users; what they show of each node and edge is what the
 * owning feature declared for that label or relationship type.
 */
@Component
class InsightReadRules implements ReadRules {

    @Override
    public void declare(ReadDeclarations rules) {
        rules.schemaFile("insight.graphqls", Audience.SIGNED_IN);
    }
}
