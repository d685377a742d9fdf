package io.cognate.oidc;

/** An issuer's document could not be had: unreachable, not HTTP 200, or not what it should be. Says which. */
public final class IssuerException extends RuntimeException {
    private final int status;

    public IssuerException(String message) {
        this(message, 0);
    }

    /** The issuer answered, with HTTP {@code status} (not 200). */
    public IssuerException(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status the issuer answered with; 0 when it did not answer, or answered 200 with something else. */
    public int status() {
        return status;
    }
}
