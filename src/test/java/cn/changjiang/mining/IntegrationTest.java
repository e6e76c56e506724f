package cn.changjiang.mining;

import cn.changjiang.mining.common.Role;
import cn.changjiang.mining.security.SecurityConfiguration;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The one application context the integration tests share: the real app over HTTP on a random port, on a fresh
 * embedded Neo4j in its own folder (seeded at start, demo data on). Every test class extends this so the
 * context, and the database, start once per run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"accountability.graph.data-dir=target/test-graph/${random.uuid}", "accountability.graph.demo-data=true",
                // Client addresses from X-Forwarded-For sent over loopback, as behind a proxy: lets the sign-in
                // throttling tests act as other addresses without locking out 127.0.0.1 for everyone else.
                "server.forward-headers-strategy=native"})
@AutoConfigureHttpGraphQlTester
@Import(SchemaReportCapture.class)
public abstract class IntegrationTest {

    /** Signed in as the working-group office, which may read and do everything; see {@link #as(String)}. */
    protected HttpGraphQlTester graphQl;

    @Autowired
    protected HttpGraphQlTester anonymous;

    @Autowired
    private JwtEncoder jwtEncoder;

    @LocalServerPort
    protected int port;

    protected static final AtomicReference<SchemaReport> schemaReport = SchemaReportCapture.REPORT;

    private static final Map<String, String> tokens = new ConcurrentHashMap<>();

    @BeforeEach
    void signInAsOffice() {
        graphQl = as("office");
    }

    /** A tester signed in as one of the demo users (password demo-USERNAME). */
    protected HttpGraphQlTester as(String username) {
        // Generous: a loaded CI machine can be slow, and a timeout here would say nothing about the API.
        // The tester's own timeout does not reach the WebTestClient under it, whose blocking read gave up after 5 s.
        return anonymous.mutate().responseTimeout(Duration.ofSeconds(30))
                .webTestClient(client -> client.responseTimeout(Duration.ofSeconds(30)))
                .header("Authorization", "Bearer " + token(username)).build();
    }

    /**
     * A tester signed in with a role for a jurisdiction (e.g. the office of 景德镇市), with a token signed as the app
     * signs its own.
     */
    protected HttpGraphQlTester as(Role role, String jurisdiction) {
        return anonymous.mutate().responseTimeout(Duration.ofSeconds(30))
                .webTestClient(client -> client.responseTimeout(Duration.ofSeconds(30)))
                .header("Authorization", "Bearer " + token(role, jurisdiction)).build();
    }

    /** A bearer token for a role for a jurisdiction, signed as the app signs its own. */
    protected String token(Role role, String jurisdiction) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(SecurityConfiguration.SELF_ISSUER)
                .subject("test-" + role.name().toLowerCase() + "-" + jurisdiction.toLowerCase())
                .issuedAt(now).expiresAt(now.plusSeconds(3600))
                .claim("role", role.name()).claim("jurisdiction", jurisdiction).build();
        return jwtEncoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    protected String token(String username) {
        return tokens.computeIfAbsent(username + "@" + port, key -> {
            Map<?, ?> response = RestClient.create("http://localhost:" + port).post().uri("/auth/token")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("username", username, "password", "demo-" + username))
                    .retrieve().body(Map.class);
            return (String) response.get("access_token");
        });
    }
}
