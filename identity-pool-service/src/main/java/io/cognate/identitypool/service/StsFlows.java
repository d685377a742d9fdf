package io.cognate.identitypool.service;

import static io.cognate.identitypool.error.IdentityError.ACCESS_DENIED;
import static io.cognate.identitypool.error.IdentityError.IDP_COMMUNICATION_ERROR;
import static io.cognate.identitypool.error.IdentityError.INVALID_IDENTITY_TOKEN;
import static io.cognate.identitypool.error.IdentityError.VALIDATION_ERROR;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.identitypool.logins.LoginRejectedException;
import io.cognate.identitypool.logins.OidcLogins;
import io.smallrye.mutiny.Uni;

/**
 * STS: AssumeRoleWithWebIdentity for the OpenID tokens of this service's identity pools (the basic flow) and for the
 * ID tokens of OpenID Connect providers registered in IAM (a Kubernetes service account's, a CI system's), AssumeRole
 * for the account's admin, and who a caller is (GetCallerIdentity).
 */
@ApplicationScoped
public class StsFlows {
    /** What AssumeRoleWithWebIdentity answers beside the credentials. */
    public record WebIdentitySession(TemporaryCredentials.Credentials credentials, String subject, String audience,
            String provider) {
    }

    /** Who signed a request: the admin credentials, or temporary credentials this service vended. */
    public record Caller(String accessKeyId, TemporaryCredentials.Credentials session) {
    }

    private final OpenIdTokens openIdTokens;
    private final RoleAssumption assumption;
    private final IdentityStore store;
    private final OidcProviders oidcProviders;
    private final OidcLogins oidc;
    private final String accountId;

    public StsFlows(OpenIdTokens openIdTokens, RoleAssumption assumption, IdentityStore store, Roles roles,
            OidcProviders oidcProviders, OidcLogins oidc) {
        this.oidcProviders = oidcProviders;
        this.oidc = oidc;
        this.openIdTokens = openIdTokens;
        this.assumption = assumption;
        this.store = store;
        this.accountId = roles.accountId();
    }

    public String accountId() {
        return accountId;
    }

    public Uni<WebIdentitySession> assumeRoleWithWebIdentity(String roleArn, String sessionName, String token,
            Duration duration, String sessionPolicy) {
        if (!openIdTokens.isOurs(token)) {
            return fromOidcProvider(roleArn, sessionName, token, duration, sessionPolicy);
        }
        return openIdTokens.verify(token).chain(verified -> {
            if (verified.isEmpty()) {
                throw INVALID_IDENTITY_TOKEN.withMessage("Couldn't verify the web identity token: its signature does "
                        + "not hold or it has expired.");
            }
            OpenIdTokens.OpenIdClaims claims = verified.get();
            return store.pool(claims.poolId()).chain(pool -> {
                if (!pool.allowClassicFlow()) {
                    throw INVALID_IDENTITY_TOKEN.withMessage("Basic (classic) flow is not enabled for this identity "
                            + "pool.");
                }
                return assumption.assume(roleArn, RoleAssumption.Principal.webIdentity(claims.identityId(),
                        claims.poolId(), claims.amr(), claims.principalTags()), sessionName, duration, sessionPolicy);
            }).onFailure(RoleAssumption.RefusedException.class).transform(e -> refusal(
                    (RoleAssumption.RefusedException) e, "sts:AssumeRoleWithWebIdentity"))
                    .map(credentials -> new WebIdentitySession(credentials, claims.identityId(), claims.poolId(),
                            Logins.COGNITO_IDENTITY));
        });
    }

    /**
     * A token of an OpenID Connect provider registered in IAM (the issuer's {@code iss}), checked by the issuer's
     * discovery document and JWKS: the role's trust policy must name the provider's ARN.
     */
    private Uni<WebIdentitySession> fromOidcProvider(String roleArn, String sessionName, String token,
            Duration duration, String sessionPolicy) {
        String issuer = OidcLogins.issuerOf(token);
        if (issuer == null) {
            throw INVALID_IDENTITY_TOKEN.withMessage("The web identity token is not a JWT with an issuer.");
        }
        return oidcProviders.byUrl(issuer).chain(provider -> {
            if (provider == null) {
                throw INVALID_IDENTITY_TOKEN.withMessage("No OpenIDConnect provider found in your account for %s",
                        issuer);
            }
            return oidc.verify(provider, token).onFailure(LoginRejectedException.class).transform(e -> {
                LoginRejectedException rejected = (LoginRejectedException) e;
                return rejected.issuerUnreachable() ? IDP_COMMUNICATION_ERROR.withMessage(rejected.getMessage())
                        : INVALID_IDENTITY_TOKEN.withMessage(rejected.getMessage());
            }).chain(login -> {
                List<String> audiences = login.audiences();
                return assumption.assume(roleArn, RoleAssumption.Principal.oidc(provider.arn(), provider.loginKey(),
                        audiences, login.subject()), sessionName, duration, sessionPolicy)
                        .onFailure(RoleAssumption.RefusedException.class)
                        .transform(e -> refusal((RoleAssumption.RefusedException) e, "sts:AssumeRoleWithWebIdentity"))
                        .map(credentials -> new WebIdentitySession(credentials, login.subject(),
                                audiences.isEmpty() ? null : audiences.get(0), issuer));
            });
        });
    }

    /** AssumeRole by the account's admin: the trust policy must name the account (its root ARN or id). */
    public Uni<TemporaryCredentials.Credentials> assumeRole(String roleArn, String sessionName, Duration duration,
            String sessionPolicy) {
        RoleAssumption.Principal principal = RoleAssumption.Principal.account(accountId);
        return assumption.assume(roleArn, principal, sessionName, duration, sessionPolicy)
                .onFailure(RoleAssumption.RefusedException.class)
                .transform(e -> refusal((RoleAssumption.RefusedException) e, "sts:AssumeRole"));
    }

    private RuntimeException refusal(RoleAssumption.RefusedException refused, String action) {
        return switch (refused.refusal()) {
            case TOO_LONG -> VALIDATION_ERROR.withMessage(
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
            default -> ACCESS_DENIED.withMessage("Not authorized to perform %s", action);
        };
    }
}
