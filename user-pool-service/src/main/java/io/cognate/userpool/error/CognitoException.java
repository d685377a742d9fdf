package io.cognate.userpool.error;

/**
 * A Cognito error, answered to the caller as {@code {"__type": ..., "message": ...}}. A sign-in refusal carries its
 * {@link Refusal} kind, so what follows from it (the refusal floor) depends on what it is, never on its text.
 */
public class CognitoException extends RuntimeException {
    private final CognitoError error;
    private final Refusal refusal;

    public CognitoException(CognitoError error, String message) {
        this(error, message, null);
    }

    CognitoException(CognitoError error, String message, Refusal refusal) {
        super(message, null, false, false);
        this.error = error;
        this.refusal = refusal;
    }

    public CognitoError error() {
        return error;
    }

    /** The named sign-in refusal this is, or null for any other error. */
    public Refusal refusal() {
        return refusal;
    }
}
