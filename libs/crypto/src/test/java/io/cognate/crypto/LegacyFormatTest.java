package io.cognate.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.junit.jupiter.api.Test;

/**
 * Values sealed by earlier releases, built here the way those releases built them, open until they are re-wrapped:
 * user-pool-service's at-rest values and sessions (nonce || ciphertext under an HKDF-derived key, a text AAD) and
 * token-service's signing keys (under the raw KEK).
 */
class LegacyFormatTest {
    private static final byte[] SECRET = "legacy secret".getBytes(StandardCharsets.UTF_8);

    private final Aead aead = TestRings.only(TestRings.NEW);

    @Test
    void openWhenUserPoolAtRestValueOfEarlierReleaseThenPlaintext() throws Exception {
        byte[] legacy = legacySeal(TestRings.NEW.derive("cognate/user-pool/at-rest"), "verifier/us-east-1_P/sub-1");

        assertArrayEquals(SECRET, aead.open(Purpose.PASSWORD_VERIFIER, "us-east-1_P/sub-1", legacy));
        assertFalse(aead.sealedWithCurrent(legacy));
        assertTrue(aead.sealedWithCurrent(aead.rewrap(Purpose.PASSWORD_VERIFIER, "us-east-1_P/sub-1", legacy)));
    }

    @Test
    void openWhenLegacyValueUnderPreviousKeyThenPlaintext() throws Exception {
        byte[] legacy = legacySeal(TestRings.OLD.derive("cognate/user-pool/at-rest"), "client-secret/abc");

        assertArrayEquals(SECRET, TestRings.rotated().open(Purpose.CLIENT_SECRET, "abc", legacy));
    }

    @Test
    void openWhenLegacySessionThenPlaintextWhateverTheContext() throws Exception {
        byte[] legacy = legacySeal(TestRings.NEW.derive("cognate/user-pool/sessions"), "session");

        assertArrayEquals(SECRET, aead.open(Purpose.CHALLENGE_SESSION, "", legacy));
    }

    @Test
    void openWhenLegacySigningKeyUnderRawKekThenPlaintext() throws Exception {
        SecretKey raw = TestRings.NEW.raw();
        byte[] legacy = legacySeal(raw, "us-east-1_P\u0000kid-1");

        assertArrayEquals(SECRET, aead.open(Purpose.SIGNING_KEY, "us-east-1_P\u0000kid-1", legacy));
    }

    @Test
    void openWhenLegacyValueForOtherPurposeThenRejected() throws Exception {
        byte[] legacy = legacySeal(TestRings.NEW.derive("cognate/user-pool/at-rest"), "verifier/us-east-1_P/sub-1");

        assertThrows(CiphertextRejectedException.class, () -> aead.open(Purpose.TOTP_SECRET, "us-east-1_P/sub-1", legacy));
    }

    private static byte[] legacySeal(SecretKey key, String aad) throws Exception {
        byte[] nonce = KeyRing.randomBytes(12);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        byte[] ciphertext = cipher.doFinal(SECRET);
        return ByteBuffer.allocate(12 + ciphertext.length).put(nonce).put(ciphertext).array();
    }
}
