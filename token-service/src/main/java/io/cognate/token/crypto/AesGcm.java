package io.cognate.token.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** AES-GCM with a random 96-bit nonce per message (NIST SP 800-38D §8.2.2) and a 128-bit tag. */
public final class AesGcm {

    public static final int NONCE_BYTES = 12;
    public static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {
    }

    public static Sealed seal(SecretKey key, byte[] plaintext, byte[] aad) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return new Sealed(nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** @throws CiphertextRejectedException when the tag does not verify */
    public static byte[] open(SecretKey key, Sealed sealed, byte[] aad) {
        if (sealed.nonce() == null || sealed.nonce().length != NONCE_BYTES || sealed.ciphertext() == null
                || sealed.ciphertext().length < TAG_BITS / 8) {
            throw new CiphertextRejectedException(null);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new CiphertextRejectedException(e);
        }
    }
}
