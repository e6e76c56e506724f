package cn.changjiang.mining.security;

import java.time.Instant;
import java.util.Map;

import cn.changjiang.mining.graph.GraphProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /auth/token {"username", "password"}}: a bearer token for a configured user, in the self-issued mode.
 * Passwords are compared against their hashes and never logged; a wrong name and a wrong password look alike.
 * Failed attempts are slowed down and then refused per name and per address ({@link SignInThrottle}).
 */
@RestController
class TokenEndpoint {

    /** Compared against when the user is unknown, so that both refusals take as long. */
    private static final String NO_USER_HASH = "{bcrypt}$2a$10$9BRel7poqR/LRraeadlfcOIOaASyidbGZkPdPAD30sSIKirWPyvSy";

    record Credentials(String username, String password) {
    }

    private final SecurityProperties properties;
    private final PasswordEncoder passwords;
    private final JwtEncoder encoder;
    private final boolean demo;
    private final SignInThrottle throttle;

    TokenEndpoint(SecurityProperties properties, PasswordEncoder passwords, JwtEncoder encoder, GraphProperties graph,
                  SignInThrottle throttle) {
        this.throttle = throttle;
        this.properties = properties;
        this.passwords = passwords;
        this.encoder = encoder;
        this.demo = graph.loadDemoData();
    }

    @PostMapping("/auth/token")
    ResponseEntity<Map<String, Object>> token(@RequestBody Credentials credentials, HttpServletRequest request)
            throws InterruptedException {
        if (properties.externalProvider()) {
            return refuse(HttpStatus.NOT_FOUND, "NOT_FOUND", "Tokens come from the configured identity provider");
        }
        String address = request.getRemoteAddr();
        SignInThrottle.Admission admission = throttle.admit(credentials.username(), address);
        if (!admission.allowed()) {
            long seconds = Math.max(1, (admission.retryAfter().toMillis() + 999) / 1000);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                    .body(errors("TOO_MANY_REQUESTS", "Too many failed sign-ins; try again in " + seconds + " s"));
        }
        var user = properties.users().stream()
                .filter(u -> demo || !u.demo())
                .filter(u -> u.username().equals(credentials.username())).findFirst();
        String password = credentials.password() == null ? "" : credentials.password();
        boolean matches = passwords.matches(password, user.map(SecurityProperties.User::password).orElse(NO_USER_HASH));
        if (user.isEmpty() || !matches) {
            // Held back on this request's own (virtual) thread: a guesser waits, nobody else does.
            Thread.sleep(throttle.failed(credentials.username(), address));
            return refuse(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Wrong username or password");
        }
        Instant now = Instant.now();
        var claims = JwtClaimsSet.builder()
                .issuer(SecurityConfiguration.SELF_ISSUER)
                .subject(user.get().username())
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenLifetime()))
                .claim(properties.roleClaim(), user.get().role().name());
        if (user.get().unit() != null) {
            claims.claim(properties.unitClaim(), user.get().unit());
        }
        if (user.get().jurisdiction() != null) {
            claims.claim(properties.jurisdictionClaim(), user.get().jurisdiction());
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
        return ResponseEntity.ok(Map.of("access_token", token, "token_type", "Bearer",
                "expires_in", properties.tokenLifetime().toSeconds(), "role", user.get().role().name()));
    }

    private static ResponseEntity<Map<String, Object>> refuse(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(errors(code, message));
    }

    private static Map<String, Object> errors(String code, String message) {
        return Map.of("errors", java.util.List.of(Map.of("message", message, "extensions", Map.of("code", code))));
    }
}
