package io.cognate.identitypool.logins;

import java.text.ParseException;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.cognate.identitypool.model.OidcProvider;
import io.smallrye.mutiny.Uni;

/**
 * Logins from an OpenID Connect provider registered in IAM and listed in the pool's OpenIdConnectProviderARNs, under
 * its key (the issuer URL without scheme): an ID token whose {@code iss} is the provider's URL, whose {@code aud} is
 * one of its client ids, unexpired, signed by a key of the JWKS its discovery document names.
 */
@ApplicationScoped
public class OidcLogins {
    private final JwksCache jwks;
    private final Clock clock;

    public OidcLogins(JwksCache jwks, Clock clock) {
        this.jwks = jwks;
        this.clock = clock;
    }

    /** The {@code iss} of a JWT, before any check; null when it is not one. */
    public static String issuerOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            return null;
        }
    }

    public Uni<VerifiedLogin> verify(OidcProvider provider, String token) {
        return verify(provider, provider.loginKey(), token);
    }

    /** As {@link #verify(OidcProvider, String)}, the login known under {@code loginKey} (a social provider's key). */
    public Uni<VerifiedLogin> verify(OidcProvider provider, String loginKey, String token) {
        IdTokens.Parsed parsed = IdTokens.parse(token);
        JWTClaimsSet claims = parsed.claims();
        if (!provider.url().equals(claims.getIssuer())) {
            throw IdTokens.rejected("Invalid login token. Issuer doesn't match providerName");
        }
        if (claims.getSubject() == null) {
            throw IdTokens.rejected("Invalid login token. Not a valid OpenId Connect identity token.");
        }
        if (!provider.clientIds().isEmpty()
                && claims.getAudience().stream().noneMatch(provider.clientIds()::contains)) {
            throw IdTokens.rejected("Invalid login token. Incorrect token audience.");
        }
        IdTokens.requireUnexpired(claims, clock);
        return jwks.jwksUri(provider.url())
                .chain(uri -> jwks.keys(uri, parsed.jwt().getHeader().getKeyID()))
                .map(keys -> {
                    IdTokens.requireSignedBy(parsed, keys);
                    return new VerifiedLogin(loginKey, claims.getSubject(), claims.getClaims());
                });
    }
}
