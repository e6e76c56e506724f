package cn.changjiang.mining.ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.changjiang.mining.common.ForbiddenException;
import cn.changjiang.mining.common.NotFoundException;
import cn.changjiang.mining.common.Role;
import cn.changjiang.mining.common.Viewer;
import cn.changjiang.mining.graph.CypherRunner;
import cn.changjiang.mining.plan.JurisdictionTree;
import cn.changjiang.mining.plan.Scope;
import cn.changjiang.mining.plan.Scopes;
import cn.changjiang.mining.security.Access;
import cn.changjiang.mining.security.ReadPolicy;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The ledger's own rules of who may change or read what about one problem, on top of the roles {@link Access}
 * checks: a unit officer works on its own unit's problems, 销号 is the supervising unit's or the office's, and a unit
 * officer reads the change records of its own unit's problems only.
 */
@Component
class IssueAccess {

    private final Access access;
    private final CypherRunner graph;
    private final Scopes scopes;

    IssueAccess(Access access, CypherRunner graph, Scopes scopes) {
        this.access = access;
        this.graph = graph;
        this.scopes = scopes;
    }

    /**
     * A write on a problem (or on the mine a problem is reported at) outside the jurisdiction the viewer's role is
     * for is answered exactly as an unknown id is (NOT_FOUND, the same argument and message), so a write cannot tell
     * that something exists outside; an unknown id passes, to be answered NOT_FOUND after this check, as before.
     */
    void requireInScope(Viewer viewer, String label, String id) {
        requireInScope(viewer, label, id, districtOf(label, id));
    }

    /**
     * {@link #requireInScope(Viewer, String, String)} where the district was read already (with the write's lock, or
     * with the other facts a write checks), empty when the thing does not exist or has none.
     */
    void requireInScope(Viewer viewer, String label, String id, Optional<String> district) {
        if (district.isEmpty()) {
            return;
        }
        JurisdictionTree tree = scopes.tree();
        String own = tree.jurisdictionOf(viewer);
        if (!tree.within(district.get(), own)) {
            throw switch (label) {
                case "Mine" -> new NotFoundException("input.mineId", "No mine with id " + id);
                case "JointEnforcementAction" -> new NotFoundException("input.actionId", "No joint enforcement action with id " + id);
                default -> new NotFoundException("input.issueId", "No problem with id " + id);
            };
        }
    }

    /**
     * The district of a problem, a mine or a joint-enforcement action (its mine's), by label ({@link Scope#SCOPED_LABELS},
     * from code), when it exists and has one.
     */
    private Optional<String> districtOf(String label, String id) {
        String cypher = switch (label) {
            case "Issue" -> "MATCH (n:Issue {id: $id}) RETURN n.district AS item";
            case "Mine" -> "MATCH (n:Mine {id: $id}) RETURN n.district AS item";
            case "JointEnforcementAction" -> "MATCH (:JointEnforcementAction {id: $id})-[:FOR_MINE]->(n:Mine) RETURN n.district AS item";
            default -> throw new IllegalArgumentException("Not scoped by district: " + label);
        };
        return graph.single(cypher, Map.of("id", id), v -> v.asString(null)).filter(d -> d != null);
    }

    /**
     * Whether a change record's problem, mine or joint-enforcement action lies in the scope (other records are the
     * plan's: in every scope). One that no longer exists, or cannot be checked now, does not.
     */
    boolean inScope(Scope scope, String entityType, String entityId) {
        if (!Scope.SCOPED_LABELS.contains(entityType)) {
            return true; // the rule's ELSE, without a round trip
        }
        return holdsOfChange(changeInScope("c"), entityType, entityId,
                Map.of("districts", scope.districts()));
    }

    /**
     * Cypher: whether the change record bound to {@code c} is about something in {@code $districts}: a problem or a
     * mine by its district, a joint-enforcement action by its mine's; records of anything else (the plan's) in every
     * scope. A record whose thing no longer exists is in none. The one rule of a record's scope, for a list of records
     * as for one record ({@link #inScope}).
     */
    static String changeInScope(String c) {
        return ("""
                CASE %1$s.entityType
                  WHEN 'Issue' THEN EXISTS { MATCH (e:Issue {id: %1$s.entityId}) WHERE e.district IN $districts }
                  WHEN 'Mine' THEN EXISTS { MATCH (e:Mine {id: %1$s.entityId}) WHERE e.district IN $districts }
                  WHEN 'JointEnforcementAction' THEN EXISTS {
                    MATCH (:JointEnforcementAction {id: %1$s.entityId})-[:FOR_MINE]->(e:Mine) WHERE e.district IN $districts }
                  ELSE true END""").formatted(c);
    }

