package io.cognate.token.oauth;

import java.util.List;

import io.cognate.contracts.userpool.v1.OAuthClient;

/**
 * An authorization request, validated against its client: what the authorize endpoint was asked, carried by the
 * pages in their URLs until the sign-in ends in a code or tokens for {@code redirectUri}.
 *
 * @param scopes the scopes granted: those asked for that the client is allowed (all of them when none was asked)
 * @param nonce empty when none
 * @param codeChallenge the PKCE S256 challenge, empty when none
 * @param prompt {@code login} (sign in again), {@code none} (only if signed in), or empty
 * @param identityProvider identity_provider: one of the client's providers, COGNITO, or empty
 * @param idpIdentifier idp_identifier: names an external provider by one of its IdpIdentifiers, or empty
 */
public record AuthorizationRequest(OAuthClient client, String responseType, String redirectUri, String state,
        List<String> scopes, String nonce, String codeChallenge, String prompt, String loginHint, String lang,
        String identityProvider, String idpIdentifier) {

    /** Whether the request names an external provider to sign in at, skipping the sign-in page. */
    public boolean external() {
        return !idpIdentifier.isEmpty() || !identityProvider.isEmpty() && !"COGNITO".equals(identityProvider);
    }

    /** The client's external providers, for the sign-in page's buttons. */
    public List<String> externalProviders() {
        return client.getIdentityProvidersList().stream().filter(p -> !"COGNITO".equals(p)).toList();
    }

    public boolean implicit() {
        return "token".equals(responseType);
    }

    /** Whether the user may sign in with a password here (COGNITO among the client's identity providers). */
    public boolean passwordSignIn() {
        return client.getIdentityProvidersList().contains("COGNITO");
    }
}
