package io.cognate.identitypool.service;

import static io.cognate.identitypool.error.IdentityError.ACCESS_DENIED;
import static io.cognate.identitypool.error.IdentityError.INVALID_IDENTITY_TOKEN;
import static io.cognate.identitypool.error.IdentityError.VALIDATION;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * STS: AssumeRoleWithWebIdentity for the OpenID tokens of this service's identity pools (the basic flow), AssumeRole
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
    private final String accountId;

    public StsFlows(OpenIdTokens openIdTokens, RoleAssumption assumption, IdentityStore store, Roles roles) {
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
            throw INVALID_IDENTITY_TOKEN.withMessage("The web identity token's issuer is not one this deployment "
                    + "trusts: it accepts the OpenID tokens of its identity pools (%s).", openIdTokens.issuer());
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

    /** AssumeRole by the account's admin: the trust policy must name the account (its root ARN or id). */
    public Uni<TemporaryCredentials.Credentials> assumeRole(String roleArn, String sessionName, Duration duration,
            String sessionPolicy) {
        RoleAssumption.Principal principal = new RoleAssumption.Principal("AWS",
                List.of("arn:aws:iam::" + accountId + ":root", accountId), null, null, List.of(), java.util.Map.of());
        return assumption.assume(roleArn, principal, sessionName, duration, sessionPolicy)
                .onFailure(RoleAssumption.RefusedException.class)
                .transform(e -> refusal((RoleAssumption.RefusedException) e, "sts:AssumeRole"));
    }

    private RuntimeException refusal(RoleAssumption.RefusedException refused, String action) {
        return switch (refused.refusal()) {
            case TOO_LONG -> VALIDATION.withMessage(
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
            default -> ACCESS_DENIED.withMessage("Not authorized to perform %s", action);
        };
    }
}
