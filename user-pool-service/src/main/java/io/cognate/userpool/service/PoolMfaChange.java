package io.cognate.userpool.service;

import io.cognate.userpool.model.PoolSettings;

/**
 * SetUserPoolMfaConfig, parsed: the new MfaConfiguration and the methods it configures; each null where the request
 * leaves it as it is.
 */
public record PoolMfaChange(String mode, Boolean softwareToken, PoolSettings.EmailMfa email, PoolSettings.SmsMfa sms) {
}
