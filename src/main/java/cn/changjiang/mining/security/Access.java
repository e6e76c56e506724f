package cn.changjiang.mining.security;

import cn.changjiang.mining.common.Role;
import cn.changjiang.mining.common.Viewer;
import java.util.Arrays;
import java.util.List;

import cn.changjiang.mining.common.ForbiddenException;
import cn.changjiang.mining.common.UnauthenticatedException;
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

    Access(SecurityProperties properties) {
        this.properties = properties;
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
        return new Viewer(token.getSubject(), parsed, unit, token.getClaimAsString(properties.jurisdictionClaim()));
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
}
