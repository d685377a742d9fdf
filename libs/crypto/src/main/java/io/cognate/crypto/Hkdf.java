package io.cognate.crypto;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF (RFC 5869): with HMAC-SHA256, independent keys for each purpose from one key-encryption key; with HMAC-SHA512,
 * the AWS Encryption SDK's message keys ({@link EncryptionSdkMessage}).
 */
public final class Hkdf {

    private Hkdf() {
    }

    public static byte[] sha256(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
        return derive("HmacSHA256", 32, inputKeyMaterial, salt, info, length);
    }

    public static byte[] sha512(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
        return derive("HmacSHA512", 64, inputKeyMaterial, salt, info, length);
    }

    private static byte[] derive(String hmac, int hashBytes, byte[] inputKeyMaterial, byte[] salt, byte[] info,
            int length) {
        if (length <= 0 || length > 255 * hashBytes) {
            throw new IllegalArgumentException("HKDF output length out of range");
        }
        try {
            // RFC 5869 §2.2: an absent salt is a string of HashLen zeros.
            byte[] effectiveSalt = salt == null || salt.length == 0 ? new byte[hashBytes] : salt;
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(effectiveSalt, hmac));
            byte[] prk = mac.doFinal(inputKeyMaterial);

            mac.init(new SecretKeySpec(prk, hmac));
            byte[] okm = new byte[length];
            byte[] block = new byte[0];
            int filled = 0;
            for (int counter = 1; filled < length; counter++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) counter);
                block = mac.doFinal();
                int n = Math.min(block.length, length - filled);
                System.arraycopy(block, 0, okm, filled, n);
                filled += n;
            }
            return okm;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmac + " is unavailable", e);
        }
    }
}
