package io.cognate.identitypool.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.crypto.Aead;
import io.cognate.crypto.CiphertextRejectedException;
import io.cognate.crypto.Purpose;

/**
 * Mints and opens temporary AWS credentials without storing them: the session token is the sealed state of the
 * credentials (their secret, expiry and {@link SessionClaims}) under the KEK, bound to the access key id, so any
 * replica verifies a request signed with them with no database write or read, and a changed token does not open.
 */
@ApplicationScoped
public class TemporaryCredentials {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Temporary credentials as STS and Cognito hand them out. */
    public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
            SessionClaims claims) {
    }

    private final Aead aead;
    private final Clock clock;

    public TemporaryCredentials(Aead aead, Clock clock) {
        this.aead = aead;
        this.clock = clock;
    }

    public Credentials mint(SessionClaims claims, Duration lifetime) {
        String accessKeyId = "ASIA" + random(BASE32, 16);
        byte[] secretBytes = new byte[30];
        RANDOM.nextBytes(secretBytes);
        String secret = Base64.getEncoder().encodeToString(secretBytes);
        Instant expiration = clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode state = JSON.createObjectNode().put("secret", secret).put("exp", expiration.getEpochSecond())
                .put("role", claims.roleArn()).put("roleId", claims.roleId()).put("session", claims.sessionName())
                .put("identity", claims.identityId()).put("pool", claims.poolId())
                .put("policy", claims.sessionPolicy());
        claims.amr().forEach(state.putArray("amr")::add);
        ObjectNode tags = state.putObject("tags");
        claims.principalTags().forEach(tags::put);
        byte[] sealed = aead.seal(Purpose.SESSION_CREDENTIALS, accessKeyId, state.toString().getBytes(StandardCharsets.UTF_8));
        return new Credentials(accessKeyId, secret, Base64.getEncoder().encodeToString(sealed), expiration, claims);
    }

    /**
     * The credentials a session token stands for, if it is one this deployment sealed for {@code accessKeyId} and it
     * has not expired; otherwise why not.
     */
    public Credentials open(String accessKeyId, String sessionToken) {
        JsonNode state;
        try {
            byte[] opened = aead.open(Purpose.SESSION_CREDENTIALS, accessKeyId, Base64.getDecoder().decode(sessionToken));
            state = JSON.readTree(opened);
        } catch (CiphertextRejectedException | IllegalArgumentException | IOException e) {
            throw new CredentialsRejectedException(CredentialsRejectedException.Reason.INVALID,
                    "The security token included in the request is invalid.");
        }
        Instant expiration = Instant.ofEpochSecond(state.get("exp").longValue());
        if (!clock.instant().isBefore(expiration)) {
            throw new CredentialsRejectedException(CredentialsRejectedException.Reason.EXPIRED,
                    "The security token included in the request is expired");
        }
        List<String> amr = new ArrayList<>();
        state.path("amr").forEach(value -> amr.add(value.textValue()));
        Map<String, String> tags = new LinkedHashMap<>();
        state.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().textValue()));
        SessionClaims claims = new SessionClaims(state.get("role").textValue(), state.get("roleId").textValue(),
                state.get("session").textValue(), text(state, "identity"), text(state, "pool"), List.copyOf(amr),
                Map.copyOf(tags), text(state, "policy"));
        return new Credentials(accessKeyId, state.get("secret").textValue(), sessionToken, expiration, claims);
    }

    private static String text(JsonNode state, String field) {
        JsonNode value = state.get(field);
        return value == null || value.isNull() ? null : value.textValue();
    }

    static String random(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
