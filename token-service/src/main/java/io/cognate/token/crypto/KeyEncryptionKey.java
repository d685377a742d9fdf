package io.cognate.token.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The deployment's key-encryption key (config {@code cognate.kek}). It seals signing keys at rest and is the root
 * from which purpose-bound keys are derived, so a database dump alone reveals no key material.
 */
public final class KeyEncryptionKey {

    public static final int KEY_BYTES = 32;
    private final SecretKey key;
    private final byte[] material;

    public KeyEncryptionKey(byte[] material) {
        if (material == null || material.length != KEY_BYTES) {
            throw new IllegalArgumentException("the key-encryption key must be exactly 32 bytes");
        }
        this.material = material.clone();
        this.key = new SecretKeySpec(this.material, "AES");
    }

    /** Parses the configured value; the messages name the setting and never echo its content. */
    public static KeyEncryptionKey fromBase64(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("cognate.kek (env COGNATE_KEK) is not set: give it the base64 encoding"
                    + " of 32 random bytes, e.g. the output of `openssl rand -base64 32`");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(configured.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cognate.kek (env COGNATE_KEK) is not valid base64");
        }
        if (decoded.length != KEY_BYTES) {
            throw new IllegalStateException("cognate.kek (env COGNATE_KEK) must decode to 32 bytes, got "
                    + decoded.length);
        }
        return new KeyEncryptionKey(decoded);
    }

    public Sealed seal(byte[] plaintext, byte[] aad) {
        return AesGcm.seal(key, plaintext, aad);
    }

    /** @throws CiphertextRejectedException when the ciphertext, nonce or AAD was altered */
    public byte[] open(Sealed sealed, byte[] aad) {
        return AesGcm.open(key, sealed, aad);
    }

    /** A 256-bit AES key for one purpose; distinct {@code info} strings give independent keys (RFC 5869 §3.2). */
    public SecretKey derive(String info) {
        byte[] derived = Hkdf.sha256(material, null, info.getBytes(StandardCharsets.UTF_8), KEY_BYTES);
        return new SecretKeySpec(derived, "AES");
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[redacted]";
    }
}
