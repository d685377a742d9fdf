package io.cognate.userpool.error;

/**
 * The named refusals of sign-in and of the steps around it, each with Cognito's error type and message. Where
 * {@link #hidesExistence()} the refusal is answered no sooner than a fixed floor after the request arrived
 * (api/RefusalFloor), so that its timing does not tell an unknown user from a wrong password.
 */
public enum Refusal {
    /** A wrong password or SRP proof, and, under PreventUserExistenceErrors, a name no user has. */
    WRONG_CREDENTIALS(CognitoError.NOT_AUTHORIZED, "Incorrect username or password.", true),
    /** A name no user has, where the client does not hide that. */
    UNKNOWN_USER(CognitoError.USER_NOT_FOUND, "User does not exist.", false),
    USER_DISABLED(CognitoError.NOT_AUTHORIZED, "User is disabled.", false),
    /** Too many wrong passwords in a row: 2^(n-5) s, up to 15 minutes (Cognito's lockout). */
    LOCKED_OUT(CognitoError.NOT_AUTHORIZED, "Password attempts exceeded", false),
    USER_NOT_CONFIRMED(CognitoError.USER_NOT_CONFIRMED, "User is not confirmed.", false),
    PASSWORD_RESET_REQUIRED(CognitoError.PASSWORD_RESET_REQUIRED, "Password reset required for the user", false),
    TEMPORARY_PASSWORD_EXPIRED(CognitoError.NOT_AUTHORIZED,
            "Temporary password has expired and must be reset by an administrator.", false),
    /** A Session or secret block that is not a live challenge of this client. */
    INVALID_SESSION(CognitoError.NOT_AUTHORIZED, "Invalid session for the user.", false),
    SESSION_EXPIRED(CognitoError.NOT_AUTHORIZED, "Invalid session for the user, session is expired.", false),
    SESSION_USED(CognitoError.NOT_AUTHORIZED, "Invalid session for the user, session can only be used once.", false),
    WRONG_MFA_CODE(CognitoError.CODE_MISMATCH, "Invalid code received for user", false),
    INVALID_REFRESH_TOKEN(CognitoError.NOT_AUTHORIZED, "Invalid Refresh Token.", false),
    UNKNOWN_DEVICE(CognitoError.NOT_AUTHORIZED, "Device does not exist.", false);

    private final CognitoError error;
    private final String message;
    private final boolean hidesExistence;

    Refusal(CognitoError error, String message, boolean hidesExistence) {
        this.error = error;
        this.message = message;
        this.hidesExistence = hidesExistence;
    }

    public CognitoError error() {
        return error;
    }

    public String message() {
        return message;
    }

    /** Whether the answer is held to the refusal floor (PreventUserExistenceErrors). */
    public boolean hidesExistence() {
        return hidesExistence;
    }

    /** The exception that answers this refusal. */
    public CognitoException exception() {
        return new CognitoException(error, message, this);
    }

    /** This refusal with a message of its own (token-service's reason for a refresh token, say). */
    public CognitoException exception(String message) {
        return new CognitoException(error, message, this);
    }
}
