package io.cognate.token.service;

import java.util.List;

/**
 * Whose a valid refresh token is, so the caller can mint fresh tokens in the same family: with the family's scopes,
 * and whether they are OAuth tokens.
 */
public record RefreshGrant(String username, String sub, String originJti, long authTime, List<String> scopes,
        boolean oauth) {
}
