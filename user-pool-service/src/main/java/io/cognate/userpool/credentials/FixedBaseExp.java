package io.cognate.userpool.credentials;

import java.math.BigInteger;

/**
 * g^e mod N for one fixed base g and odd modulus N, with a precomputed table and no squarings (Brickell, Gordon,
 * McCurley, Wilson, "Fast exponentiation with precomputation", EUROCRYPT '92, the fixed-window variant): with the
 * exponent written in base 2^w as e = Σ e_i·2^(w·i), g^e = Π T[i][e_i] where T[i][d] = g^(d·2^(w·i)), so an
 * exponent of {@code maxBits} bits costs ⌈maxBits / w⌉ modular multiplications instead of BigInteger.modPow's
 * ~maxBits squarings plus ~maxBits/(w+1) multiplications. Products are Montgomery products (CIOS, 64-bit limbs),
 * and the table is kept in Montgomery form.
 *
 * <p>
 * Sizes for the 3072-bit SRP group, 256-bit exponents and w = 8: 32 multiplications per exponentiation, a table of
 * 32 × 255 entries of 384 bytes (3.1 MB), built once in about a second. Exponents longer than {@code maxBits}
 * fall back to {@link BigInteger#modPow}.
 *
 * <p>
 * Timing: like {@link BigInteger#modPow} (which branches on exponent bits and indexes its window table with
 * them), this is not constant-time: the table row read depends on the exponent's digits. A digit of zero also
 * skips its multiplication. It leaks no more than the code it replaces, by the same kind of channel (cache and
 * timing on the same machine).
 */
public final class FixedBaseExp {
    private final BigInteger base;
    private final BigInteger modulus;
    private final int limbs;
    private final int window;
    private final int maxBits;
    /** -N^-1 mod 2^64. */
    private final long n0inv;
    private final long[] n;
    /** R mod N in Montgomery form, i.e. the Montgomery representation of 1. */
    private final long[] oneMont;
    /** table[i][d - 1] = g^(d·2^(w·i)) · R mod N, for d in 1..2^w - 1. */
    private final long[][][] table;

    public FixedBaseExp(BigInteger base, BigInteger modulus, int maxBits, int window) {
        if (modulus.signum() <= 0 || !modulus.testBit(0)) {
            throw new IllegalArgumentException("the modulus must be odd and positive");
        }
        if (window < 1 || window > 16) {
            throw new IllegalArgumentException("window must be in 1..16");
        }
        this.base = base.mod(modulus);
        this.modulus = modulus;
        this.limbs = (modulus.bitLength() + 63) / 64;
        this.window = window;
        this.maxBits = maxBits;
        this.n = toLimbs(modulus, limbs);
        this.n0inv = negInverse64(n[0]);
        BigInteger r = BigInteger.ONE.shiftLeft(64 * limbs);
        this.oneMont = toLimbs(r.mod(modulus), limbs);
        int rows = (maxBits + window - 1) / window;
        int digits = (1 << window) - 1;
        this.table = new long[rows][digits][];
        BigInteger rowBase = this.base; // g^(2^(w·i))
        for (int i = 0; i < rows; i++) {
            BigInteger power = rowBase;
            for (int d = 1; d <= digits; d++) {
                table[i][d - 1] = toLimbs(power.multiply(r).mod(modulus), limbs);
                power = power.multiply(rowBase).mod(modulus);
            }
            rowBase = power; // g^(2^w · 2^(w·i))
        }
    }

    /** g^exponent mod N, for a non-negative exponent. */
    public BigInteger pow(BigInteger exponent) {
        if (exponent.signum() < 0) {
            throw new IllegalArgumentException("negative exponent");
        }
        if (exponent.bitLength() > maxBits) {
            return base.modPow(exponent, modulus);
        }
        long[] acc = oneMont.clone();
        long[] scratch = new long[limbs + 2];
        long[] out = new long[limbs];
        int rows = (exponent.bitLength() + window - 1) / window;
        boolean first = true;
        for (int i = 0; i < rows; i++) {
            int digit = digit(exponent, i * window);
            if (digit == 0) {
                continue;
            }
            long[] entry = table[i][digit - 1];
            if (first) {
                System.arraycopy(entry, 0, acc, 0, limbs);
                first = false;
            } else {
                montMul(acc, entry, out, scratch);
                long[] swap = acc;
                acc = out;
                out = swap;
            }
        }
        // Leave Montgomery form: multiply by 1.
        long[] one = new long[limbs];
        one[0] = 1;
        montMul(acc, one, out, scratch);
        return fromLimbs(out);
    }

