package cn.changjiang.mining.security;

import cn.changjiang.mining.common.Role;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import cn.changjiang.mining.graph.RequestBookmarks;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Bearer tokens (JWT) on every request, stateless. Requests without a token go on as anonymous: the GraphQL layer
 * lets them read the public plan only. Tokens come from an external OpenID Connect provider when one is configured,
 * else from {@code POST /auth/token} for the configured users.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    public static final String SELF_ISSUER = "accountability-graph";
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    /**
     * A token must say when it ends: the default validators check {@code exp} only when it is there, so a signed
     * token without one would be good forever.
     */
    /** Tokens whose signature was checked, kept until they expire ({@link VerifiedTokens}). */
    private static final int MAX_VERIFIED_TOKENS = 10_000;
    private static final OAuth2TokenValidator<Jwt> EXPIRES = new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, JwtDecoder decoder) throws Exception {
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(jwt -> {
            String role = jwt.getClaimAsString(properties.roleClaim());
            return role == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + role));
        });
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/ledger/import", "/ledger/export.csv", "/ledger/export.xlsx").authenticated()
                        // Operations on the whole database (a backup holds people's contact details): the office only.
                        .requestMatchers("/admin/**").hasRole(Role.OFFICE.name())
                        .anyRequest().permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(roles))
                        .authenticationEntryPoint(refusal(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                                "The bearer token is missing, expired or not valid")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(refusal(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Sign in first"))
                        .accessDeniedHandler(denied()));
        return http.build();
    }

    /** Refusals at the HTTP level in the shape GraphQL clients read: {@code errors[].extensions.code}. */
    private static AuthenticationEntryPoint refusal(HttpStatus status, String code, String message) {
        return (request, response, exception) -> write(response, status, code, message);
    }

    private static AccessDeniedHandler denied() {
        return (request, response, exception) -> write(response, HttpStatus.FORBIDDEN, "FORBIDDEN", "Not allowed");
    }

    private static void write(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String code,
                              String message) throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"" + code + "\"}}]}");
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, SecretKey selfIssuedKey) {
        if (properties.externalProvider()) {
            NimbusJwtDecoder decoder = StringUtils.hasText(properties.jwkSetUri())
                    ? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
                    : (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(properties.issuerUri());
            List<OAuth2TokenValidator<Jwt>> validators = new java.util.ArrayList<>();
            validators.add(StringUtils.hasText(properties.issuerUri())
                    ? JwtValidators.createDefaultWithIssuer(properties.issuerUri()) : JwtValidators.createDefault());
            validators.add(EXPIRES);
            if (StringUtils.hasText(properties.audience())) {
                validators.add(new JwtClaimValidator<List<String>>("aud",
                        aud -> aud != null && aud.contains(properties.audience())));
            }
            OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(validators);
            decoder.setJwtValidator(validator);
            return new VerifiedTokens(decoder, validator, MAX_VERIFIED_TOKENS);
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(selfIssuedKey).macAlgorithm(MacAlgorithm.HS256).build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(SELF_ISSUER), EXPIRES);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, MAX_VERIFIED_TOKENS);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey selfIssuedKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(selfIssuedKey));
    }

    /**
     * The key of self-issued tokens. Several instances behind a load balancer must share it (AUTH_JWT_SECRET);
     * without one, a random key is made per start, so tokens do not outlive a restart.
     */
    @Bean
    SecretKey selfIssuedKey(SecurityProperties properties) {
        byte[] secret;
        if (StringUtils.hasText(properties.jwtSecret())) {
            secret = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < 32) {
                throw new IllegalStateException("AUTH_JWT_SECRET must be at least 32 bytes");
            }
        } else {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            if (!properties.externalProvider()) {
                log.warn("AUTH_JWT_SECRET is not set: tokens are signed with a key made for this start only");
            }
        }
        return new SecretKeySpec(secret, "HmacSHA256");
    }

    /**
     * No observation of each security filter, authentication and authorization: they timed every request's dozen
     * filters one by one, a twentieth of a chain's CPU time, and nothing reads them. The request as a whole is still
     * observed ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsOrigins());
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Request-Id", RequestBookmarks.HEADER));
        cors.setExposedHeaders(List.of("X-Request-Id", RequestBookmarks.HEADER));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
