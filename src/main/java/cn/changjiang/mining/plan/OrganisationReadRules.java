package cn.changjiang.mining.plan;

import cn.changjiang.mining.security.Audience;
import cn.changjiang.mining.security.ReadDeclarations;
import cn.changjiang.mining.security.ReadRules;
import org.springframework.stereotype.Component;

/**
 * Units, their duties and the working group are public plan text; people are for signed-in users, and their
 * phone numbers not for analysts.
 */
@Component
class OrganisationReadRules implements ReadRules {

    @Override
    public void declare(ReadDeclarations rules) {
        rules.schemaFile("organisation.graphqls", Audience.ANYONE)
                .type("organisation.graphqls", "Person", Audience.SIGNED_IN)
                .type("organisation.graphqls", "PersonConnection", Audience.SIGNED_IN)
                .type("organisation.graphqls", "PersonEdge", Audience.SIGNED_IN)
                .fields(Audience.SIGNED_IN, "Query.people", "Query.person")
                .fields(Audience.CONTACT_READERS, "Person.phone");
        for (String node : new String[] {"Unit", "Duty", "WorkingGroup", "Office", "Position"}) {
            rules.element(node, Audience.ANYONE, true);
        }
        for (String relationship : new String[] {"LED_BY", "STEERS", "HAS_OFFICE", "HOSTED_BY", "HAS_POSITION",
                "HELD_IN", "HAS_MEMBER", "HAS_DUTY", "COVERS"}) {
            rules.element(relationship, Audience.ANYONE, true);
        }
        rules.element("Person", Audience.SIGNED_IN, false)
                .properties(Audience.SIGNED_IN, "id", "name", "rank", "title", "synthetic")
                .properties(Audience.CONTACT_READERS, "phone");
        rules.element("SERVES_IN", Audience.SIGNED_IN, true);
        rules.element("HOLDS", Audience.SIGNED_IN, true);
    }
}
