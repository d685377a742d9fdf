package io.cognate.identitypool.service;

/** Temporary credentials that do not verify: a session token this deployment did not seal, or one past its expiry. */
public final class CredentialsRejectedException extends RuntimeException {
    public enum Reason {
        INVALID,
        EXPIRED
    }

    private final Reason reason;

    public CredentialsRejectedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
