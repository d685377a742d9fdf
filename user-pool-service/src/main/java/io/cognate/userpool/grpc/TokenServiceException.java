package io.cognate.userpool.grpc;

/**
 * A call to token-service that did not succeed: refused (with a reason meant for the caller), refused as an invalid
 * argument, or unavailable. The API answers NotAuthorizedException, InvalidParameterException or InternalErrorException.
 */
public class TokenServiceException extends RuntimeException {

    public enum Kind {
        REFUSED,
        INVALID_ARGUMENT,
        UNAVAILABLE
    }

    private final Kind kind;

    public TokenServiceException(Kind kind, String description) {
        super(description, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
