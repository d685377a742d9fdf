package io.cognate.token.service;

/**
 * What Revoke did. Revoking an already revoked token is REVOKED with no family counted, as Cognito's RevokeToken.
 * {@code originJti} names the family a refresh token belonged to (null for a global sign-out or a refusal).
 */
public record RevokeOutcome(Kind kind, int familiesRevoked, String originJti) {

    public enum Kind {
        REVOKED,
        /** Not a refresh token this deployment issued for the pool (or it was altered). */
        UNKNOWN_TOKEN,
        /** Issued to another app client. */
        WRONG_CLIENT
    }

    static RevokeOutcome revoked(int families) {
        return new RevokeOutcome(Kind.REVOKED, families, null);
    }

    static RevokeOutcome revokedFamily(int families, String originJti) {
        return new RevokeOutcome(Kind.REVOKED, families, originJti);
    }

    static RevokeOutcome of(Kind kind) {
        return new RevokeOutcome(kind, 0, null);
    }
}
