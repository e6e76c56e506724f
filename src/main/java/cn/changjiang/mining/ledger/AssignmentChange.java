package cn.changjiang.mining.ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.Patch;

/**
 * What an assignment writes, taken from its {@link Patch}: the properties that change (null removes one), and for each
 * relationship kind whether it is replaced and by what. A kind whose units or person do not change is left alone.
 */
record AssignmentChange(Map<String, Object> properties, boolean setLead, String lead, boolean setSupporting,
                        List<String> supporting, boolean setPerson, String person, boolean setSupervising,
                        String supervising) {

    /** The problem's own properties an assignment may change; the rest of a patch are relationships. */
    static final List<String> PROPERTIES = List.of("measures", "deadline", "supervised", "supervisor", "status");

    @SuppressWarnings("unchecked")
    static AssignmentChange of(Patch patch) {
        Map<String, Object> properties = new HashMap<>();
        for (String field : PROPERTIES) {
            if (patch.changed(field)) {
                properties.put(field, patch.get(field));
            }
        }
        return new AssignmentChange(properties, patch.changed("leadUnit"), (String) patch.get("leadUnit"),
                patch.changed("supportingUnits"), (List<String>) patch.get("supportingUnits"),
                patch.changed("responsiblePerson"), (String) patch.get("responsiblePerson"),
                patch.changed("supervisingUnit"), (String) patch.get("supervisingUnit"));
    }

    /** The parameters of {@link LedgerWrites#assign}'s Cypher. */
    Map<String, Object> parameters(String issueId) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", issueId);
        params.put("properties", properties);
        params.put("setLead", setLead);
        params.put("lead", lead);
        params.put("setSupporting", setSupporting);
        params.put("supporting", supporting);
        params.put("setPerson", setPerson);
        params.put("person", person);
        params.put("setSupervising", setSupervising);
        params.put("supervising", supervising);
        return params;
    }
}
