package io.cognate.token.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.cognate.token.TestKeys;

class KeyEncryptionKeyTest {

    private static final byte[] SECRET = "pkcs8 bytes of a private key".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AAD = "us-east-1_abc\u0000kid-1".getBytes(StandardCharsets.UTF_8);

    private final KeyEncryptionKey kek = TestKeys.kek();

    @Test
    void openWhenSealedUnderSameKeyAndAadThenPlaintext() {
        Sealed sealed = kek.seal(SECRET, AAD);

        assertArrayEquals(SECRET, kek.open(sealed, AAD));
        assertFalse(Arrays.equals(SECRET, Arrays.copyOf(sealed.ciphertext(), SECRET.length)));
    }

    @Test
    void sealWhenCalledTwiceThenFreshNonceEachTime() {
        assertFalse(Arrays.equals(kek.seal(SECRET, AAD).nonce(), kek.seal(SECRET, AAD).nonce()));
    }

    @Test
    void openWhenCiphertextTamperedThenRejected() {
        Sealed sealed = kek.seal(SECRET, AAD);
        byte[] tampered = sealed.ciphertext().clone();
        tampered[3] ^= 1;

        assertThrows(CiphertextRejectedException.class, () -> kek.open(new Sealed(sealed.nonce(), tampered), AAD));
    }

    @Test
    void openWhenNonceTamperedThenRejected() {
        Sealed sealed = kek.seal(SECRET, AAD);
        byte[] nonce = sealed.nonce().clone();
        nonce[0] ^= 1;

        assertThrows(CiphertextRejectedException.class, () -> kek.open(new Sealed(nonce, sealed.ciphertext()), AAD));
    }

    @Test
    void openWhenAadNamesAnotherPoolThenRejected() {
        Sealed sealed = kek.seal(SECRET, AAD);
        byte[] otherPool = "us-east-1_xyz\u0000kid-1".getBytes(StandardCharsets.UTF_8);

        assertThrows(CiphertextRejectedException.class, () -> kek.open(sealed, otherPool));
    }

    @Test
    void openWhenSealedUnderAnotherKekThenRejected() {
        Sealed sealed = TestKeys.kek().seal(SECRET, AAD);

        assertThrows(CiphertextRejectedException.class, () -> kek.open(sealed, AAD));
    }

    @Test
    void openWhenCiphertextTruncatedThenRejected() {
        Sealed sealed = kek.seal(SECRET, AAD);
        Sealed truncated = new Sealed(sealed.nonce(), Arrays.copyOf(sealed.ciphertext(), 8));

        assertThrows(CiphertextRejectedException.class, () -> kek.open(truncated, AAD));
    }

    @Test
    void deriveWhenSameInfoThenSameKeyAndOtherInfoThenOtherKey() {
        assertArrayEquals(kek.derive("a").getEncoded(), kek.derive("a").getEncoded());
        assertFalse(Arrays.equals(kek.derive("a").getEncoded(), kek.derive("b").getEncoded()));
    }

    @Test
    void fromBase64WhenMissingThenClearMessageNamingTheSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeyEncryptionKey.fromBase64(null));

        assertTrue(e.getMessage().contains("COGNATE_KEK"));
    }

    @Test
    void fromBase64WhenWrongLengthThenRefusedWithoutEchoingTheValue() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KeyEncryptionKey.fromBase64(sixteenBytes));

        assertTrue(e.getMessage().contains("32 bytes"));
        assertFalse(e.getMessage().contains(sixteenBytes));
    }

    @Test
    void fromBase64WhenNotBase64ThenRefused() {
        assertThrows(IllegalStateException.class, () -> KeyEncryptionKey.fromBase64("not base64!"));
    }

    @Test
    void fromBase64WhenValidThenUsable() {
        KeyEncryptionKey parsed = KeyEncryptionKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));

        assertArrayEquals(SECRET, parsed.open(parsed.seal(SECRET, AAD), AAD));
    }
}
