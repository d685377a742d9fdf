package io.cognate.identitypool.logins;

/** A login token that does not verify, with Cognito's text for why; or its issuer that could not be reached. */
public final class LoginRejectedException extends RuntimeException {
    private final boolean issuerUnreachable;

    public LoginRejectedException(String message, boolean issuerUnreachable) {
        super(message, null, false, false);
        this.issuerUnreachable = issuerUnreachable;
    }

    public boolean issuerUnreachable() {
        return issuerUnreachable;
    }
}
