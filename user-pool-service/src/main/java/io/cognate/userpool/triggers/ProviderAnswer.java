package io.cognate.userpool.triggers;

import java.util.Map;

/**
 * What an external provider answered at a federated sign-in, in the parts the InboundFederation trigger receives:
 * the token endpoint's response, the ID token's claims and userInfo (OIDC and social providers), or the assertion's
 * attributes (SAML). Empty maps where the provider type has no such part.
 */
public record ProviderAnswer(Map<String, String> tokenResponse, Map<String, String> idToken,
        Map<String, String> userInfo, Map<String, String> samlResponse) {
    public static final ProviderAnswer NONE = new ProviderAnswer(Map.of(), Map.of(), Map.of(), Map.of());
}
