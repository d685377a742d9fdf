package io.cognate.identitypool.error;

/** An error answered to the caller as it is: its type from the catalogue and a message that leaks nothing. */
public final class IdentityException extends RuntimeException {
    private final IdentityError error;

    public IdentityException(IdentityError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public IdentityError error() {
        return error;
    }
}
