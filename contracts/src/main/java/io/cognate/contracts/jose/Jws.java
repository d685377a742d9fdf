package io.cognate.contracts.jose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** RS256 JSON Web Signatures in compact serialization (RFC 7515 §3.1, RFC 7518 §3.3). */
public final class Jws {

    public static final String ALG = "RS256";
    private static final String JCA_ALG = "SHA256withRSA";
    /** Larger tokens are refused before any parsing; Cognito's own tokens stay far below this. */
    private static final int MAX_TOKEN_CHARS = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Jws() {
    }

    /** Signs {@code payloadJson} under the header {"kid":..,"alg":"RS256"}, Cognito's header layout. */
    public static String sign(String kid, byte[] payloadJson, PrivateKey key) {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("kid", kid);
        header.put("alg", ALG);
        try {
            String signingInput = Base64Url.encode(JSON.writeValueAsBytes(header)) + "." + Base64Url.encode(payloadJson);
            Signature signer = Signature.getInstance(JCA_ALG);
            signer.initSign(key);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64Url.encode(signer.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("JWS signing failed", e);
        }
    }

    /** Splits and decodes a compact JWS without trusting it; empty when it is not a well-formed RS256 JWS. */
    public static Optional<Parsed> parse(String compact) {
        if (compact == null || compact.isEmpty() || compact.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        int first = compact.indexOf('.');
        int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || second == compact.length() - 1
                || compact.indexOf('.', second + 1) >= 0) {
            return Optional.empty();
        }
        try {
            JsonNode header = JSON.readTree(Base64Url.decode(compact.substring(0, first)));
            byte[] payload = Base64Url.decode(compact.substring(first + 1, second));
            byte[] signature = Base64Url.decode(compact.substring(second + 1));
            if (header == null || !header.isObject() || !ALG.equals(header.path("alg").asText(null))
                    || !header.path("kid").isTextual()) {
                return Optional.empty();
            }
            byte[] signingInput = compact.substring(0, second).getBytes(StandardCharsets.US_ASCII);
            return Optional.of(new Parsed(header.get("kid").asText(), payload, signingInput, signature));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    /** A structurally valid JWS whose signature has not been checked yet. */
    public record Parsed(String kid, byte[] payload, byte[] signingInput, byte[] signature) {

        /** The payload as a JSON object; empty when it is not one. */
        public Optional<JsonNode> claims() {
            try {
                JsonNode node = JSON.readTree(payload);
                return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        /** The payload as a map of claims (strings, numbers, booleans, lists, maps); empty when it is no JSON object. */
        @SuppressWarnings("unchecked")
        public Optional<Map<String, Object>> claimsMap() {
            return claims().map(node -> JSON.convertValue(node, Map.class));
        }

        public boolean verifiedBy(PublicKey key) {
            try {
                Signature verifier = Signature.getInstance(JCA_ALG);
                verifier.initVerify(key);
                verifier.update(signingInput);
                return verifier.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
    }
}
