package io.cognate.identitypool.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.identitypool.policy.Decision;
import io.cognate.identitypool.policy.PolicyDocument;
import io.cognate.identitypool.policy.PolicyEvaluator;
import io.cognate.identitypool.policy.RequestContext;
import io.smallrye.mutiny.Uni;

/**
 * The authorize API's decision: may the holder of these (verified) temporary credentials do {@code action} on
 * {@code resource}? Their role's inline policies decide, intersected with the session policy, with the identity's
 * policy variables and condition keys ({@code cognito-identity.amazonaws.com:sub}, {@code :aud}, {@code :amr},
 * {@code aws:PrincipalTag/…}, {@code aws:userid}) and any the caller adds for its own resource.
 */
@ApplicationScoped
public class AuthorizeFlow {
    /** The decision, and who asked, in API Gateway's words for a Cognito identity. */
    public record Outcome(Decision decision, String principalArn, String userId, SessionClaims claims) {
    }

    private final Roles roles;

    public AuthorizeFlow(Roles roles) {
        this.roles = roles;
    }

    public Uni<Outcome> decide(TemporaryCredentials.Credentials credentials, String action, String resource,
            Map<String, List<String>> extraKeys) {
        SessionClaims claims = credentials.claims();
        return roles.assumable(claims.roleArn()).map(role -> {
            String principalArn = claims.assumedRoleArn(roles.accountId());
            if (role == null) {
                return new Outcome(Decision.IMPLICIT_DENY, principalArn, claims.assumedRoleId(), claims);
            }
            Map<String, List<String>> keys = new LinkedHashMap<>(extraKeys);
            keys.put("aws:userid", List.of(claims.assumedRoleId()));
            keys.put("aws:PrincipalArn", List.of(claims.roleArn()));
            keys.put("aws:PrincipalAccount", List.of(roles.accountId()));
            if (claims.poolId() != null) {
                keys.put("cognito-identity.amazonaws.com:sub", List.of(claims.identityId()));
                keys.put("cognito-identity.amazonaws.com:aud", List.of(claims.poolId()));
                keys.put("cognito-identity.amazonaws.com:amr", new ArrayList<>(claims.amr()));
            }
            claims.principalTags().forEach((k, v) -> keys.put("aws:PrincipalTag/" + k, List.of(v)));
            PolicyDocument session = claims.sessionPolicy() == null ? null : Roles.parse(claims.sessionPolicy());
            Decision decision = PolicyEvaluator.evaluate(role.permissions(), session,
                    new RequestContext(action, resource, "AWS", List.of(principalArn), keys));
            return new Outcome(decision, principalArn, claims.assumedRoleId(), claims);
        });
    }
}
