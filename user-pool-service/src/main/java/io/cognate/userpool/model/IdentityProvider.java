package io.cognate.userpool.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An external identity provider of a pool (CreateIdentityProvider): users sign in there and come back as
 * {@code <name>_<subject>} users of the pool.
 *
 * @param type OIDC, Google, Facebook, LoginWithAmazon, SignInWithApple or SAML (Cognito's ProviderType)
 * @param details ProviderDetails as given (client_id, client_secret, authorize_scopes, oidc_issuer, ...), with what
 *        Cognate derived from them (a SAML provider's SSO URLs, its fetched metadata under an {@link #INTERNAL} key)
 * @param attributeMapping pool attribute to the provider's claim
 * @param idpIdentifiers other names (email domains, say) that pick this provider at /oauth2/authorize
 */
public record IdentityProvider(String poolId, String name, String type, Map<String, String> details,
        Map<String, String> attributeMapping, List<String> idpIdentifiers, Instant createdAt, Instant updatedAt) {

    /** The prefix of details Cognate keeps for itself and never describes. */
    public static final String INTERNAL = "cognate:";

    /** The ProviderDetails as DescribeIdentityProvider shows them. */
    public Map<String, String> describedDetails() {
        Map<String, String> described = new java.util.LinkedHashMap<>(details);
        described.keySet().removeIf(key -> key.startsWith(INTERNAL));
        return described;
    }
}
