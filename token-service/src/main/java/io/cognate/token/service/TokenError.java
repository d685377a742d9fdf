package io.cognate.token.service;

/** The failures token-service reports to its callers; each transport maps them to its own status codes. */
public enum TokenError {
    /** The request is malformed: a missing or ill-formed field. */
    INVALID_PARAMETER,
    /** Mint was asked to continue a refresh-token family that is unknown, revoked, expired or another client's. */
    FAMILY_NOT_USABLE,
    /** The pool's signing key cannot be used, e.g. it does not open under the configured KEK. */
    SIGNING_KEY_UNAVAILABLE;

    public TokenException withMessage(String message) {
        return new TokenException(this, message);
    }
}
