package io.cognate.token.service;

import java.util.List;
import java.util.Map;

/**
 * What the caller (user-pool-service) asks to be signed. Validities of zero or less fall back to Cognito's app-client
 * defaults; an empty {@code originJti} opens a new refresh-token family.
 *
 * @param oauth for tokens of the OAuth endpoints, their extras; null for the API's tokens
 * @param rotationGraceSeconds on a refresh, replace the refresh token, the old one usable this long; null: no rotation
 */
public record MintCommand(String userPoolId, String clientId, String username, String sub, List<String> groups,
        List<String> roles, String preferredRole, Map<String, String> attributes, List<String> scopes,
        long authTime, long accessTokenValiditySeconds, long idTokenValiditySeconds,
        long refreshTokenValiditySeconds, String originJti, List<String> amr, OAuth oauth,
        Integer rotationGraceSeconds, Customization customization) {

    /**
     * A PreTokenGeneration trigger's changes: per token, claims to add or override (any JSON value) and claims to
     * suppress. The claims no trigger may change are kept whatever it asks.
     */
    public record Customization(Map<String, Object> idClaims, List<String> idSuppressed,
            Map<String, Object> accessClaims, List<String> accessSuppressed) {
        public static final Customization NONE = new Customization(Map.of(), List.of(), Map.of(), List.of());
    }

    /**
     * What OAuth tokens carry besides: the access token {@code "version": 2}, the ID token at_hash and the authorization
     * request's nonce (empty: none). No ID token without the openid scope ({@code idToken} false).
     */
    public record OAuth(String nonce, boolean idToken) {
    }

    /** Cognito's defaults for an app client: 60 minutes for access and ID tokens, 30 days for refresh tokens. */
    public static final long DEFAULT_ACCESS_TOKEN_VALIDITY = 3600;
    public static final long DEFAULT_ID_TOKEN_VALIDITY = 3600;
    public static final long DEFAULT_REFRESH_TOKEN_VALIDITY = 30L * 24 * 3600;

    public long accessTokenValidity() {
        return accessTokenValiditySeconds > 0 ? accessTokenValiditySeconds : DEFAULT_ACCESS_TOKEN_VALIDITY;
    }

    public long idTokenValidity() {
        return idTokenValiditySeconds > 0 ? idTokenValiditySeconds : DEFAULT_ID_TOKEN_VALIDITY;
    }

    public long refreshTokenValidity() {
        return refreshTokenValiditySeconds > 0 ? refreshTokenValiditySeconds : DEFAULT_REFRESH_TOKEN_VALIDITY;
    }

    public boolean opensFamily() {
        return originJti == null || originJti.isEmpty();
    }
}
