package io.cognate.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One key-encryption key, named by an id derived from it (so sealed values can say which key sealed them without the
 * configuration numbering keys). It is never used directly: every use derives a key of its own (RFC 5869 §3.2).
 */
public final class Kek {
    public static final int KEY_BYTES = 32;
    private static final byte[] ID_INFO = "cognate/kek-id".getBytes(StandardCharsets.UTF_8);

    private final byte[] material;
    private final int id;

    private Kek(byte[] material) {
        if (material == null || material.length != KEY_BYTES) {
            throw new IllegalArgumentException("a key-encryption key is exactly 32 bytes");
        }
        this.material = material.clone();
        this.id = ByteBuffer.wrap(Hkdf.sha256(this.material, null, ID_INFO, 4)).getInt();
    }

    public static Kek of(byte[] material) {
        return new Kek(material);
    }

    /** A fingerprint of the key, safe to store and log: the first 4 bytes of HKDF(kek, "cognate/kek-id"). */
    public int id() {
        return id;
    }

    public String idHex() {
        return String.format("%08x", id);
    }

    /** A 256-bit key for one use; distinct {@code info} strings give independent keys. */
    public SecretKey derive(String info) {
        return new SecretKeySpec(Hkdf.sha256(material, null, info.getBytes(StandardCharsets.UTF_8), KEY_BYTES), "AES");
    }

    /** HMAC-SHA256 of {@code data} under the key derived for {@code info}: keyed hashes of codes, stable decoys. */
    public byte[] mac(String info, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derive(info).getEncoded(), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** The raw key, for the one format written before keys were derived (token-service's first signing keys). */
    SecretKey raw() {
        return new SecretKeySpec(material, "AES");
    }

    @Override
    public String toString() {
        return "Kek[" + idHex() + "]";
    }
}
