package io.cognate.userpool.model;

import java.util.List;

/**
 * An app client's settings, as Cognito's UserPoolClientType names them. Create and UpdateUserPoolClient replace them
 * whole: what a request leaves out returns to its default. A null member was not given.
 *
 * @param authSessionValidity minutes a sign-in's Session stays valid between steps (3 to 15)
 * @param oauth the OAuth members, null when none was given; used once the pool has a domain
 * @param refreshTokenRotation null when not given (no rotation)
 */
public record ClientSettings(long refreshTokenValidity, long accessTokenValidity, long idTokenValidity,
        TokenUnits units, List<String> explicitAuthFlows, List<String> readAttributes, List<String> writeAttributes,
        String preventUserExistenceErrors, boolean enableTokenRevocation, int authSessionValidity, OAuth oauth,
        RefreshTokenRotation refreshTokenRotation) {

    /** Whether a refresh answers a new refresh token, the old one still usable for the grace period. */
    public boolean rotatesRefreshTokens() {
        return refreshTokenRotation != null && "ENABLED".equals(refreshTokenRotation.feature());
    }

    /** RefreshTokenRotation: ENABLED or DISABLED, and how long (0 to 60 s) a rotated refresh token still works. */
    public record RefreshTokenRotation(String feature, int retryGracePeriodSeconds) {
    }

    /** TokenValidityUnits: seconds, minutes, hours or days for each token. */
    public record TokenUnits(String accessToken, String idToken, String refreshToken) {
    }

    public record OAuth(List<String> supportedIdentityProviders, List<String> callbackUrls, List<String> logoutUrls,
            String defaultRedirectUri, List<String> allowedOAuthFlows, List<String> allowedOAuthScopes,
            Boolean allowedOAuthFlowsUserPoolClient) {
    }
}
