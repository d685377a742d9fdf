package io.cognate.sigv4;

/** A request whose signature does not hold, with AWS's message for why; the service answers it in its protocol. */
public class SignatureRejectedException extends RuntimeException {
    /** AWS's error types for a refused signature. */
    public enum Reason {
        /** No Authorization header: MissingAuthenticationTokenException. */
        MISSING_AUTHENTICATION_TOKEN,
        /** An access key nobody issued: UnrecognizedClientException. */
        UNRECOGNIZED_CLIENT,
        /** Malformed, stale or not matching: InvalidSignatureException. */
        INVALID_SIGNATURE
    }

    private final Reason reason;

    public SignatureRejectedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
