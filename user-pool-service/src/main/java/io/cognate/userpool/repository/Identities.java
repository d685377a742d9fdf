package io.cognate.userpool.repository;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.cognate.userpool.model.IdentityProvider;

/**
 * Cognito's {@code identities} attribute: a JSON array with an entry per external identity of the user (the
 * provider, the user's id there, whether it is the identity the user was made from, when it was linked).
 */
public final class Identities {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Identities() {
    }

    /** The attribute with the identity added ({@code current} null for none yet). */
    public static String with(String current, IdentityProvider provider, String subject, boolean primary,
            Instant created) {
        ArrayNode identities = parse(current);
        identities.addObject().put("userId", subject).put("providerName", provider.name())
                .put("providerType", provider.type()).putNull("issuer").put("primary", Boolean.toString(primary))
                .put("dateCreated", Long.toString(created.toEpochMilli()));
        return identities.toString();
    }

    /** The attribute without the provider's identity {@code subject}; null when none is left. */
    public static String without(String current, String providerName, String subject) {
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode identity : parse(current)) {
            if (!(providerName.equals(identity.path("providerName").asText())
                    && subject.equals(identity.path("userId").asText()))) {
                kept.add(identity);
            }
        }
        return kept.isEmpty() ? null : kept.toString();
    }

    /** How many identities the attribute holds. */
    public static int count(String current) {
        return parse(current).size();
    }

    private static ArrayNode parse(String current) {
        if (current == null || current.isEmpty()) {
            return JSON.createArrayNode();
        }
        try {
            JsonNode node = JSON.readTree(current);
            return node instanceof ArrayNode array ? array : JSON.createArrayNode();
        } catch (JsonProcessingException e) {
            return JSON.createArrayNode();
        }
    }
}
