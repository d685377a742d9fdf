package io.cognate.userpool.model;

import java.time.Instant;
import java.util.List;

/**
 * A client's managed-login style: Cognito's defaults ({@code useCognitoProvidedValues}), or its Settings document
 * (JSON text, null when none) and assets (logos, backgrounds, icons).
 */
public record ManagedLoginBranding(String id, String poolId, String clientId, boolean useCognitoProvidedValues,
        String settings, List<Asset> assets, Instant createdAt, Instant updatedAt) {

    /** An image of the style: where it goes (Category), for which colour mode, its type and bytes. */
    public record Asset(String category, String colorMode, String extension, byte[] bytes, String resourceId) {
    }
}
