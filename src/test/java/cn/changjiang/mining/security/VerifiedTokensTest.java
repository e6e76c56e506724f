package cn.changjiang.mining.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A kept token is refused from the moment it would be refused without the cache, and a bad one is never kept. */
class VerifiedTokensTest {

    private final SecretKey key = new SecretKeySpec(new byte[32], "HmacSHA256");
    private final MovableClock clock = new MovableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    private final OAuth2TokenValidator<Jwt> validator = validator();
    private final VerifiedTokens tokens = new VerifiedTokens(decoder(), validator, 10);

    @Test
    void shouldRefuseAKeptTokenOnceItHasExpired() {
        String token = sign(clock.instant().plus(Duration.ofMinutes(5)));
        Jwt first = tokens.decode(token);
        assertThat(tokens.decode(token)).as("kept").isSameAs(first);
        clock.now = clock.instant().plus(Duration.ofMinutes(10));
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        clock.now = clock.instant().minus(Duration.ofMinutes(10));
        assertThat(tokens.decode(token).getSubject()).as("decoded afresh once refused").isEqualTo("office");
    }

    @Test
    void shouldNeverKeepATokenThatFails() {
        String token = sign(clock.instant().plus(Duration.ofMinutes(5)));
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(JwtException.class);
        }
    }

    private NimbusJwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    private OAuth2TokenValidator<Jwt> validator() {
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(SecurityConfiguration.SELF_ISSUER));
    }

    private String sign(Instant expires) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(SecurityConfiguration.SELF_ISSUER).subject("office")
                .issuedAt(clock.instant()).expiresAt(expires).build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
