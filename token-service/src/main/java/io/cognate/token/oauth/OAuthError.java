package io.cognate.token.oauth;

/**
 * An OAuth error (RFC 6749 §5.2): its code (invalid_grant, ...), a description for the developer, and the HTTP
 * status the endpoint answers it with.
 */
public class OAuthError extends RuntimeException {
    private final String error;
    private final int status;

    public OAuthError(String error, String description) {
        this(error, description, 400);
    }

    public OAuthError(String error, String description, int status) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }
}
