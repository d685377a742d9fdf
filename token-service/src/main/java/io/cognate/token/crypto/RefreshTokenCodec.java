package io.cognate.token.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cognate.contracts.jose.Base64Url;
import io.cognate.crypto.AesGcm;
import io.cognate.crypto.CiphertextRejectedException;
import io.cognate.crypto.KeyRing;

/**
 * Refresh tokens as JWE compact serialization with direct AES-256-GCM encryption (RFC 7516 §7.1, RFC 7518 §4.5,
 * §5.3) under a key derived from the current KEK. Cognito's refresh tokens are JWEs too, so clients see the familiar
 * shape; to them the token stays opaque. A token sealed under a previous KEK still decodes while that key is in the
 * ring: tokens live with the clients and cannot be re-wrapped, so retiring a KEK ends the refresh tokens it sealed.
 */
public final class RefreshTokenCodec {

    /** Changing the derivation means a new info string and a new kid, so old tokens can still be told apart. */
    static final String KEY_INFO = "cognate/token-service/refresh-token/v1";
    private static final String HEADER = Base64Url
            .encode("{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"rt1\"}".getBytes(StandardCharsets.US_ASCII));
    private static final byte[] AAD = HEADER.getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_TOKEN_CHARS = 4096;
    private static final int TAG_BYTES = AesGcm.TAG_BYTES;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The current KEK's key first, then the previous ones'. */
    private final List<SecretKey> keys;

    public RefreshTokenCodec(KeyRing ring) {
        this.keys = ring.all().stream().map(kek -> kek.derive(KEY_INFO)).toList();
    }

    public String encode(RefreshTokenContent content) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("pool", content.userPoolId());
        claims.put("client", content.clientId());
        claims.put("fam", content.familyId().toString());
        claims.put("sec", Base64Url.encode(content.secret()));
        byte[] plaintext;
        try {
            plaintext = JSON.writeValueAsBytes(claims);
        } catch (IOException e) {
            throw new IllegalStateException("refresh token serialization failed", e);
        }
        byte[] nonce = AesGcm.nonce();
        byte[] ct = AesGcm.seal(keys.get(0), nonce, AAD, plaintext);
        int split = ct.length - TAG_BYTES;
        // RFC 7516 §7.1: header . encrypted key (empty for "dir") . IV . ciphertext . tag
        return HEADER + ".." + Base64Url.encode(nonce) + "."
                + Base64Url.encode(Arrays.copyOfRange(ct, 0, split)) + "."
                + Base64Url.encode(Arrays.copyOfRange(ct, split, ct.length));
    }

    /** Empty when the token was not issued by this deployment or was altered in any way. */
    public Optional<RefreshTokenContent> decode(String token) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 5 || !HEADER.equals(parts[0]) || !parts[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] nonce = Base64Url.decode(parts[2]);
            byte[] body = Base64Url.decode(parts[3]);
            byte[] tag = Base64Url.decode(parts[4]);
            if (tag.length != TAG_BYTES) {
                return Optional.empty();
            }
            byte[] ct = Arrays.copyOf(body, body.length + tag.length);
            System.arraycopy(tag, 0, ct, body.length, tag.length);
            return parse(open(nonce, ct));
        } catch (IllegalArgumentException | CiphertextRejectedException e) {
            return Optional.empty();
        }
    }

    private byte[] open(byte[] nonce, byte[] ct) {
        for (SecretKey key : keys) {
            try {
                return AesGcm.open(key, nonce, AAD, ct, 0, ct.length);
            } catch (CiphertextRejectedException e) {
                // sealed under another key of the ring, or not ours
            }
        }
        throw new CiphertextRejectedException();
    }

    private static Optional<RefreshTokenContent> parse(byte[] plaintext) {
        try {
            JsonNode node = JSON.readTree(plaintext);
            String pool = node.path("pool").asText("");
            String client = node.path("client").asText("");
            String family = node.path("fam").asText("");
            String secret = node.path("sec").asText("");
            if (pool.isEmpty() || client.isEmpty() || family.isEmpty() || secret.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new RefreshTokenContent(pool, client, UUID.fromString(family), Base64Url.decode(secret)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
