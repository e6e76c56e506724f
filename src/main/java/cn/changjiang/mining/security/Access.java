package cn.changjiang.mining.security;

import cn.changjiang.mining.common.Role;
import cn.changjiang.mining.common.Viewer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.changjiang.mining.common.ForbiddenException;
import cn.changjiang.mining.common.UnauthenticatedException;
import cn.changjiang.mining.graph.CypherRunner;
import org.neo4j.driver.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who may do what, asked by the services before they change anything, so every path (GraphQL, file import and
 * export) obeys the same rules. Refusals are {@code UNAUTHENTICATED} or {@code FORBIDDEN}.
 */
@Component
public class Access {

    private final SecurityProperties properties;
    private final CypherRunner graph;

    Access(SecurityProperties properties, CypherRunner graph) {
        this.properties = properties;
        this.graph = graph;
    }

    /** The viewer of the current HTTP request, read from its security context. */
    public Viewer viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token ? viewerOf(token.getToken()) : Viewer.ANONYMOUS;
    }

    /** The viewer a validated token names. */
    public Viewer viewerOf(Jwt token) {
        String role = token.getClaimAsString(properties.roleClaim());
        Role parsed = Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
        String unit = token.getClaimAsString(properties.unitClaim());
        // A token that names no known role, or a unit officer without a unit, may read only what anyone may.
        if (parsed == null || (parsed == Role.UNIT_OFFICER && unit == null)) {
            return Viewer.ANONYMOUS;
        }
        return new Viewer(token.getSubject(), parsed, unit);
    }

    /** Someone with one of the roles, or a refusal. */
    public Viewer require(Viewer viewer, Role... roles) {
        if (viewer.anonymous()) {
            throw new UnauthenticatedException("Sign in first: this needs one of the roles " + List.of(roles));
        }
        if (!viewer.is(roles)) {
            throw new ForbiddenException("Role " + viewer.role() + " may not do this; it needs one of " + List.of(roles));
        }
        return viewer;
    }

    public Viewer requireSignedIn(Viewer viewer) {
        if (viewer.anonymous()) {
            throw new UnauthenticatedException("Sign in first");
        }
        return viewer;
    }

    /**
     * The office changes any problem; a unit officer only those assigned to its own unit; other roles only what
     * {@code alsoAllowed} names (a leader's 挂牌督办, publicity's 曝光).
     */
    public Viewer requireIssueWrite(Viewer viewer, String issueId, Role... alsoAllowed) {
        requireSignedIn(viewer);
        if (viewer.is(Role.OFFICE) || viewer.is(alsoAllowed)) {
            return viewer;
        }
        if (viewer.is(Role.UNIT_OFFICER) && assignedUnits(issueId).contains(viewer.unitId())) {
            return viewer;
        }
        throw new ForbiddenException(viewer.is(Role.UNIT_OFFICER)
                ? "Problem " + issueId + " is not assigned to your unit " + viewer.unitId()
                : "Role " + viewer.role() + " may not change problems");
    }

    /**
     * Separation of duties for 销号: the office, or a unit officer of the supervising unit that is not itself
     * rectifying the problem.
     */
    public void requireAcceptance(Viewer viewer, String issueId) {
        requireSignedIn(viewer);
        if (viewer.is(Role.OFFICE)) {
            return;
        }
        if (viewer.is(Role.UNIT_OFFICER)) {
            AcceptanceUnits units = graph.single("""
                    MATCH (i:Issue {id: $id})
                    RETURN {assigned: [(i)-[:ASSIGNED_TO]->(u:Unit) | u.id],
                            supervising: [(i)-[:SUPERVISED_BY]->(u:Unit) | u.id][0]} AS item""",
                    Map.of("id", issueId), AcceptanceUnits::from).orElse(AcceptanceUnits.NONE);
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
    public boolean mayReadChange(Viewer viewer, String entityType, String entityId) {
        if (viewer.anonymous()) {
            return false;
        }
        if (!viewer.is(Role.UNIT_OFFICER) || !"Issue".equals(entityType)) {
            return true;
        }
        try {
            return !graph.list("""
                    MATCH (:Issue {id: $id})-[:ASSIGNED_TO|SUPERVISED_BY]->(u:Unit {id: $unit}) RETURN u.id AS item LIMIT 1""",
                    Map.of("id", entityId, "unit", viewer.unitId()), v -> v.asString()).isEmpty();
        } catch (DataAccessException e) {
            return false;
        }
    }

    /** The units rectifying a problem and the one supervising it (null when none). */
    record AcceptanceUnits(List<String> assigned, String supervising) {

        static final AcceptanceUnits NONE = new AcceptanceUnits(List.of(), null);

        static AcceptanceUnits from(Value v) {
            return new AcceptanceUnits(v.get("assigned").asList(Value::asString), v.get("supervising").asString(null));
        }
    }

    private List<String> assignedUnits(String issueId) {
        return graph.list("MATCH (:Issue {id: $id})-[:ASSIGNED_TO]->(u:Unit) RETURN u.id AS item",
                Map.of("id", issueId), v -> v.asString());
    }
}
