package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.cognate.userpool.model.IdentityProvider;

/**
 * What Cognito checks in an identity provider: its name against its type (a social provider is named as its type),
 * the ProviderDetails each type needs (and no others), URLs that are https (or http on the loopback, for local IdPs),
 * an AttributeMapping onto attributes the pool has, and IdpIdentifiers unique in the pool. A SAML provider's details
 * were resolved by {@link SamlProviderDetails} before; a social provider's preset endpoints are {@link SocialPresets}'.
 */
final class IdentityProviderRules {
    private static final Set<String> SOCIAL = Set.of("Google", "Facebook", "LoginWithAmazon", "SignInWithApple");
    private static final Set<String> RESERVED = Set.of("cognito", "COGNITO", "Cognito");
    /** What a social provider's description adds (SocialPresets); given back in an update, it is not the caller's. */
    private static final Set<String> PRESET_KEYS = Set.of("authorize_url", "token_url", "token_request_method",
            "attributes_url", "attributes_url_add_attributes", "oidc_issuer", "attributes_request_method");
    private static final List<String> OIDC_ENDPOINTS = List.of("authorize_url", "token_url", "attributes_url",
            "jwks_uri");
    private static final Map<String, Set<String>> KEYS = Map.of(
            "OIDC", Set.of("client_id", "client_secret", "authorize_scopes", "attributes_request_method", "oidc_issuer",
                    "authorize_url", "token_url", "attributes_url", "jwks_uri"),
            "Google", Set.of("client_id", "client_secret", "authorize_scopes"),
            "Facebook", Set.of("client_id", "client_secret", "authorize_scopes", "api_version"),
            "LoginWithAmazon", Set.of("client_id", "client_secret", "authorize_scopes"),
            "SignInWithApple", Set.of("client_id", "team_id", "key_id", "private_key", "authorize_scopes"),
            "SAML", union(SamlProviderDetails.GIVEN, SamlProviderDetails.DERIVED,
                    Set.of(SamlProviderDetails.FETCHED_METADATA)));
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "OIDC", List.of("client_id", "authorize_scopes", "attributes_request_method"),
            "Google", List.of("client_id", "client_secret", "authorize_scopes"),
            "Facebook", List.of("client_id", "client_secret", "authorize_scopes"),
            "LoginWithAmazon", List.of("client_id", "client_secret", "authorize_scopes"),
            "SignInWithApple", List.of("client_id", "team_id", "key_id", "private_key", "authorize_scopes"),
            "SAML", List.of());

    private IdentityProviderRules() {
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new java.util.HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }

    /** The provider as it will be stored: checked, with Cognito's default mapping of username to sub. */
    static IdentityProvider checked(IdentityProvider provider, UserPool pool) {
        String type = provider.type();
        if (RESERVED.contains(provider.name())) {
            throw INVALID_PARAMETER.withMessage("Provider name %s is reserved.", provider.name());
        }
        if (SOCIAL.contains(type) != SOCIAL.contains(provider.name()) || SOCIAL.contains(type)
                && !type.equals(provider.name())) {
            throw INVALID_PARAMETER.withMessage("Provider %s cannot be of type %s", provider.name(), type);
        }
        Map<String, String> details = new LinkedHashMap<>(provider.details());
        if (SOCIAL.contains(type)) {
            details.keySet().removeAll(PRESET_KEYS);
        }
        for (String key : details.keySet()) {
            if (!KEYS.get(type).contains(key)) {
                throw INVALID_PARAMETER.withMessage("ProviderDetails of a %s provider may not contain %s.", type, key);
            }
        }
        for (String key : REQUIRED.get(type)) {
            if (details.getOrDefault(key, "").isBlank()) {
                throw INVALID_PARAMETER.withMessage("ProviderDetails of a %s provider must contain %s.", type, key);
            }
        }
        if ("OIDC".equals(type)) {
            checkOidc(details);
        }
        if ("SignInWithApple".equals(type)) {
            checkApplePrivateKey(details.get("private_key"));
        }
        if (details.containsKey("api_version") && !details.get("api_version").matches("v\\d{1,2}\\.\\d")) {
            throw INVALID_PARAMETER.withMessage("ProviderDetails: api_version must be a Graph API version, like v17.0.");
        }
        Map<String, String> mapping = new LinkedHashMap<>(provider.attributeMapping());
        for (Map.Entry<String, String> entry : mapping.entrySet()) {
            String attribute = entry.getKey();
            if (!"username".equals(attribute) && !pool.schema().containsKey(attribute)) {
                throw INVALID_PARAMETER.withMessage("AttributeMapping: %s is not an attribute of user pool %s.",
                        attribute, pool.id());
            }
            if (entry.getValue().isEmpty() || entry.getValue().length() > 131072) {
                throw INVALID_PARAMETER.withMessage("AttributeMapping: the claim mapped to %s must be 1 to 131072 "
                        + "characters.", attribute);
            }
        }
        mapping.putIfAbsent("username", "sub");
        if (!"sub".equals(mapping.get("username"))) {
            throw INVALID_PARAMETER.withMessage("AttributeMapping: username is always mapped from sub.");
        }
        return new IdentityProvider(provider.poolId(), provider.name(), type, Map.copyOf(details), Map.copyOf(mapping),
                provider.idpIdentifiers(), provider.createdAt(), provider.updatedAt());
    }

    /** An IdpIdentifier names one provider of the pool; {@code others} the other providers' identifiers by name. */
    static void checkIdentifiers(IdentityProvider provider, Map<String, List<String>> others) {
        for (String identifier : provider.idpIdentifiers()) {
            others.forEach((name, identifiers) -> {
                if (identifiers.contains(identifier)) {
                    throw INVALID_PARAMETER.withMessage("IdpIdentifier %s is already used by identity provider %s.",
                            identifier, name);
                }
            });
        }
    }

    /** Apple's key for the client secret: the .p8 file Apple gives, a PKCS#8 EC private key in PEM. */
    private static void checkApplePrivateKey(String pem) {
        try {
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            java.security.KeyFactory.getInstance("EC").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(
                    java.util.Base64.getDecoder().decode(base64)));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw INVALID_PARAMETER.withMessage("ProviderDetails: private_key must be Apple's EC private key (the "
                    + ".p8 file, PEM).");
        }
    }

    private static void checkOidc(Map<String, String> details) {
        String method = details.get("attributes_request_method");
        if (!"GET".equals(method) && !"POST".equals(method)) {
            throw INVALID_PARAMETER.withMessage("ProviderDetails: attributes_request_method must be GET or POST.");
        }
        String issuer = details.get("oidc_issuer");
        boolean explicit = OIDC_ENDPOINTS.stream().allMatch(details::containsKey);
        if (issuer == null && !explicit) {
            throw INVALID_PARAMETER.withMessage("ProviderDetails must contain oidc_issuer, or all of authorize_url, "
                    + "token_url, attributes_url and jwks_uri.");
        }
        if (issuer != null) {
            checkUrl("oidc_issuer", issuer);
        }
        for (String endpoint : OIDC_ENDPOINTS) {
            if (details.containsKey(endpoint)) {
                checkUrl(endpoint, details.get(endpoint));
            }
        }
    }

    /** An IdP's URL: absolute https, or http on the loopback (a local IdP, as in tests). */
    static void checkUrl(String key, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw INVALID_PARAMETER.withMessage("ProviderDetails: %s is not a valid URL.", key);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !("http".equals(scheme) && ClientRules.LOOPBACK_HOSTS.contains(host))) {
            throw INVALID_PARAMETER.withMessage("ProviderDetails: %s must be an https URL.", key);
        }
    }
}
