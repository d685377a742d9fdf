package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import io.cognate.userpool.model.PoolSettings;

/**
 * A pool's MfaConfiguration as CreateUserPool and UpdateUserPool set it. There, the one MFA method a pool can have is
 * SMS, through its SmsConfiguration (as in Cognito); software tokens and email codes are turned on with
 * SetUserPoolMfaConfig.
 */
final class PoolMfa {
    private PoolMfa() {
    }

    static PoolSettings.Mfa atCreation(String mode, PoolSettings.Policies policies) {
        if (mode == null || "OFF".equals(mode)) {
            return PoolSettings.Mfa.OFF;
        }
        if (policies.sms() == null) {
            throw INVALID_PARAMETER.withMessage("SMS configuration and Auto verification for phone_number are required "
                    + "when MFA is required/optional");
        }
        return new PoolSettings.Mfa(mode, null, null, new PoolSettings.SmsMfa(null, policies.sms()));
    }

    /** The MFA settings after UpdateUserPool; {@code mode} null leaves them as they are. */
    static PoolSettings.Mfa atUpdate(PoolSettings.Mfa current, String mode, PoolSettings.Policies policies) {
        if (mode == null) {
            return current;
        }
        PoolSettings.Mfa mfa = current;
        if (!"OFF".equals(mode) && current.sms() == null && policies.sms() != null) {
            mfa = new PoolSettings.Mfa(current.mode(), current.softwareToken(), current.email(),
                    new PoolSettings.SmsMfa(null, policies.sms()));
        }
        boolean anyMethod = Boolean.TRUE.equals(mfa.softwareToken()) || mfa.email() != null || mfa.sms() != null;
        if (!"OFF".equals(mode) && !anyMethod) {
            throw INVALID_PARAMETER.withMessage("MfaConfiguration %s needs an MFA method: enable SMS, a software token "
                    + "or email with SetUserPoolMfaConfig.", mode);
        }
        return mfa.withMode(mode);
    }
}
