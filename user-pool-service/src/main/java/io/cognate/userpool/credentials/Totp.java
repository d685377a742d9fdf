package io.cognate.userpool.credentials;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as authenticator apps and Cognito compute them (RFC 6238 over RFC 4226): HMAC-SHA1,
 * 6 digits, 30-second steps. A code is accepted for the current step and one step either side (clock skew), and
 * only for a step later than the last one accepted, so each code works once.
 */
public final class Totp {
    public static final int SECRET_BYTES = 20;
    static final long STEP_SECONDS = 30;
    private static final int DIGITS = 6;
    private static final int SKEW_STEPS = 1;
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Totp() {
    }

    public static long step(long epochSeconds) {
        return Math.floorDiv(epochSeconds, STEP_SECONDS);
    }

    /** The code for one time step, zero-padded to 6 digits. */
    public static String code(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable", e);
        }
    }

    /**
     * The step {@code code} belongs to, if it is within one step of {@code nowStep} and later than
     * {@code lastUsedStep}; every candidate is compared in constant time.
     */
    public static OptionalLong match(byte[] secret, String code, long nowStep, long lastUsedStep) {
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long found = Long.MIN_VALUE;
        for (long step = nowStep - SKEW_STEPS; step <= nowStep + SKEW_STEPS; step++) {
            boolean equal = MessageDigest.isEqual(code(secret, step).getBytes(), code.getBytes());
            if (equal && step > lastUsedStep && found == Long.MIN_VALUE) {
                found = step;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /** RFC 4648 base32 without padding: the SecretCode form authenticator apps take. */
    public static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
