package io.cognate.userpool.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.config.CognateConfig;

/**
 * The key-encryption key and the keys derived from it. Secrets at rest (password verifiers, client secrets) and
 * the challenge sessions are sealed with AES-256-GCM; the associated data binds a ciphertext to where it belongs
 * (pool and user), so a row copied to another user does not open.
 */
@ApplicationScoped
public class Kek {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec atRest;
    private final SecretKeySpec sessions;
    private final byte[] codeKey;

    public Kek(CognateConfig config) {
        byte[] kek = decode(config.kek());
        this.atRest = new SecretKeySpec(derive(kek, "cognate/user-pool/at-rest"), "AES");
        this.sessions = new SecretKeySpec(derive(kek, "cognate/user-pool/sessions"), "AES");
        this.codeKey = derive(kek, "cognate/user-pool/codes");
    }

    public byte[] seal(byte[] plaintext, String associatedData) {
        return encrypt(atRest, plaintext, associatedData);
    }

    /** Opens what {@link #seal} sealed; throws {@link IllegalStateException} if it was altered or moved. */
    public byte[] open(byte[] sealed, String associatedData) {
        return decrypt(atRest, sealed, associatedData);
    }

    public byte[] sealSession(byte[] plaintext) {
        return encrypt(sessions, plaintext, "session");
    }

    /** Opens a session blob, or returns null when it is not one of ours (tampered, foreign, truncated). */
    public byte[] openSession(byte[] sealed) {
        try {
            return decrypt(sessions, sealed, "session");
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** A keyed hash for one-time codes, so the database never holds a usable code. */
    public byte[] codeHash(String scope, String code) {
        return hmac(codeKey, scope + "\n" + code);
    }

    public static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] encrypt(SecretKeySpec key, byte[] plaintext, String associatedData) {
        try {
            byte[] nonce = randomBytes(NONCE_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static byte[] decrypt(SecretKeySpec key, byte[] sealed, String associatedData) {
        if (sealed == null || sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("sealed value is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("sealed value failed authentication");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** HKDF-SHA256 (RFC 5869) with an empty salt, one 32-byte block. */
    static byte[] derive(byte[] ikm, String info) {
        byte[] prk = hmac(new byte[32], ikm);
        byte[] infoBytes = info.getBytes(StandardCharsets.UTF_8);
        byte[] block = ByteBuffer.allocate(infoBytes.length + 1).put(infoBytes).put((byte) 1).array();
        return hmac(prk, block);
    }

    private static byte[] hmac(byte[] key, String data) {
        return hmac(key, data.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cognate.kek must be base64 of 32 random bytes");
        }
        if (key.length != 32) {
            throw new IllegalStateException("cognate.kek must be base64 of 32 random bytes, got " + key.length);
        }
        return key;
    }
}
