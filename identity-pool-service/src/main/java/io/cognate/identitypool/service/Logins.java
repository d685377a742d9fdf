package io.cognate.identitypool.service;

import static io.cognate.identitypool.error.IdentityError.EXTERNAL_SERVICE;
import static io.cognate.identitypool.error.IdentityError.NOT_AUTHORIZED;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.identitypool.config.CognateConfig;
import io.cognate.identitypool.logins.AccessTokenLogins;
import io.cognate.identitypool.logins.LoginRejectedException;
import io.cognate.identitypool.logins.OidcLogins;
import io.cognate.identitypool.logins.SamlLogins;
import io.cognate.identitypool.logins.UserPoolLogins;
import io.cognate.identitypool.logins.VerifiedLogin;
import io.cognate.identitypool.model.IdentityPool;
import io.cognate.identitypool.model.OidcProvider;
import io.smallrye.mutiny.Uni;

/**
 * A request's Logins map, each token verified by its provider: Cognate user pools by their JWKS, and this service's
 * own OpenID tokens of developer-authenticated identities under {@code cognito-identity.amazonaws.com}, and the
 * OpenID Connect providers of IAM the pool lists, by their discovery document and JWKS, and Google's and Apple's
 * ID tokens (SupportedLoginProviders) by their issuers', and Facebook's and Login with Amazon's access tokens by their
 * APIs ({@link AccessTokenLogins}), and SAML Responses of the IAM SAML providers the pool lists ({@link SamlLogins}).
 */
@ApplicationScoped
public class Logins {
    /** The Logins key of this service's own tokens (developer-authenticated identities). */
    public static final String COGNITO_IDENTITY = "cognito-identity.amazonaws.com";
    /** The social providers whose logins are OpenID Connect ID tokens (SupportedLoginProviders keys). */
    public static final Set<String> SOCIAL_OIDC = Set.of("accounts.google.com", "appleid.apple.com");
    /** Every SupportedLoginProviders key this service verifies logins of. */
    public static final Set<String> SOCIAL = Set.of("accounts.google.com", "appleid.apple.com",
            AccessTokenLogins.FACEBOOK, AccessTokenLogins.AMAZON);

    private final UserPoolLogins userPools;
    private final OidcLogins oidc;
    private final OidcProviders oidcProviders;
    private final OpenIdTokens openIdTokens;
    private final Map<String, String> socialIssuers;
    private final AccessTokenLogins accessTokens;
    private final SamlProviders samlProviders;
    private final SamlLogins samlLogins;

    public Logins(UserPoolLogins userPools, OidcLogins oidc, OidcProviders oidcProviders, OpenIdTokens openIdTokens,
            CognateConfig config, AccessTokenLogins accessTokens, SamlProviders samlProviders, SamlLogins samlLogins) {
        this.accessTokens = accessTokens;
        this.samlProviders = samlProviders;
        this.samlLogins = samlLogins;
        this.userPools = userPools;
        this.oidc = oidc;
        this.oidcProviders = oidcProviders;
        this.openIdTokens = openIdTokens;
        this.socialIssuers = Map.of("accounts.google.com", config.googleIssuer(), "appleid.apple.com",
                config.appleIssuer());
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
        String appIds = pool.supportedLoginProviders().get(provider);
        if (appIds != null && SOCIAL_OIDC.contains(provider)) {
            // Google's and Apple's logins are ID tokens of their issuers, for one of the pool's app ids.
            OidcProvider social = new OidcProvider(null, socialIssuers.get(provider), List.of(appIds.split(",")),
                    List.of(), null);
            return oidc.verify(social, provider, token);
        }
        if (appIds != null && SOCIAL.contains(provider)) {
            return accessTokens.verify(provider, List.of(appIds.split(",")), token);
        }
        if (pool.samlProviderArns().contains(provider)) {
            return samlProviders.of(List.of(provider)).map(found -> {
                if (found.isEmpty()) {
                    throw new LoginRejectedException("Invalid login token. The SAML provider no longer exists.", false);
                }
                return samlLogins.verify(found.get(0), token);
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
