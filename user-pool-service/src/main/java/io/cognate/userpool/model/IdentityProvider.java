package io.cognate.userpool.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An external identity provider of a pool (CreateIdentityProvider): users sign in there and come back as
 * {@code <name>_<subject>} users of the pool.
 *
 * @param type OIDC, Google, Facebook, LoginWithAmazon, SignInWithApple or SAML (Cognito's ProviderType)
 * @param details ProviderDetails as given (client_id, client_secret, authorize_scopes, oidc_issuer, ...)
 * @param attributeMapping pool attribute to the provider's claim
 * @param idpIdentifiers other names (email domains, say) that pick this provider at /oauth2/authorize
 */
public record IdentityProvider(String poolId, String name, String type, Map<String, String> details,
        Map<String, String> attributeMapping, List<String> idpIdentifiers, Instant createdAt, Instant updatedAt) {
}
