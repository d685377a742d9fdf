package io.cognate.it.support;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The authenticator app of the tests: RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits) computed from the SecretCode
 * Cognate hands out, written from the RFCs alone so that it checks the server rather than repeats it.
 */
public final class TestTotp {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private TestTotp() {
    }

    /** The code for now plus {@code stepsFromNow} 30-second steps. */
    public static String code(String secretCode, int stepsFromNow) {
        long counter = Instant.now().getEpochSecond() / 30 + stepsFromNow;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32Decode(secretCode), "HmacSHA1"));
            byte[] message = new byte[8];
            for (int i = 7; i >= 0; i--) {
                message[i] = (byte) (counter & 0xff);
                counter >>>= 8;
            }
            byte[] h = mac.doFinal(message);
            int offset = h[19] & 0xf;
            byte[] four = { (byte) (h[offset] & 0x7f), h[offset + 1], h[offset + 2], h[offset + 3] };
            return String.format("%06d", new BigInteger(four).mod(BigInteger.valueOf(1_000_000)).intValue());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** Waits for the next step when less than 10 s of this one remain, so codes for steps -1, 0 and +1 stay good. */
    public static void awaitFreshStep() {
        long intoStep = Instant.now().getEpochSecond() % 30;
        if (intoStep > 20) {
            try {
                Thread.sleep((31 - intoStep) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static byte[] base32Decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toUpperCase().toCharArray()) {
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                throw new AssertionError("not base32: " + text);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