    /**
     * Cypher: whether the reader ({@code $readerUnit}, {@link ReadPolicy#readerUnit}) may read the change record bound
     * to {@code c}: a unit officer reads the records of its own unit's problems only (those it rectifies or supervises:
     * a record shows the problem's details as they changed), every other reader all of them. The one rule, for a list
     * of records as for one record ({@link #mayReadChange}).
     */
    static String changeOpenToReader(String c) {
        return ("(%1$s.entityType <> 'Issue' OR $readerUnit IS NULL"
                + " OR EXISTS { MATCH (e:Issue {id: %1$s.entityId}) WHERE %2$s })")
                .formatted(c, ReadPolicy.problemDetailsReadable("e"));
    }

    /** A rule over a change record {@code c}, asked of one record's thing; no when it cannot be checked now. */
    private boolean holdsOfChange(String rule, String entityType, String entityId, Map<String, Object> parameters) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("entityType", entityType);
        all.put("entityId", entityId);
        try {
            return graph.single("WITH {entityType: $entityType, entityId: $entityId} AS c RETURN " + rule + " AS item",
                    all, v -> v.asBoolean(false)).orElse(false);
        } catch (DataAccessException e) {
            return false;
        }
    }

    /**
     * The office changes any problem; a unit officer only those assigned to its own unit; other roles only what
     * {@code alsoAllowed} names (a leader's 挂牌督办, publicity's 曝光). Asked of the problem as read under its lock
     * ({@code locked}; empty when it does not exist): its district and units come from there, not read again.
     */
    Viewer requireIssueWrite(Viewer viewer, String issueId, Optional<IssueState> locked, Role... alsoAllowed) {
        access.requireSignedIn(viewer);
        requireInScope(viewer, "Issue", issueId, locked.map(IssueState::district));
        if (viewer.is(Role.OFFICE) || viewer.is(alsoAllowed)) {
            return viewer;
        }
        if (viewer.is(Role.UNIT_OFFICER) && locked.map(IssueState::assignedUnits).orElse(List.of()).contains(viewer.unitId())) {
            return viewer;
        }
        throw new ForbiddenException(viewer.is(Role.UNIT_OFFICER)
                ? "Problem " + issueId + " is not assigned to your unit " + viewer.unitId()
                : "Role " + viewer.role() + " may not change problems");
    }

    /**
     * Separation of duties for 销号: the office, or a unit officer of the supervising unit that is not itself
     * rectifying the problem; its units as read under the problem's lock ({@code locked}, empty when it does not exist).
     */
    void requireAcceptance(Viewer viewer, String issueId, Optional<IssueState> locked) {
        access.requireSignedIn(viewer);
        if (viewer.is(Role.OFFICE)) {
            return;
        }
        if (viewer.is(Role.UNIT_OFFICER)) {
            AcceptanceUnits units = locked.map(i -> new AcceptanceUnits(i.assignedUnits(), i.supervisingUnit()))
                    .orElse(AcceptanceUnits.NONE);
            if (units.assigned().contains(viewer.unitId())) {
                throw new ForbiddenException("A unit cannot accept (销号) a problem it must rectify itself");
            }
            if (viewer.unitId() != null && viewer.unitId().equals(units.supervising())) {
                return;
            }
        }
        throw new ForbiddenException("Acceptance (销号) is done by the supervising unit or the working-group office");
    }

    /**
     * Whether the viewer may read a change record: anyone signed in, except that a unit officer reads the records of
     * its own unit's problems only (those it rectifies or supervises), as with {@code history}. When that cannot be
     * checked (the database away a moment), the answer is no.
     */
    boolean mayReadChange(Viewer viewer, String entityType, String entityId) {
        if (viewer.anonymous()) {
            return false;
        }
        if (ReadPolicy.readerUnit(viewer) == null || !"Issue".equals(entityType)) {
            return true; // the rule's first two branches, without a round trip
        }
        Map<String, Object> reader = new HashMap<>();
        reader.put("readerUnit", ReadPolicy.readerUnit(viewer));
        return holdsOfChange(changeOpenToReader("c"), entityType, entityId, reader);
    }

    /** The units rectifying a problem and the one supervising it (null when none). */
    record AcceptanceUnits(List<String> assigned, String supervising) {

        static final AcceptanceUnits NONE = new AcceptanceUnits(List.of(), null);
    }
}
