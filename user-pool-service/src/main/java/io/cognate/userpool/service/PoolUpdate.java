package io.cognate.userpool.service;

import io.cognate.userpool.model.PoolSettings;

/**
 * UpdateUserPool, parsed: the new policies (what the request left out at its default, as in Cognito), and the new
 * name and MfaConfiguration where given (null: unchanged).
 */
public record PoolUpdate(String poolId, String name, PoolSettings.Policies policies, String mfaConfiguration) {
}
