package io.cognate.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.crypto.SecretKey;

/**
 * Seals secrets at rest and in transit with AES-256-GCM (random 96-bit nonce, NIST SP 800-38D §8.2.2; 128-bit tag),
 * in one envelope for every service and purpose:
 *
 * <pre>
 * version (1 byte, 0x01) | KEK id (4) | nonce (12) | ciphertext and tag
 * associated data: version | KEK id | purpose code | context (UTF-8)
 * </pre>
 *
 * The KEK id names the key it was sealed under, so a value opens after the current key changes for as long as its
 * key stays in the ring; the purpose and context bind it to what it is and where it belongs (a verifier copied to
 * another user does not open). Hydra's {@code aead} package is the model.
 */
public final class Aead {
    static final byte VERSION = 1;
    static final int HEADER_BYTES = 1 + 4;
    private static final String KEY_INFO = "cognate/aead/v1";

    private final KeyRing ring;

    public Aead(KeyRing ring) {
        this.ring = ring;
    }

    public KeyRing ring() {
        return ring;
    }

    public byte[] seal(Purpose purpose, String context, byte[] plaintext) {
        Kek kek = ring.current();
        byte[] nonce = AesGcm.nonce();
        byte[] ciphertext = AesGcm.seal(kek.derive(KEY_INFO), nonce, aad(kek.id(), purpose, context), plaintext);
        return ByteBuffer.allocate(HEADER_BYTES + AesGcm.NONCE_BYTES + ciphertext.length).put(VERSION).putInt(kek.id())
                .put(nonce).put(ciphertext).array();
    }

    /**
     * Opens what {@link #seal} sealed for the same purpose and context, under any key of the ring; also the formats of
     * earlier releases ({@link Purpose.Legacy}).
     *
     * @throws CiphertextRejectedException when it does not open
     */
    public byte[] open(Purpose purpose, String context, byte[] sealed) {
        if (sealed == null) {
            throw new CiphertextRejectedException();
        }
        Kek kek = envelopeKey(sealed);
        if (kek != null) {
            try {
                int offset = HEADER_BYTES + AesGcm.NONCE_BYTES;
                return AesGcm.open(kek.derive(KEY_INFO), Arrays.copyOfRange(sealed, HEADER_BYTES, offset),
                        aad(kek.id(), purpose, context), sealed, offset, sealed.length - offset);
            } catch (CiphertextRejectedException e) {
                // A value of an earlier release may begin with these bytes by chance: try that format too.
            }
        }
        return openLegacy(purpose, context, sealed);
    }

    /** Whether the value is an envelope sealed under the current key: a re-wrap leaves it as it is. */
    public boolean sealedWithCurrent(byte[] sealed) {
        Kek kek = envelopeKey(sealed);
        return kek != null && kek.id() == ring.current().id();
    }

    /** The value opened and sealed again under the current key, in the current format. */
    public byte[] rewrap(Purpose purpose, String context, byte[] sealed) {
        return seal(purpose, context, open(purpose, context, sealed));
    }

    /** The ring's key named by an envelope's header, or null when the bytes are no envelope of a known key. */
    private Kek envelopeKey(byte[] sealed) {
        if (sealed == null || sealed.length < HEADER_BYTES + AesGcm.NONCE_BYTES + AesGcm.TAG_BYTES
                || sealed[0] != VERSION) {
            return null;
        }
        return ring.find(ByteBuffer.wrap(sealed, 1, 4).getInt()).orElse(null);
    }

    private byte[] openLegacy(Purpose purpose, String context, byte[] sealed) {
        if (sealed.length < AesGcm.NONCE_BYTES + AesGcm.TAG_BYTES) {
            throw new CiphertextRejectedException();
        }
        Purpose.Legacy legacy = purpose.legacy();
        if (legacy == null) {
            throw new CiphertextRejectedException();
        }
        byte[] nonce = Arrays.copyOf(sealed, AesGcm.NONCE_BYTES);
        for (Kek kek : ring.all()) {
            SecretKey key = legacy.keyInfo() == null ? kek.raw() : kek.derive(legacy.keyInfo());
            try {
                return AesGcm.open(key, nonce, legacy.aad(context), sealed, AesGcm.NONCE_BYTES,
                        sealed.length - AesGcm.NONCE_BYTES);
            } catch (CiphertextRejectedException e) {
                // not this key
            }
        }
        throw new CiphertextRejectedException();
    }

    private static byte[] aad(int kekId, Purpose purpose, String context) {
        byte[] text = context.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(HEADER_BYTES + 1 + text.length).put(VERSION).putInt(kekId).put(purpose.code())
                .put(text).array();
    }
}
