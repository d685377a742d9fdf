package io.cognate.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class KeyRingTest {
    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
            11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 });

    @Test
    void fromBase64WhenCurrentAndPreviousThenBothFoundCurrentFirst() {
        KeyRing ring = KeyRing.fromBase64(KEY_B, " " + KEY_A + " ,");

        assertEquals(2, ring.all().size());
        assertEquals(ring.current(), ring.all().get(0));
        assertTrue(ring.find(ring.all().get(1).id()).isPresent());
    }

    @Test
    void fromBase64WhenUnsetThenMessageNamesTheSettingAndHowToMakeOne() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeyRing.fromBase64(null, null));

        assertTrue(e.getMessage().contains("COGNATE_KEK"), e.getMessage());
        assertTrue(e.getMessage().contains("openssl rand -base64 32"), e.getMessage());
    }

    @Test
    void fromBase64WhenWrongLengthOrNotBase64ThenRefusedWithoutEchoingTheValue() {
        String sixteen = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalStateException length = assertThrows(IllegalStateException.class, () -> KeyRing.fromBase64(sixteen, ""));
        IllegalStateException base64 = assertThrows(IllegalStateException.class,
                () -> KeyRing.fromBase64(KEY_A, "not base64!"));

        assertTrue(length.getMessage().contains("32 bytes"));
        assertFalse(length.getMessage().contains(sixteen));
        assertTrue(base64.getMessage().contains("COGNATE_PREVIOUS_KEKS"));
    }

    @Test
    void fromBase64WhenPreviousRepeatsCurrentThenRefused() {
        assertThrows(IllegalStateException.class, () -> KeyRing.fromBase64(KEY_A, KEY_A));
    }

    @Test
    void macWhenSameInfoAndDataThenSameAndOtherwiseDifferent() {
        Kek kek = KeyRing.fromBase64(KEY_A, null).current();

        assertEquals(java.util.HexFormat.of().formatHex(kek.mac("a", new byte[] { 1 })),
                java.util.HexFormat.of().formatHex(kek.mac("a", new byte[] { 1 })));
        assertFalse(java.util.Arrays.equals(kek.mac("a", new byte[] { 1 }), kek.mac("b", new byte[] { 1 })));
    }
}
