package io.cognate.token.crypto;

import java.util.UUID;

/**
 * What a refresh token carries, readable only by token-service: the family it belongs to and the random secret whose
 * hash the family row keeps, so a stolen database row cannot be turned into a working token.
 */
public record RefreshTokenContent(String userPoolId, String clientId, UUID familyId, byte[] secret) {
}
