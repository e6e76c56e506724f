package cn.changjiang.mining.security;

import cn.changjiang.mining.common.Role;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Authentication settings. With {@code issuerUri} or {@code jwkSetUri} the API trusts tokens of an external OpenID
 * Connect provider; otherwise it signs its own (HS256 with {@code jwtSecret}) for the configured {@code users}.
 *
 * @param issuerUri       external provider's issuer (OIDC discovery)
 * @param jwkSetUri       external provider's key set, when discovery is not used
 * @param jwtSecret       secret for self-issued tokens, at least 32 bytes; generated per start when blank
 * @param tokenLifetime   how long a self-issued token lasts
 * @param roleClaim       claim holding the role (for external tokens too)
 * @param unitClaim       claim holding a unit officer's unit id
 * @param jurisdictionClaim claim holding the jurisdiction the role is for (e.g. CHANGJIANG, JINGDEZHEN)
 * @param users           users who may get a self-issued token; passwords as {bcrypt} hashes only
 * @param corsOrigins     frontend origins allowed to call the API from a browser
 * @param audience        when set, external tokens must name it in their {@code aud} claim
 */
@ConfigurationProperties("accountability.security")
public record SecurityProperties(String issuerUri, String jwkSetUri, String jwtSecret, Duration tokenLifetime,
                                 String roleClaim, String unitClaim, String jurisdictionClaim, List<User> users, List<String> corsOrigins,
                                 String audience) {

    public SecurityProperties {
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(8) : tokenLifetime;
        roleClaim = StringUtils.hasText(roleClaim) ? roleClaim : "role";
        unitClaim = StringUtils.hasText(unitClaim) ? unitClaim : "unit";
        jurisdictionClaim = StringUtils.hasText(jurisdictionClaim) ? jurisdictionClaim : "jurisdiction";
        users = users == null ? List.of() : users;
        corsOrigins = corsOrigins == null ? List.of() : corsOrigins.stream().filter(StringUtils::hasText).toList();
    }

    public boolean externalProvider() {
        return StringUtils.hasText(issuerUri) || StringUtils.hasText(jwkSetUri);
    }

    /**
     * A user of the self-issued mode; demo users exist only while the synthetic demo data does. {@code jurisdiction}
     * is what the role is for (null: the unit's, or the home jurisdiction).
     */
    public record User(String username, String password, Role role, String unit, String jurisdiction,
                       String displayName, boolean demo) {
    }
}
