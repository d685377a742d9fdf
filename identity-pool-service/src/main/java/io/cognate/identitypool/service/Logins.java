package io.cognate.identitypool.service;

import static io.cognate.identitypool.error.IdentityError.EXTERNAL_SERVICE;
import static io.cognate.identitypool.error.IdentityError.NOT_AUTHORIZED;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.identitypool.logins.LoginRejectedException;
import io.cognate.identitypool.logins.OidcLogins;
import io.cognate.identitypool.logins.UserPoolLogins;
import io.cognate.identitypool.logins.VerifiedLogin;
import io.cognate.identitypool.model.IdentityPool;
import io.cognate.identitypool.model.OidcProvider;
import io.smallrye.mutiny.Uni;

/**
 * A request's Logins map, each token verified by its provider: Cognate user pools by their JWKS, and this service's
 * own OpenID tokens of developer-authenticated identities under {@code cognito-identity.amazonaws.com}, and the
 * OpenID Connect providers of IAM the pool lists, by their discovery document and JWKS. Social and SAML providers
 * arrive with federation; a login from one is refused, never accepted unchecked.
 */
@ApplicationScoped
public class Logins {
    /** The Logins key of this service's own tokens (developer-authenticated identities). */
    public static final String COGNITO_IDENTITY = "cognito-identity.amazonaws.com";

    private final UserPoolLogins userPools;
    private final OidcLogins oidc;
    private final OidcProviders oidcProviders;
    private final OpenIdTokens openIdTokens;

    public Logins(UserPoolLogins userPools, OidcLogins oidc, OidcProviders oidcProviders, OpenIdTokens openIdTokens) {
        this.userPools = userPools;
        this.oidc = oidc;
        this.oidcProviders = oidcProviders;
        this.openIdTokens = openIdTokens;
    }

    public Uni<List<VerifiedLogin>> verify(IdentityPool pool, Map<String, String> logins) {
        // One after another: a provider's check may read the database, one statement at a time per session.
        Uni<List<VerifiedLogin>> checks = Uni.createFrom().item(new ArrayList<>());
        for (Map.Entry<String, String> login : logins.entrySet()) {
            checks = checks.chain(list -> verifyOne(pool, login.getKey(), login.getValue()).map(verified -> {
                list.add(verified);
                return list;
            }));
        }
        return checks.onFailure(LoginRejectedException.class).transform(e -> {
            LoginRejectedException rejected = (LoginRejectedException) e;
            return rejected.issuerUnreachable() ? EXTERNAL_SERVICE.withMessage(rejected.getMessage())
                    : NOT_AUTHORIZED.withMessage(rejected.getMessage());
        });
    }

    private Uni<VerifiedLogin> verifyOne(IdentityPool pool, String provider, String token) {
        if (provider.equals(COGNITO_IDENTITY)) {
            return openIdTokens.verify(token).map(claims -> {
                if (claims.isEmpty() || !claims.get().poolId().equals(pool.id())) {
                    throw new LoginRejectedException("Invalid login token. Couldn't verify signed token.", false);
                }
                return new VerifiedLogin(provider, claims.get().identityId(), Map.of("sub", claims.get().identityId(),
                        "amr", claims.get().amr()));
            });
        }
        if (UserPoolLogins.isUserPoolKey(provider) || pool.openIdConnectProviderArns().isEmpty()) {
            return Uni.createFrom().deferred(() -> userPools.verify(pool, provider, token));
        }
        return oidcProviders.of(pool.openIdConnectProviderArns()).chain(providers -> {
            OidcProvider registered = providers.stream().filter(p -> p.loginKey().equals(provider)).findFirst()
                    .orElse(null);
            if (registered == null) {
                throw new LoginRejectedException("Invalid login token. Token is not from a supported provider of this "
                        + "identity pool.", false);
            }
            return oidc.verify(registered, token);
        });
    }
}
