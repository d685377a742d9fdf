package io.cognate.token.service;

/**
 * The result of Mint; {@code refreshToken} is null unless a new family was opened or the refresh token rotated, and
 * {@code idToken} null for an OAuth grant without the openid scope.
 */
public record MintedTokens(String accessToken, String idToken, String refreshToken, long expiresIn,
        String originJti) {
}
