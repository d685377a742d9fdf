package io.cognate.userpool.credentials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.junit.jupiter.api.Test;

class SrpTest {

    @Test
    void groupIsTheRfc5054ThreeThousandSeventyTwoBitSafePrime() {
        assertEquals(3072, Srp.N.bitLength());
        assertTrue(Srp.N.isProbablePrime(40));
        assertTrue(Srp.N.shiftRight(1).isProbablePrime(40));
    }

    @Test
    void multiplierIsTheHashOfPaddedGroupAndGenerator() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(Srp.N.toByteArray()); // N's top bit is set: one leading zero byte, like the JS client's padHex
        sha.update(new byte[] { 2 });
        assertEquals(new BigInteger(1, sha.digest()), Srp.K);
        assertEquals(0, Srp.N.toByteArray()[0]);
    }

    @Test
    void clientAndServerDeriveTheSameKeyWhenThePasswordIsRight() {
        String pool = "AbC123xyz";
        String user = "alice";
        BigInteger salt = Srp.newSalt();
        BigInteger v = Srp.verifier(Srp.x(pool, user, "Correct-Horse-1", salt));

        BigInteger a = Srp.newPrivateEphemeral();
        BigInteger bigA = Srp.G.modPow(a, Srp.N);
        BigInteger b = Srp.newPrivateEphemeral();
        BigInteger bigB = Srp.publicEphemeral(b, v);
        BigInteger u = Srp.u(bigA, bigB);

        byte[] serverKey = Srp.authenticationKey(Srp.serverSecret(bigA, v, u, b), u);
        byte[] clientKey = clientKey("Correct-Horse-1", pool, user, salt, a, bigB, u);
        byte[] wrongKey = clientKey("Wrong-Horse-1", pool, user, salt, a, bigB, u);

        assertArrayEquals(serverKey, clientKey);
        assertFalse(java.util.Arrays.equals(serverKey, wrongKey));
        assertEquals(16, serverKey.length);
    }

    @Test
    void claimSignatureCoversPoolUserSecretBlockAndTimestamp() {
        byte[] key = new byte[16];
        byte[] block = "block".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Srp.claimSignature(key, "pool", "user", block, "Mon Jan 6 10:00:00 UTC 2025");
        byte[] expected = Srp.hmac(key, "pooluserblockMon Jan 6 10:00:00 UTC 2025".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(expected, signature);
    }

    /** The client's side, as amazon-cognito-identity-js computes it: S = (B - k g^x)^(a + u x). */
    private static byte[] clientKey(String password, String pool, String user, BigInteger salt, BigInteger a,
            BigInteger bigB, BigInteger u) {
        BigInteger x = Srp.x(pool, user, password, salt);
        BigInteger base = bigB.subtract(Srp.K.multiply(Srp.G.modPow(x, Srp.N))).mod(Srp.N);
        BigInteger s = base.modPow(a.add(u.multiply(x)), Srp.N);
        return Srp.authenticationKey(s, u);
    }
}
