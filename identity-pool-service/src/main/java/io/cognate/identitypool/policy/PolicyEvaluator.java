package io.cognate.identitypool.policy;

import java.util.List;

/**
 * IAM's evaluation logic for one account: an explicit Deny in any policy wins; otherwise the request needs an Allow
 * from the principal's permission policies and, where the session was given a session policy, from that too (the
 * session's permissions are the intersection).
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {
    }

    public static Decision evaluate(List<PolicyDocument> permissions, PolicyDocument sessionPolicy,
            RequestContext request) {
        boolean allowed = false;
        for (PolicyDocument policy : permissions) {
            Decision decision = policy.evaluate(request);
            if (decision == Decision.EXPLICIT_DENY) {
                return decision;
            }
            allowed |= decision.allowed();
        }
        if (sessionPolicy != null) {
            Decision session = sessionPolicy.evaluate(request);
            if (session == Decision.EXPLICIT_DENY) {
                return session;
            }
            allowed &= session.allowed();
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    /** A trust policy's answer to a principal asking to assume the role ({@code sts:AssumeRole*}). */
    public static Decision trusts(PolicyDocument trustPolicy, RequestContext request) {
        return evaluate(List.of(trustPolicy), null, request);
    }
}
