package io.cognate.token.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cognate.token.service.Issuer;

/**
 * OpenID Connect Discovery 1.0 §3 metadata for a pool. Only what Cognate serves today is advertised: the OAuth2
 * authorize, token, userInfo, revoke and logout endpoints do not exist yet, so their fields (and the response types
 * and client authentication methods that describe them) are omitted rather than pointing nowhere.
 */
@ApplicationScoped
public class DiscoveryDocument {

    /** The scopes Cognito's discovery document lists. */
    static final List<String> SCOPES = List.of("openid", "email", "phone", "profile");
    /** The claims Cognito puts in ID tokens: its token claims and the OIDC standard attributes. */
    static final List<String> CLAIMS = List.of("address", "aud", "auth_time", "birthdate", "cognito:groups",
            "cognito:preferred_role", "cognito:roles", "cognito:username", "email", "email_verified", "event_id",
            "exp", "family_name", "gender", "given_name", "iat", "iss", "jti", "locale", "middle_name", "name",
            "nickname", "origin_jti", "phone_number", "phone_number_verified", "picture", "preferred_username",
            "profile", "sub", "token_use", "updated_at", "website", "zoneinfo");

    private final Issuer issuer;
    private final ObjectMapper json;

    public DiscoveryDocument(Issuer issuer, ObjectMapper json) {
        this.issuer = issuer;
        this.json = json;
    }

    public byte[] forPool(String userPoolId) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("claims_supported", CLAIMS);
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("issuer", issuer.of(userPoolId));
        doc.put("jwks_uri", issuer.jwksUri(userPoolId));
        doc.put("scopes_supported", SCOPES);
        doc.put("subject_types_supported", List.of("public"));
        return write(doc);
    }

    /** Cognito's error shape; the id is echoed only when it is a well-formed pool id. */
    public byte[] notFound(String userPoolId) {
        String message = Issuer.isUserPoolId(userPoolId) ? "User pool " + userPoolId + " does not exist."
                : "User pool does not exist.";
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", "ResourceNotFoundException");
        error.put("message", message);
        return write(error);
    }

    private byte[] write(Map<String, Object> doc) {
        try {
            return json.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON serialization failed", e);
        }
    }
}
