package io.cognate.crypto;

import java.security.GeneralSecurityException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM, the one cipher of every format here: a random 96-bit nonce per message (NIST SP 800-38D §8.2.2) and a
 * 128-bit tag appended to the ciphertext.
 */
public final class AesGcm {
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;

    private AesGcm() {
    }

    /** A fresh random nonce. */
    public static byte[] nonce() {
        return KeyRing.randomBytes(NONCE_BYTES);
    }

    public static byte[] seal(SecretKey key, byte[] nonce, byte[] aad, byte[] plaintext) {
        try {
            return cipher(Cipher.ENCRYPT_MODE, key, nonce, aad).doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** @throws CiphertextRejectedException when the tag does not verify */
    public static byte[] open(SecretKey key, byte[] nonce, byte[] aad, byte[] input, int offset, int length) {
        if (nonce == null || nonce.length != NONCE_BYTES || length < TAG_BYTES) {
            throw new CiphertextRejectedException();
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, key, nonce, aad).doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new CiphertextRejectedException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(aad);
        return cipher;
    }
}
