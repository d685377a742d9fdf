package io.cognate.userpool.service;

import java.util.List;

import io.cognate.userpool.model.PoolSettings;
import io.cognate.userpool.model.SchemaAttributeInput;

/**
 * CreateUserPool, parsed: the name, the policies (defaults filled in), MfaConfiguration (null: OFF), the sign-in
 * attributes and the requested schema.
 */
public record NewPool(String name, PoolSettings.Policies policies, String mfaConfiguration,
        List<String> usernameAttributes, List<String> aliasAttributes, Boolean caseSensitive,
        List<SchemaAttributeInput> schema) {
}
