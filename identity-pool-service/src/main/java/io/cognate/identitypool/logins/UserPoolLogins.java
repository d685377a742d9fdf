package io.cognate.identitypool.logins;

import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.cognate.identitypool.config.CognateConfig;
import io.cognate.identitypool.service.IdentityPool;
import io.smallrye.mutiny.Uni;

/**
 * Logins from Cognate's user pools, under the key AWS's SDKs and Amplify derive from region and pool id,
 * {@code cognito-idp.<region>.amazonaws.com/<poolId>}: an ID token of one of the pool's configured app clients,
 * verified by the pool's JWKS at token-service (signature, {@code iss}, {@code token_use}, {@code aud},
 * {@code exp}), as Cognito checks it; with ServerSideTokenCheck, token-service also confirms the sign-in stands.
 */
@ApplicationScoped
public class UserPoolLogins {
    private static final Pattern KEY = Pattern.compile("cognito-idp\\.([a-z0-9-]+)\\.amazonaws\\.com/([\\w-]+_[0-9a-zA-Z]+)");

    private final JwksCache jwks;
    private final TokenServiceCheck serverSideCheck;
    private final String issuerBase;
    private final Clock clock;

    public UserPoolLogins(JwksCache jwks, TokenServiceCheck serverSideCheck, CognateConfig config, Clock clock) {
        this.jwks = jwks;
        this.serverSideCheck = serverSideCheck;
        this.issuerBase = config.userPools().issuerBaseUrl().replaceAll("/+$", "");
        this.clock = clock;
    }

    public static boolean isUserPoolKey(String provider) {
        return KEY.matcher(provider).matches();
    }

    /** The pool's user behind {@code token}, or a {@link LoginRejectedException} with Cognito's words. */
    public Uni<VerifiedLogin> verify(IdentityPool pool, String provider, String token) {
        Matcher key = KEY.matcher(provider);
        List<IdentityPool.CognitoProvider> configured = pool.cognitoProviders().stream()
                .filter(p -> p.providerName().equals(provider)).toList();
        if (!key.matches() || configured.isEmpty()) {
            throw rejected("Invalid login token. Token is not from a supported provider of this identity pool.");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw rejected("Invalid login token. Not a valid OpenId Connect identity token.");
        }
        String issuer = issuerBase + "/" + key.group(2);
        if (!issuer.equals(claims.getIssuer())) {
            throw rejected("Invalid login token. Issuer doesn't match providerName");
        }
        if (!"id".equals(claims.getClaim("token_use")) || claims.getSubject() == null) {
            throw rejected("Invalid login token. Not a valid OpenId Connect identity token.");
        }
        if (claims.getAudience().stream().noneMatch(aud -> configured.stream().anyMatch(p -> p.clientId().equals(aud)))) {
            throw rejected("Invalid login token. Incorrect token audience.");
        }
        long now = clock.instant().getEpochSecond();
        if (claims.getExpirationTime() == null || now >= claims.getExpirationTime().toInstant().getEpochSecond()) {
            long exp = claims.getExpirationTime() == null ? 0 : claims.getExpirationTime().toInstant().getEpochSecond();
            throw rejected("Invalid login token. Token expired: " + now + " >= " + exp);
        }
        String kid = jwt.getHeader().getKeyID();
        return jwks.keys(issuer + "/.well-known/jwks.json", kid).map(keys -> {
            JWK publicKey = kid == null ? null : keys.getKeyByKeyId(kid);
            if (!(publicKey instanceof RSAKey rsa) || !JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !verified(jwt, rsa)) {
                throw rejected("Invalid login token. Couldn't verify signed token.");
            }
            return new VerifiedLogin(provider, claims.getSubject(), claims.getClaims());
        }).call(login -> configured.stream().anyMatch(p -> p.serverSideTokenCheck()
                && claims.getAudience().contains(p.clientId())) ? serverSideCheck.requireActive(token)
                        : Uni.createFrom().voidItem());
    }

    private static boolean verified(SignedJWT jwt, RSAKey key) {
        try {
            return jwt.verify(new RSASSAVerifier(key));
        } catch (JOSEException e) {
            return false;
        }
    }

    private static LoginRejectedException rejected(String message) {
        return new LoginRejectedException(message, false);
    }
}
