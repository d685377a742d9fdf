package io.cognate.userpool.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class TotpTest {
    /** RFC 6238 Appendix B's SHA-1 seed. */
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void codeWhenRfc6238VectorsThenTheirLastSixDigits() {
        // Appendix B lists 8-digit codes; a 6-digit code is the same value modulo 10^6.
        assertEquals("287082", Totp.code(SEED, Totp.step(59)));
        assertEquals("081804", Totp.code(SEED, Totp.step(1111111109)));
        assertEquals("050471", Totp.code(SEED, Totp.step(1111111111)));
        assertEquals("005924", Totp.code(SEED, Totp.step(1234567890)));
        assertEquals("279037", Totp.code(SEED, Totp.step(2000000000)));
        assertEquals("353130", Totp.code(SEED, Totp.step(20000000000L)));
    }

    @Test
    void matchWhenOneStepEitherSideThenAcceptedButTwoStepsAwayNot() {
        long now = Totp.step(1_700_000_000L);

        assertEquals(OptionalLong.of(now - 1), Totp.match(SEED, Totp.code(SEED, now - 1), now, 0));
        assertEquals(OptionalLong.of(now + 1), Totp.match(SEED, Totp.code(SEED, now + 1), now, 0));
        assertTrue(Totp.match(SEED, Totp.code(SEED, now - 2), now, 0).isEmpty());
        assertTrue(Totp.match(SEED, Totp.code(SEED, now + 2), now, 0).isEmpty());
    }

    @Test
    void matchWhenStepAlreadyUsedThenRefused() {
        long now = Totp.step(1_700_000_000L);
        String code = Totp.code(SEED, now);

        assertTrue(Totp.match(SEED, code, now, now).isEmpty());
        assertTrue(Totp.match(SEED, "12345", now, 0).isEmpty());
        assertTrue(Totp.match(SEED, "abcdef", now, 0).isEmpty());
    }

    @Test
    void base32WhenRfc4648VectorsThenUnpadded() {
        assertEquals("MZXW6YTBOI", Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("MY", Totp.base32("f".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(SEED));
    }
}
