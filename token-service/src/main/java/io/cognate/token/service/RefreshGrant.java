package io.cognate.token.service;

/** Whose a valid refresh token is, so the caller can mint fresh tokens in the same family. */
public record RefreshGrant(String username, String sub, String originJti, long authTime) {
}
