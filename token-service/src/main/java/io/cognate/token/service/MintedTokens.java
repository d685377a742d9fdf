package io.cognate.token.service;

/** The result of Mint; {@code refreshToken} is null unless a new family was opened. */
public record MintedTokens(String accessToken, String idToken, String refreshToken, long expiresIn) {
}
