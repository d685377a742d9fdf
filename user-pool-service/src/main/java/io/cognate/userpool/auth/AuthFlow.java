package io.cognate.userpool.auth;

/** Cognito's AuthFlowType: the ways a sign-in starts (InitiateAuth and AdminInitiateAuth). */
public enum AuthFlow {
    USER_SRP_AUTH,
    REFRESH_TOKEN_AUTH,
    REFRESH_TOKEN,
    CUSTOM_AUTH,
    ADMIN_NO_SRP_AUTH,
    USER_PASSWORD_AUTH,
    ADMIN_USER_PASSWORD_AUTH,
    USER_AUTH;

    /** Whether InitiateAuth (public) or AdminInitiateAuth (admin) takes this flow. */
    public boolean allowedFor(boolean admin) {
        return switch (this) {
            case USER_PASSWORD_AUTH -> !admin;
            case ADMIN_NO_SRP_AUTH, ADMIN_USER_PASSWORD_AUTH -> admin;
            default -> true;
        };
    }
}
