package io.cognate.token.oauth;

import java.nio.charset.StandardCharsets;

import io.cognate.contracts.userpool.v1.IssuedTokens;

/**
 * What the token endpoint answers (RFC 6749 §5.1): an access token, an ID token with openid, a refresh token where
 * one is issued ("" otherwise), and the access token's lifetime.
 */
public record GrantedTokens(String accessToken, String idToken, String refreshToken, long expiresIn) {

    public static GrantedTokens of(IssuedTokens issued) {
        return new GrantedTokens(issued.getAccessToken(), issued.getIdToken(), issued.getRefreshToken(),
                issued.getExpiresIn());
    }

    /** The tokens as an authorization code keeps them (sealed): one per line. */
    byte[] encode() {
        return String.join("\n", accessToken, idToken, refreshToken, Long.toString(expiresIn))
                .getBytes(StandardCharsets.UTF_8);
    }

    static GrantedTokens decode(byte[] encoded) {
        String[] lines = new String(encoded, StandardCharsets.UTF_8).split("\n", -1);
        return new GrantedTokens(lines[0], lines[1], lines[2], Long.parseLong(lines[3]));
    }
}
