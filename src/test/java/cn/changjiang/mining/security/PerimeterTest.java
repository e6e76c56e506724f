package cn.changjiang.mining.security;

import cn.changjiang.mining.common.Role;
import java.time.Instant;
import java.util.Map;

import cn.changjiang.mining.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the service shows and accepts at its edge: health details for the office only, and signed tokens only with
 * an expiry.
 */
class PerimeterTest extends IntegrationTest {

    @Autowired
    JwtEncoder encoder;

    private record Answer(int status, String body) {
    }

    private Answer get(String path, String token) {
        return RestClient.create("http://localhost:" + port).get().uri(path)
                .headers(headers -> {
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                })
                .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes())));
    }

    private Answer graphql(String token) {
        return RestClient.create("http://localhost:" + port).post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .headers(headers -> headers.setBearerAuth(token))
                .body(Map.of("query", "{ mines(first: 1) { totalCount } }"))
                .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes())));
    }

    @Test
    void shouldShowHealthDetailsToTheOfficeOnly() {
        for (String token : new String[] {null, token("analyst"), token("leader")}) {
            Answer health = get("/actuator/health", token);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).as("status alone").contains("\"status\":\"UP\"")
                    .doesNotContain("components").doesNotContain("details").doesNotContain("Neo4j")
                    .doesNotContain("127.0.0.1").doesNotContain("path");
        }
        Answer office = get("/actuator/health", token("office"));
        assertThat(office.body()).contains("\"components\"").contains("\"neo4j\"").contains("\"diskSpace\"");
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            assertThat(get(probe, null)).as(probe).isEqualTo(new Answer(200, "{\"status\":\"UP\"}"));
        }
    }

    @Test
    void shouldRefuseASignedTokenWithoutAnExpiry() {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(SecurityConfiguration.SELF_ISSUER)
                .subject("office").issuedAt(now).claim("role", Role.OFFICE.name());
        String forever = sign(claims);
        String expiring = sign(claims.expiresAt(now.plusSeconds(300)));
        assertThat(graphql(expiring).body()).as("the same token with an expiry is good").contains("\"totalCount\"");
        Answer refused = graphql(forever);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("UNAUTHENTICATED");
    }

    private String sign(JwtClaimsSet.Builder claims) {
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }
}
