package io.cognate.userpool.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class FixedBaseExpTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void gPowWhenExponentIsAnEdgeCaseThenEqualsModPow() {
        BigInteger[] edges = { BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(255),
                BigInteger.valueOf(256), BigInteger.ONE.shiftLeft(255),
                BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(256),
                Srp.N.subtract(BigInteger.ONE), Srp.N, Srp.N.add(BigInteger.ONE) };
        for (BigInteger e : edges) {
            assertEquals(Srp.G.modPow(e, Srp.N), Srp.gPow(e), () -> "exponent " + e.toString(16));
        }
    }

    @Test
    void gPowWhenExponentIsRandomOfAnyLengthThenEqualsModPow() {
        for (int i = 0; i < 500; i++) {
            int bits = i % 5 == 0 ? 1 + RANDOM.nextInt(300) : 256;
            BigInteger e = new BigInteger(bits, RANDOM);
            assertEquals(Srp.G.modPow(e, Srp.N), Srp.gPow(e), () -> "exponent " + e.toString(16));
        }
    }

    @Test
    void powWhenBaseAndModulusAreSmallThenEqualsModPow() {
        BigInteger modulus = BigInteger.valueOf(1_000_003);
        FixedBaseExp table = new FixedBaseExp(BigInteger.valueOf(7), modulus, 64, 4);
        for (int i = 0; i < 200; i++) {
            BigInteger e = new BigInteger(1 + RANDOM.nextInt(80), RANDOM);
            assertEquals(BigInteger.valueOf(7).modPow(e, modulus), table.pow(e));
        }
    }
}
