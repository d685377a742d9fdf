package io.cognate.userpool.api;

/** A Cognito error answered to the caller as {@code {"__type": ..., "message": ...}}. */
public class CognitoException extends RuntimeException {
    private final CognitoError error;

    public CognitoException(CognitoError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public CognitoError error() {
        return error;
    }
}
