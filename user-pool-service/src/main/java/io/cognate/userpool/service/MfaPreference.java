package io.cognate.userpool.service;

/**
 * SetUserMFAPreference / AdminSetUserMFAPreference, parsed: for each factor, Cognito's MfaSettingsType (null where the
 * request leaves the factor alone).
 */
public record MfaPreference(Factor sms, Factor softwareToken, Factor email) {

    /** Enabled and PreferredMfa, each null when not given. */
    public record Factor(Boolean enabled, Boolean preferred) {
    }
}
