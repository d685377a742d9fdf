package io.cognate.userpool.service;

import io.cognate.userpool.model.ClientSettings;

/**
 * CreateUserPoolClient, parsed: the name, the settings (what the request left out at its default), and the secret:
 * none, generated, or the caller's own ({@code clientSecret}, which needs {@code generateSecret}).
 */
public record NewClient(String poolId, String name, ClientSettings settings, boolean generateSecret,
        String clientSecret) {
}
