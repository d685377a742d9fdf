package io.cognate.token.service;

/** A {@link TokenError} with a message that helps the caller and carries no token or key material. */
public class TokenException extends RuntimeException {

    private final TokenError error;

    public TokenException(TokenError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public TokenError error() {
        return error;
    }
}
