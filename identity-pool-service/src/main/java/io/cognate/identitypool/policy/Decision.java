package io.cognate.identitypool.policy;

/** IAM's evaluation outcome: allowed, denied because nothing allowed it, or denied by a Deny statement. */
public enum Decision {
    ALLOW,
    IMPLICIT_DENY,
    EXPLICIT_DENY;

    public boolean allowed() {
        return this == ALLOW;
    }
}
