package io.cognate.token.userpool;

/**
 * user-pool-service said no, or could not be reached. A refusal carries Cognito's error type and message (safe to
 * show the user: the flows word them for the caller); NOT_FOUND an unknown client or domain.
 */
public class UserPoolException extends RuntimeException {

    public enum Kind {
        REFUSED,
        NOT_FOUND,
        UNAVAILABLE
    }

    private final Kind kind;
    private final String errorType;

    public UserPoolException(Kind kind, String errorType, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.errorType = errorType;
    }

    public Kind kind() {
        return kind;
    }

    /** Cognito's error type of a refusal (NotAuthorizedException, CodeMismatchException, ...); "" otherwise. */
    public String errorType() {
        return errorType;
    }

    public boolean refused(String type) {
        return kind == Kind.REFUSED && errorType.equals(type);
    }

    /** Whether {@code failure} is user-pool-service not finding what was asked for (NOT_FOUND, ResourceNotFound). */
    public static boolean notFound(Throwable failure) {
        return failure instanceof UserPoolException e && (e.kind == Kind.NOT_FOUND
                || e.refused("ResourceNotFoundException"));
    }
}
