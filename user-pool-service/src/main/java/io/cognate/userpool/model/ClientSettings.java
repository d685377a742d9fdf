package io.cognate.userpool.model;

import java.util.List;

/**
 * An app client's settings, as Cognito's UserPoolClientType names them. Create and UpdateUserPoolClient replace them
 * whole: what a request leaves out returns to its default. A null member was not given.
 *
 * @param authSessionValidity minutes a sign-in's Session stays valid between steps (3 to 15)
 * @param oauth the OAuth members; stored and returned, used once the pool has a domain
 */
public record ClientSettings(long refreshTokenValidity, long accessTokenValidity, long idTokenValidity,
        TokenUnits units, List<String> explicitAuthFlows, List<String> readAttributes, List<String> writeAttributes,
        String preventUserExistenceErrors, boolean enableTokenRevocation, int authSessionValidity, OAuth oauth) {

    /** TokenValidityUnits: seconds, minutes, hours or days for each token. */
    public record TokenUnits(String accessToken, String idToken, String refreshToken) {
    }

    public record OAuth(List<String> supportedIdentityProviders, List<String> callbackUrls, List<String> logoutUrls,
            String defaultRedirectUri, List<String> allowedOAuthFlows, List<String> allowedOAuthScopes,
            Boolean allowedOAuthFlowsUserPoolClient) {
    }
}
