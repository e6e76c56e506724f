package cn.changjiang.mining.security;

import org.springframework.stereotype.Component;

/** The shared shapes of every list and map (page information, points) carry nothing private. */
@Component
class SecurityReadRules implements ReadRules {

    @Override
    public void declare(ReadDeclarations rules) {
        rules.schemaFile("common.graphqls", Audience.ANYONE);
    }
}
