package io.cognate.identitypool.service;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.cognate.identitypool.config.CognateConfig;
import io.smallrye.mutiny.Uni;

/**
 * The OpenID tokens of the basic flow and of developer-authenticated identities, shaped as Cognito's: RS512, {@code iss}
 * this service, {@code aud} the identity pool, {@code sub} the identity, {@code amr} how it authenticated, and the
 * principal tags under {@code https://aws.amazon.com/tags}.
 */
@ApplicationScoped
public class OpenIdTokens {
    public static final String TAGS_CLAIM = "https://aws.amazon.com/tags";

    /** What a verified OpenID token says. */
    public record OpenIdClaims(String identityId, String poolId, List<String> amr, Map<String, String> principalTags,
            Instant expiration) {
    }

    private final OpenIdKeys keys;
    private final String issuer;
    private final Clock clock;

    public OpenIdTokens(OpenIdKeys keys, CognateConfig config, Clock clock) {
        this.keys = keys;
        this.issuer = config.openId().issuer().replaceAll("/+$", "");
        this.clock = clock;
    }

    public String issuer() {
        return issuer;
    }

    public Uni<String> mint(String identityId, String poolId, List<String> amr, Map<String, String> principalTags,
            Duration lifetime) {
        return keys.signingKey().map(key -> {
            Instant now = clock.instant();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(identityId).audience(poolId)
                    .claim("amr", amr).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime)));
            if (!principalTags.isEmpty()) {
                Map<String, Object> tags = Map.of("principal_tags", principalTags.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
                claims.claim(TAGS_CLAIM, tags);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            try {
                jwt.sign(new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException("signing the OpenID token failed", e);
            }
            return jwt.serialize();
        });
    }

    /** Whether {@code token} is one of this service's OpenID tokens (by its issuer), before any check. */
    public boolean isOurs(String token) {
        try {
            return issuer.equals(SignedJWT.parse(token).getJWTClaimsSet().getIssuer());
        } catch (ParseException e) {
            return false;
        }
    }

    /** The claims of one of this service's tokens, checked (signature, issuer, expiry); empty when it does not hold. */
    public Uni<Optional<OpenIdClaims>> verify(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return Uni.createFrom().item(Optional.empty());
        }
        return keys.verifying(jwt.getHeader().getKeyID()).map(published -> {
            JWK key = published.getKeyByKeyId(jwt.getHeader().getKeyID());
            if (!(key instanceof RSAKey rsa) || !JWSAlgorithm.RS512.equals(jwt.getHeader().getAlgorithm())
                    || !issuer.equals(claims.getIssuer()) || claims.getExpirationTime() == null
                    || !clock.instant().isBefore(claims.getExpirationTime().toInstant()) || !verified(jwt, rsa)
                    || claims.getAudience().size() != 1) {
                return Optional.<OpenIdClaims> empty();
            }
            return Optional.of(new OpenIdClaims(claims.getSubject(), claims.getAudience().get(0),
                    amr(claims), tags(claims), claims.getExpirationTime().toInstant()));
        });
    }

    private static List<String> amr(JWTClaimsSet claims) {
        try {
            List<String> amr = claims.getStringListClaim("amr");
            return amr == null ? List.of() : amr;
        } catch (ParseException e) {
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> tags(JWTClaimsSet claims) {
        Object tags = claims.getClaim(TAGS_CLAIM);
        if (!(tags instanceof Map<?, ?> map) || !(map.get("principal_tags") instanceof Map<?, ?> principal)) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        ((Map<String, Object>) principal).forEach((k, v) -> {
            if (v instanceof List<?> list && !list.isEmpty()) {
                out.put(k, String.valueOf(list.get(0)));
            }
        });
        return out;
    }

    private static boolean verified(SignedJWT jwt, RSAKey key) {
        try {
            return jwt.verify(new RSASSAVerifier(key));
        } catch (JOSEException e) {
            return false;
        }
    }
}