    private int digit(BigInteger exponent, int from) {
        int value = 0;
        for (int bit = window - 1; bit >= 0; bit--) {
            value = (value << 1) | (exponent.testBit(from + bit) ? 1 : 0);
        }
        return value;
    }

    /** out = a·b·R^-1 mod N (CIOS, Koç, Acar, Kaliski 1996); a, b &lt; N; t has limbs + 2 words. */
    private void montMul(long[] a, long[] b, long[] out, long[] t) {
        int k = limbs;
        java.util.Arrays.fill(t, 0L);
        for (int i = 0; i < k; i++) {
            long bi = b[i];
            long carry = 0;
            for (int j = 0; j < k; j++) {
                long aj = a[j];
                long lo = aj * bi;
                long hi = unsignedMultiplyHigh(aj, bi);
                long s = t[j] + lo;
                hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
                long s2 = s + carry;
                hi += Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
                t[j] = s2;
                carry = hi;
            }
            long sk = t[k] + carry;
            t[k + 1] = Long.compareUnsigned(sk, carry) < 0 ? 1 : 0;
            t[k] = sk;

            long m = t[0] * n0inv;
            long lo0 = m * n[0];
            long s0 = t[0] + lo0;
            carry = unsignedMultiplyHigh(m, n[0]) + (Long.compareUnsigned(s0, lo0) < 0 ? 1 : 0);
            for (int j = 1; j < k; j++) {
                long nj = n[j];
                long lo = m * nj;
                long hi = unsignedMultiplyHigh(m, nj);
                long s = t[j] + lo;
                hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
                long s2 = s + carry;
                hi += Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
                t[j - 1] = s2;
                carry = hi;
            }
            long s = t[k] + carry;
            t[k - 1] = s;
            t[k] = t[k + 1] + (Long.compareUnsigned(s, carry) < 0 ? 1 : 0);
        }
        // t < 2N: subtract N once if t >= N.
        if (t[k] != 0 || !lessThan(t, n, k)) {
            long borrow = 0;
            for (int j = 0; j < k; j++) {
                long tj = t[j];
                long d = tj - n[j] - borrow;
                borrow = (Long.compareUnsigned(tj, n[j]) < 0 || (borrow == 1 && tj == n[j])) ? 1 : 0;
                out[j] = d;
            }
        } else {
            System.arraycopy(t, 0, out, 0, k);
        }
    }

    private static boolean lessThan(long[] a, long[] b, int k) {
        for (int j = k - 1; j >= 0; j--) {
            if (a[j] != b[j]) {
                return Long.compareUnsigned(a[j], b[j]) < 0;
            }
        }
        return false;
    }

    /** Math.unsignedMultiplyHigh arrived in Java 18; this is its definition on top of the signed intrinsic. */
    private static long unsignedMultiplyHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    /** -x^-1 mod 2^64 for odd x, by Newton iteration (each step doubles the correct low bits). */
    private static long negInverse64(long x) {
        long inv = x; // correct to 3 bits for odd x
        for (int i = 0; i < 5; i++) {
            inv *= 2 - x * inv;
        }
        return -inv;
    }

    private static long[] toLimbs(BigInteger value, int k) {
        long[] out = new long[k];
        for (int i = 0; i < k; i++) {
            out[i] = value.shiftRight(64 * i).longValue();
        }
        return out;
    }

    private static BigInteger fromLimbs(long[] limbs) {
        byte[] bytes = new byte[limbs.length * 8 + 1];
        for (int i = 0; i < limbs.length; i++) {
            long v = limbs[i];
            int at = bytes.length - 1 - 8 * i;
            for (int b = 0; b < 8; b++) {
                bytes[at - b] = (byte) (v >>> (8 * b));
            }
        }
        return new BigInteger(bytes);
    }
}
