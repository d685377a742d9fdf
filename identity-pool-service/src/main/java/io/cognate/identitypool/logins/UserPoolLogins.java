package io.cognate.identitypool.logins;

import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.nimbusds.jwt.JWTClaimsSet;

import io.cognate.identitypool.config.CognateConfig;
import io.cognate.identitypool.model.IdentityPool;
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
        IdTokens.Parsed parsed = IdTokens.parse(token);
        JWTClaimsSet claims = parsed.claims();
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
        IdTokens.requireUnexpired(claims, clock);
        return jwks.keys(issuer + "/.well-known/jwks.json", parsed.jwt().getHeader().getKeyID()).map(keys -> {
            IdTokens.requireSignedBy(parsed, keys);
            return new VerifiedLogin(provider, claims.getSubject(), claims.getClaims());
        }).call(login -> configured.stream().anyMatch(p -> p.serverSideTokenCheck()
                && claims.getAudience().contains(p.clientId())) ? serverSideCheck.requireActive(token)
                        : Uni.createFrom().voidItem());
    }

    private static LoginRejectedException rejected(String message) {
        return IdTokens.rejected(message);
    }
}
