package io.cognate.identitypool.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.identitypool.policy.Decision;
import io.cognate.identitypool.policy.PolicyEvaluator;
import io.cognate.identitypool.policy.RequestContext;
import io.smallrye.mutiny.Uni;

/**
 * Assuming a role: the role's trust policy must allow the principal ({@code sts:AssumeRoleWithWebIdentity} for
 * web identities, with the {@code cognito-identity.amazonaws.com:aud}, {@code :sub} and {@code :amr} keys for a
 * pool's identities or {@code <provider>:aud} and {@code :sub} for an OpenID Connect provider's users, and
 * {@code sts:TagSession} when the session carries tags), and the session may not outlast the role's maximum.
 */
@ApplicationScoped
public class RoleAssumption {
    /** Why a role could not be assumed: no such role, its trust policy refused, or too long a session. */
    public enum Refusal {
        NO_ROLE,
        NOT_TRUSTED,
        TOO_LONG
    }

    /** A refusal, which each caller answers in its own words (Cognito's or STS's). */
    public static final class RefusedException extends RuntimeException {
        private final Refusal refusal;

        RefusedException(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /**
     * Who asks: an identity of a pool or another OpenID Connect issuer's user (a web identity), or the account's own
     * principal (AssumeRole); with the condition keys its trust policy is evaluated with.
     */
    public record Principal(String type, List<String> ids, String identityId, String poolId, List<String> amr,
            Map<String, String> tags, Map<String, List<String>> keys) {

        /** An identity of an identity pool: {@code cognito-identity.amazonaws.com:aud}, {@code :sub}, {@code :amr}. */
        public static Principal webIdentity(String identityId, String poolId, List<String> amr,
                Map<String, String> tags) {
            return new Principal("Federated", List.of(Logins.COGNITO_IDENTITY), identityId, poolId, amr, tags,
                    Map.of("cognito-identity.amazonaws.com:aud", List.of(poolId),
                            "cognito-identity.amazonaws.com:sub", List.of(identityId),
                            "cognito-identity.amazonaws.com:amr", amr));
        }

        /** A user of an IAM OpenID Connect provider: {@code <provider>:aud} and {@code <provider>:sub}. */
        public static Principal oidc(String providerArn, String providerKey, List<String> audiences, String subject) {
            return new Principal("Federated", List.of(providerArn), null, null, List.of(), Map.of(),
                    Map.of(providerKey + ":aud", audiences, providerKey + ":sub", List.of(subject)));
        }

        /** The account's own principal, as its root ARN or id. */
        public static Principal account(String accountId) {
            return new Principal("AWS", List.of("arn:aws:iam::" + accountId + ":root", accountId), null, null,
                    List.of(), Map.of(), Map.of());
        }
    }

    private final Roles roles;
    private final TemporaryCredentials credentials;

    public RoleAssumption(Roles roles, TemporaryCredentials credentials) {
        this.roles = roles;
        this.credentials = credentials;
    }

    public Uni<TemporaryCredentials.Credentials> assume(String roleArn, Principal principal, String sessionName,
            Duration duration, String sessionPolicy) {
        return roles.assumable(roleArn).map(role -> {
            if (role == null) {
                throw new RefusedException(Refusal.NO_ROLE);
            }
            String action = principal.type().equals("Federated") ? "sts:AssumeRoleWithWebIdentity" : "sts:AssumeRole";
            if (!trusted(role, principal, action, roleArn)
                    || !principal.tags().isEmpty() && !trusted(role, principal, "sts:TagSession", roleArn)) {
                throw new RefusedException(Refusal.NOT_TRUSTED);
            }
            if (duration.getSeconds() > role.role().maxSessionDuration()) {
                throw new RefusedException(Refusal.TOO_LONG);
            }
            return credentials.mint(new SessionClaims(role.role().arn(), role.role().roleId(), sessionName,
                    principal.identityId(), principal.poolId(), principal.amr(), principal.tags(), sessionPolicy),
                    duration);
        });
    }

    private static boolean trusted(Role.Assumable role, Principal principal, String action, String roleArn) {
        Map<String, List<String>> keys = new LinkedHashMap<>(principal.keys());
        List<String> tagKeys = new ArrayList<>(principal.tags().keySet());
        principal.tags().forEach((k, v) -> keys.put("aws:RequestTag/" + k, List.of(v)));
        if (!tagKeys.isEmpty()) {
            keys.put("aws:TagKeys", tagKeys);
        }
        RequestContext request = new RequestContext(action, roleArn, principal.type(), principal.ids(), keys);
        return PolicyEvaluator.trusts(role.trust(), request) == Decision.ALLOW;
    }
}
