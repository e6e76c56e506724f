package cn.changjiang.mining.enforcement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.changjiang.mining.audit.Past;
import cn.changjiang.mining.audit.RecordedValues;
import cn.changjiang.mining.audit.Rewinder;
import cn.changjiang.mining.graph.CypherRunner;
import org.springframework.stereotype.Component;

/**
 * Puts joint enforcement back as it stood at a past moment ({@link Rewinder}), after the problems and mines: an action
 * opened since is removed, an action changed since gets its fields of then; and the departments each touched mine's
 * open problems need, with its rank, are counted again ({@link JointEnforcementCandidate#RECOUNT_DEPARTMENTS_OF_MINE}),
 * so the candidates are those of then.
 */
@Component
class EnforcementRewinder implements Rewinder {

    private static final Set<String> OPENING = Set.of("openJointEnforcementAction");

    private final CypherRunner graph;

    EnforcementRewinder(CypherRunner graph) {
        this.graph = graph;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void rewind(Past past) {
        List<String> opened = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Past.Entity action : past.of("JointEnforcementAction")) {
            if (action.createdSince(OPENING)) {
                opened.add(action.id());
            } else {
                rows.add(Map.of("id", action.id(), "properties", properties(action.fieldsThen())));
            }
        }
        if (!opened.isEmpty()) {
            graph.write("UNWIND $ids AS id MATCH (a:JointEnforcementAction {id: id}) DETACH DELETE a RETURN count(*) AS item",
                    Map.of("ids", opened), v -> v);
        }
        if (!rows.isEmpty()) {
            graph.write("""
                    UNWIND $rows AS row
                    MATCH (a:JointEnforcementAction {id: row.id})
                    SET a += row.properties
                    SET a.closedAt = CASE WHEN a.status = 'CLOSED' THEN a.closedAt END,
                        a.resultRecordedAt = CASE WHEN a.status = 'OPEN' THEN null ELSE a.resultRecordedAt END
                    RETURN count(*) AS item""", Map.of("rows", rows), v -> v);
        }
        List<String> mines = List.copyOf(past.touched("Mine"));
        if (!mines.isEmpty()) {
            graph.write("""
                    UNWIND $mineIds AS mineId
                    MATCH (m:Mine {id: mineId})
                    OPTIONAL MATCH (m)-[old:NEEDS_DEPARTMENT]->()
                    DELETE old
                    WITH DISTINCT m
                    %s
                    RETURN count(*) AS item""".formatted(JointEnforcementCandidate.RECOUNT_DEPARTMENTS_OF_MINE),
                    Map.of("mineIds", mines), v -> v);
        }
    }

    /** An action's fields at the moment, typed as the action keeps them. */
    static Map<String, Object> properties(Map<String, String> then) {
        Map<String, Object> properties = new HashMap<>();
        then.forEach((field, text) -> {
            switch (field) {
                case "inspectedOn", "plannedOn" -> properties.put(field, RecordedValues.date(text));
                case "penaltyAmount" -> properties.put(field, RecordedValues.decimal(text));
                case "casesTransferred" -> properties.put(field, RecordedValues.integer(text));
                case "mineClosed" -> properties.put(field, RecordedValues.bool(text));
                case "penaltyDecisions" -> properties.put(field, text == null ? null : RecordedValues.list(text));
                case "status", "findings", "summary" -> properties.put(field, text);
                default -> {
                    // mine, units and problems are fixed when an action opens
                }
            }
        });
        return properties;
    }
}
