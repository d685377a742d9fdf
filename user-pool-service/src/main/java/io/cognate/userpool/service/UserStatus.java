package io.cognate.userpool.service;

/** Cognito's user statuses, as stored and answered. */
public final class UserStatus {
    public static final String UNCONFIRMED = "UNCONFIRMED";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String FORCE_CHANGE_PASSWORD = "FORCE_CHANGE_PASSWORD";
    public static final String RESET_REQUIRED = "RESET_REQUIRED";
    /** A user of an external identity provider, who signs in there (federation). */
    public static final String EXTERNAL_PROVIDER = "EXTERNAL_PROVIDER";

    private UserStatus() {
    }
}
