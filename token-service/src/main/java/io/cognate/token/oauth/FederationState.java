package io.cognate.token.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cognate.crypto.Aead;
import io.cognate.crypto.CiphertextRejectedException;
import io.cognate.crypto.Purpose;

/**
 * The {@code state} of a redirect to an external identity provider: the authorization request it came from, the
 * provider, and the nonce and PKCE verifier sent with it, sealed for the pool (so it is neither readable nor forgeable
 * by the browser or the provider) and good for ten minutes. Nothing is stored: the state comes back with the answer.
 */
@ApplicationScoped
public class FederationState {
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A sign-in at a provider in progress. */
    public record Pending(String provider, Map<String, String> query, String nonce, String verifier) {
        /** The PKCE S256 challenge of the verifier. */
        public String challenge() {
            return AuthorizationCodes.s256(verifier);
        }

        /** The authorization request's parameters, as {@link AuthorizationRequests#validate} takes them. */
        public Map<String, List<String>> parameters() {
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            query.forEach((name, value) -> parameters.put(name, List.of(value)));
            return parameters;
        }
    }

    private final Aead aead;
    private final Clock clock;

    public FederationState(Aead aead, Clock clock) {
        this.aead = aead;
        this.clock = clock;
    }

    /** A new sign-in at {@code provider} for the authorization request {@code query}, with a fresh nonce and verifier. */
    public Pending start(String provider, Map<String, String> query) {
        return new Pending(provider, Map.copyOf(query), random(), random());
    }

    public String seal(String poolId, Pending pending) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("provider", pending.provider());
        content.put("query", pending.query());
        content.put("nonce", pending.nonce());
        content.put("verifier", pending.verifier());
        content.put("expires", clock.instant().plus(TTL).getEpochSecond());
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(aead.seal(Purpose.FEDERATION_STATE, poolId,
                    JSON.writeValueAsBytes(content)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sign-in a state stands for, if it was sealed for this pool and has not expired. */
    public Optional<Pending> open(String poolId, String state) {
        if (state == null || state.isEmpty() || state.length() > 8192) {
            return Optional.empty();
        }
        try {
            Map<String, Object> content = JSON.readValue(aead.open(Purpose.FEDERATION_STATE, poolId,
                    Base64.getUrlDecoder().decode(state)), new TypeReference<>() {
                    });
            if (((Number) content.get("expires")).longValue() <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Map<String, String> query = (Map<String, String>) content.get("query");
            return Optional.of(new Pending((String) content.get("provider"), query, (String) content.get("nonce"),
                    (String) content.get("verifier")));
        } catch (CiphertextRejectedException | IllegalArgumentException | java.io.IOException | ClassCastException
                | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
