package io.cognate.token.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cognate.token.service.Issuer;

/**
 * OpenID Connect Discovery 1.0 §3 metadata for a pool. The OAuth endpoints (authorize, token, userInfo, revoke,
 * logout) exist only on a pool's domain, so a pool without one advertises none of them (as Cognito's document), nor
 * the response types, grants and client authentication methods that describe them. With a domain, its prefix domain
 * is advertised (else its custom domain).
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

    /** The document; {@code domainUrl} the base URL of the pool's domain, null when it has none. */
    public byte[] forPool(String userPoolId, String domainUrl) {
        Map<String, Object> doc = new LinkedHashMap<>();
        if (domainUrl != null) {
            doc.put("authorization_endpoint", domainUrl + "/oauth2/authorize");
            doc.put("code_challenge_methods_supported", List.of("S256"));
            doc.put("end_session_endpoint", domainUrl + "/logout");
            doc.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials"));
        }
        doc.put("claims_supported", CLAIMS);
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("issuer", issuer.of(userPoolId));
        doc.put("jwks_uri", issuer.jwksUri(userPoolId));
        if (domainUrl != null) {
            doc.put("response_types_supported", List.of("code", "token"));
            doc.put("revocation_endpoint", domainUrl + "/oauth2/revoke");
        }
        doc.put("scopes_supported", SCOPES);
        doc.put("subject_types_supported", List.of("public"));
        if (domainUrl != null) {
            doc.put("token_endpoint", domainUrl + "/oauth2/token");
            doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
            doc.put("userinfo_endpoint", domainUrl + "/oauth2/userInfo");
        }
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
