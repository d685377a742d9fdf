package io.cognate.userpool.auth;

/**
 * The step a sign-in waits at, as sealed in its Session: Cognito's challenge names, plus the inner steps of MFA_SETUP
 * (a secret associated, then verified) and {@link #PASSWORD_PROVEN}, the state after the password before the next
 * challenge is chosen. Sealed by name: renaming one ends the sessions in flight.
 */
public enum Step {
    PASSWORD_PROVEN,
    PASSWORD_VERIFIER,
    NEW_PASSWORD_REQUIRED,
    SMS_MFA,
    SOFTWARE_TOKEN_MFA,
    EMAIL_OTP,
    SELECT_MFA_TYPE,
    MFA_SETUP,
    MFA_SETUP_ASSOCIATED,
    MFA_SETUP_VERIFIED,
    DEVICE_SRP_AUTH,
    DEVICE_PASSWORD_VERIFIER,
    CUSTOM_CHALLENGE;

    /** The challenge name a client sees for this step. */
    public String challengeName() {
        return this == MFA_SETUP_ASSOCIATED || this == MFA_SETUP_VERIFIED ? MFA_SETUP.name() : name();
    }

    /** The challenges a code answers; a right answer may lead on to DEVICE_SRP_AUTH. */
    public boolean answeredByCode() {
        return this == SMS_MFA || this == SOFTWARE_TOKEN_MFA || this == EMAIL_OTP;
    }
}
