package io.cognate.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class AeadTest {
    private static final byte[] SECRET = "a verifier".getBytes(StandardCharsets.UTF_8);
    private static final String CONTEXT = "us-east-1_Pool/4f1c";

    private final Aead aead = TestRings.only(TestRings.NEW);

    @Test
    void sealWhenOpenedForSamePurposeAndContextThenPlaintext() {
        byte[] sealed = aead.seal(Purpose.PASSWORD_VERIFIER, CONTEXT, SECRET);

        assertArrayEquals(SECRET, aead.open(Purpose.PASSWORD_VERIFIER, CONTEXT, sealed));
    }

    @Test
    void sealWhenInspectedThenVersionAndKeyIdLead() {
        byte[] sealed = aead.seal(Purpose.CLIENT_SECRET, "client", SECRET);

        assertEquals(Aead.VERSION, sealed[0]);
        assertEquals(TestRings.NEW.id(), ByteBuffer.wrap(sealed, 1, 4).getInt());
        assertEquals(1 + 4 + 12 + SECRET.length + 16, sealed.length);
    }

    @Test
    void sealWhenTwiceThenDifferentNonces() {
        assertFalse(java.util.Arrays.equals(aead.seal(Purpose.TOTP_SECRET, CONTEXT, SECRET),
                aead.seal(Purpose.TOTP_SECRET, CONTEXT, SECRET)));
    }

    @Test
    void openWhenOtherPurposeThenRejected() {
        byte[] sealed = aead.seal(Purpose.PASSWORD_VERIFIER, CONTEXT, SECRET);

        assertThrows(CiphertextRejectedException.class, () -> aead.open(Purpose.DEVICE_VERIFIER, CONTEXT, sealed));
    }

    @Test
    void openWhenOtherContextThenRejected() {
        byte[] sealed = aead.seal(Purpose.PASSWORD_VERIFIER, CONTEXT, SECRET);

        assertThrows(CiphertextRejectedException.class,
                () -> aead.open(Purpose.PASSWORD_VERIFIER, "us-east-1_Pool/other", sealed));
    }

    @Test
    void openWhenAnyByteChangedThenRejected() {
        byte[] sealed = aead.seal(Purpose.PASSWORD_VERIFIER, CONTEXT, SECRET);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThrows(CiphertextRejectedException.class, () -> aead.open(Purpose.PASSWORD_VERIFIER, CONTEXT, tampered),
                    "byte " + i);
        }
    }

    @Test
    void openWhenTruncatedOrNullThenRejected() {
        byte[] sealed = aead.seal(Purpose.PASSWORD_VERIFIER, CONTEXT, SECRET);

        assertThrows(CiphertextRejectedException.class,
                () -> aead.open(Purpose.PASSWORD_VERIFIER, CONTEXT, java.util.Arrays.copyOf(sealed, 20)));
        assertThrows(CiphertextRejectedException.class, () -> aead.open(Purpose.PASSWORD_VERIFIER, CONTEXT, null));
    }

    @Test
    void openWhenSealedUnderPreviousKeyThenOpensWhileThatKeyIsInTheRing() {
        byte[] sealed = TestRings.only(TestRings.OLD).seal(Purpose.PASSWORD_VERIFIER, CONTEXT, SECRET);

        assertArrayEquals(SECRET, TestRings.rotated().open(Purpose.PASSWORD_VERIFIER, CONTEXT, sealed));
        assertThrows(CiphertextRejectedException.class, () -> aead.open(Purpose.PASSWORD_VERIFIER, CONTEXT, sealed));
    }

    @Test
    void rewrapWhenSealedUnderPreviousKeyThenSealedUnderCurrentAndOpensWithoutThePrevious() {
        Aead rotated = TestRings.rotated();
        byte[] old = TestRings.only(TestRings.OLD).seal(Purpose.CLIENT_SECRET, "client", SECRET);
        assertFalse(rotated.sealedWithCurrent(old));

        byte[] rewrapped = rotated.rewrap(Purpose.CLIENT_SECRET, "client", old);

        assertTrue(rotated.sealedWithCurrent(rewrapped));
        assertArrayEquals(SECRET, aead.open(Purpose.CLIENT_SECRET, "client", rewrapped));
    }

    @Test
    void keyIdWhenDifferentKeysThenDifferentIds() {
        assertNotEquals(TestRings.OLD.id(), TestRings.NEW.id());
        assertEquals(TestRings.kek(2).id(), TestRings.NEW.id());
    }
}
