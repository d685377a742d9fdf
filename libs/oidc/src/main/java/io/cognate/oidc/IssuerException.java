package io.cognate.oidc;

/** An issuer's document could not be had: unreachable, not HTTP 200, or not what it should be. Says which. */
public final class IssuerException extends RuntimeException {
    public IssuerException(String message) {
        super(message, null, false, false);
    }
}
