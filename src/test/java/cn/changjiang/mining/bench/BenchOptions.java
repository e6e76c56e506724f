package cn.changjiang.mining.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import cn.changjiang.mining.security.SecurityConfiguration;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import tools.jackson.databind.json.JsonMapper;

/** Command-line options ({@code --name value}) and signing in, shared by the generator and the benchmark. */
final class BenchOptions {

    private BenchOptions() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int n = 0; n < args.length; n++) {
            if (!args[n].startsWith("--")) {
                throw new IllegalArgumentException("Expected --name value, got " + args[n]);
            }
            String name = args[n].substring(2);
            boolean flag = n + 1 >= args.length || args[n + 1].startsWith("--");
            options.put(name, flag ? "true" : args[++n]);
        }
        return options;
    }

    /**
     * The credentials for {@code --bolt}: user neo4j with {@code --bolt-password}, else {@code NEO4J_EMBEDDED_PASSWORD},
     * else the password file the embedded engine generated ({@code --bolt-password-file}, default
     * {@code ./data/bolt-password}); none for a server without authentication.
     */
    static AuthToken boltAuth(Map<String, String> options) throws Exception {
        String password = options.getOrDefault("bolt-password", System.getenv("NEO4J_EMBEDDED_PASSWORD"));
        Path file = Path.of(options.getOrDefault("bolt-password-file", "data/bolt-password"));
        if (password == null && Files.isReadable(file)) {
            password = Files.readString(file).strip();
        }
        return password == null || password.isEmpty() ? AuthTokens.none() : AuthTokens.basic("neo4j", password);
    }

    /** The province the generator writes with {@code --shape province}. */
    static final String GENERATED_PROVINCE = "SYNP";

    /**
     * The jurisdiction the run works in: {@code --jurisdiction}, else the generated province for
     * {@code --shape province}, else none (the demo office's home district).
     */
    static String jurisdiction(Map<String, String> options) {
        return options.getOrDefault("jurisdiction",
                "province".equals(options.get("shape")) ? GENERATED_PROVINCE : null);
    }

    /**
     * The bearer token of the run: for a {@link #jurisdiction}, an office of that jurisdiction, signed by the
     * benchmark with the instance's own secret ({@code --jwt-secret}, else {@code AUTH_JWT_SECRET}: start the
     * instance with it set), since no configured user is an office of a generated province; otherwise the demo user
     * {@code --user} (default office) signs in.
     */
    static String token(Map<String, String> options, String baseUrl) throws Exception {
        String jurisdiction = jurisdiction(options);
        if (jurisdiction == null) {
            return token(baseUrl, options.getOrDefault("user", "office"));
        }
        String secret = options.getOrDefault("jwt-secret", System.getenv("AUTH_JWT_SECRET"));
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("An office token for " + jurisdiction + " needs the instance's signing secret "
                    + "(32 bytes or more): start the instance with AUTH_JWT_SECRET and pass the same as --jwt-secret or AUTH_JWT_SECRET");
        }
        return officeToken(secret, jurisdiction);
    }

    /** A self-issued token (as the instance's TokenEndpoint signs them) for an office of {@code jurisdiction}. */
    static String officeToken(String secret, String jurisdiction) {
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(SecurityConfiguration.SELF_ISSUER)
                .subject("bench-office-" + jurisdiction)
                .issuedAt(now)
                .expiresAt(now.plus(8, ChronoUnit.HOURS))
                .claim("role", "OFFICE")
                .claim("jurisdiction", jurisdiction)
                .build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    /** A bearer token for a demo user (password demo-NAME), from the instance's own token endpoint. */
    static String token(String baseUrl, String username) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"demo-" + username + "\"}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Cannot sign in as " + username + " (" + response.statusCode() + "): "
                    + response.body() + "; the benchmark needs the demo users (DEMO_DATA on)");
        }
        return JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
    }
}
