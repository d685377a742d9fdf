package io.cognate.token.service;

import java.util.List;

/** The verdict on a JWT. When inactive only {@code reason} is set, worded as Cognito words it. */
public record Introspection(boolean active, String reason, String userPoolId, String clientId, String username,
        String sub, String originJti, List<String> scopes, long issuedAt, long expiresAt) {

    static Introspection inactive(String reason) {
        return new Introspection(false, reason, null, null, null, null, null, List.of(), 0, 0);
    }
}
