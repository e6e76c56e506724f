package cn.changjiang.mining.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.util.StringUtils;

/**
 * A token's signature checked once, not on every request: a client sends the same token until it expires. The
 * decoded token is kept, by its text, until its {@code exp} (at most {@code maxTokens} of them); every use still runs
 * the validators (expiry, issuer, audience), so a kept token is refused from the moment it would have been refused
 * without the cache, with the same exception. A token that fails is never kept. The signature of a given text cannot
 * change, so only work is saved; a token stays good for its lifetime even if the provider's key is withdrawn in the
 * meantime, as it would on an instance that checked it once and kept the session.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, int maxTokens) {
        this.decoder = decoder;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).expireAfter(new UntilExpiry()).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (token == null) {
            return decoder.decode(null);
        }
        Jwt jwt = verified.getIfPresent(token);
        if (jwt == null) {
            jwt = decoder.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException(message(result.getErrors()), result.getErrors());
        }
        return jwt;
    }

    /** The message Spring's decoder gives for the same errors. */
    private static String message(Collection<OAuth2Error> errors) {
        for (OAuth2Error error : errors) {
            if (StringUtils.hasLength(error.getDescription())) {
                return "An error occurred while attempting to decode the Jwt: " + error.getDescription();
            }
        }
        return "Unable to validate Jwt";
    }

    /** Kept until the token expires (a token without {@code exp} is refused by the validators and never kept). */
    private static final class UntilExpiry implements Expiry<String, Jwt> {
        @Override
        public long expireAfterCreate(String key, Jwt jwt, long currentTime) {
            Instant expires = jwt.getExpiresAt();
            if (expires == null) {
                return 0;
            }
            return Math.max(0, Duration.between(Instant.now(), expires).toNanos());
        }

        @Override
        public long expireAfterUpdate(String key, Jwt jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(key, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
