package io.cognate.token.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Cognito's ID and access token payloads, claim for claim and in Cognito's order. See "Understanding the identity
 * (ID) token" and "Understanding the access token" in the Cognito developer guide.
 */
public final class ClaimSets {

    /** Attributes that Cognito turns into JSON booleans in the ID token. */
    private static final List<String> BOOLEAN_ATTRIBUTES = List.of("email_verified", "phone_number_verified");
    /** Claims an attribute may never overwrite: token_use, exp and the like are the issuer's alone. */
    private static final Set<String> RESERVED = Set.of("sub", "iss", "aud", "exp", "iat", "nbf", "jti", "auth_time",
            "token_use", "event_id", "origin_jti", "amr", "client_id", "scope", "username", "nonce", "at_hash", "azp",
            "identities");

    /**
     * Claims a PreTokenGeneration trigger may not add, override or suppress (Cognito's list, plus what only the issuer
     * and the group override decide).
     */
    private static final Set<String> PROTECTED = Set.of("acr", "amr", "aud", "at_hash", "auth_time", "azp",
            "cognito:username", "exp", "iat", "identities", "iss", "jti", "nbf", "nonce", "origin_jti", "sub",
            "token_use", "client_id", "scope", "username", "version", "event_id", "cognito:groups", "cognito:roles",
            "cognito:preferred_role");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClaimSets() {
    }

    /**
     * The claims a trigger adds or overrides, given as a JSON object's text (empty: none).
     *
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    public static Map<String, Object> parse(String json) {
        if (json.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object of claims");
        }
    }

    /** A trigger's changes to a token's claims, without the protected ones. */
    static Map<String, Object> customized(Map<String, Object> claims, Map<String, Object> added,
            List<String> suppressed) {
        added.forEach((name, value) -> {
            if (!PROTECTED.contains(name)) {
                claims.put(name, value);
            }
        });
        suppressed.forEach(name -> {
            if (!PROTECTED.contains(name)) {
                claims.remove(name);
            }
        });
        return claims;
    }

    /** What both tokens of one Mint share: issuer, family, event_id, auth_time and iat. */
    public record Issue(String issuer, String originJti, String eventId, long authTime, long issuedAt,
            List<String> amr) {
    }

    /** The ID token; an OAuth one also carries at_hash (of {@code accessToken}) and the authorization's nonce. */
    public static Map<String, Object> idToken(MintCommand cmd, Issue issue, String jti, String accessToken) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (cmd.oauth() != null) {
            claims.put("at_hash", atHash(accessToken));
        }
        claims.put("sub", cmd.sub());
        if (!cmd.groups().isEmpty()) {
            claims.put("cognito:groups", cmd.groups());
        }
        for (String name : BOOLEAN_ATTRIBUTES) {
            String value = cmd.attributes().get(name);
            if (value != null) {
                claims.put(name, "true".equalsIgnoreCase(value));
            }
        }
        claims.put("iss", issue.issuer());
        claims.put("cognito:username", cmd.username());
        String identities = cmd.attributes().get("identities");
        if (identities != null) {
            // A federated user's identities attribute (a JSON array) is a JSON array in the token too.
            claims.put("identities", identities(identities));
        }
        claims.put("origin_jti", issue.originJti());
        if (!cmd.roles().isEmpty()) {
            claims.put("cognito:roles", cmd.roles());
        }
        if (cmd.preferredRole() != null && !cmd.preferredRole().isEmpty()) {
            claims.put("cognito:preferred_role", cmd.preferredRole());
        }
        claims.put("aud", cmd.clientId());
        claims.put("event_id", issue.eventId());
        claims.put("token_use", "id");
        if (cmd.oauth() != null && !cmd.oauth().nonce().isEmpty()) {
            claims.put("nonce", cmd.oauth().nonce());
        }
        claims.put("auth_time", issue.authTime());
        if (!issue.amr().isEmpty()) {
            claims.put("amr", issue.amr());
        }
        claims.put("exp", issue.issuedAt() + cmd.idTokenValidity());
        claims.put("iat", issue.issuedAt());
        claims.put("jti", jti);
        new TreeMap<>(cmd.attributes()).forEach((name, value) -> {
            if (!BOOLEAN_ATTRIBUTES.contains(name) && !RESERVED.contains(name) && !name.startsWith("cognito:")) {
                claims.put(name, value);
            }
        });
        return customized(claims, cmd.customization().idClaims(), cmd.customization().idSuppressed());
    }

    private static Object identities(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<Object>>() {
            });
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    /**
     * A client_credentials access token: the client is its subject; its custom scopes; no user, group or family
     * (Cognito's ten claims).
     */
    public static Map<String, Object> clientCredentials(String clientId, List<String> scopes, String issuer,
            long issuedAt, long validity, String jti, Map<String, Object> added, List<String> suppressed) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", clientId);
        claims.put("token_use", "access");
        claims.put("scope", String.join(" ", scopes));
        claims.put("auth_time", issuedAt);
        claims.put("iss", issuer);
        claims.put("exp", issuedAt + validity);
        claims.put("iat", issuedAt);
        claims.put("version", 2);
        claims.put("jti", jti);
        claims.put("client_id", clientId);
        return customized(claims, added, suppressed);
    }

    /** OIDC Core 3.1.3.6: base64url of the left half of the SHA-256 of the access token's ASCII. */
    static String atHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    public static Map<String, Object> accessToken(MintCommand cmd, Issue issue, String jti) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", cmd.sub());
        if (!cmd.groups().isEmpty()) {
            claims.put("cognito:groups", cmd.groups());
        }
        claims.put("iss", issue.issuer());
        if (cmd.oauth() != null) {
            claims.put("version", 2);
        }
        claims.put("client_id", cmd.clientId());
        claims.put("origin_jti", issue.originJti());
        claims.put("event_id", issue.eventId());
        claims.put("token_use", "access");
        if (!cmd.scopes().isEmpty()) {
            claims.put("scope", String.join(" ", cmd.scopes()));
        }
        claims.put("auth_time", issue.authTime());
        claims.put("exp", issue.issuedAt() + cmd.accessTokenValidity());
        claims.put("iat", issue.issuedAt());
        claims.put("jti", jti);
        claims.put("username", cmd.username());
        return customized(claims, cmd.customization().accessClaims(), cmd.customization().accessSuppressed());
    }
}
