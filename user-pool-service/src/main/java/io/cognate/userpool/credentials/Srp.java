package io.cognate.userpool.credentials;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cognito's SRP-6a, byte for byte as amazon-cognito-identity-js and Amplify compute it: the RFC 5054 3072-bit
 * group with g = 2, SHA-256, k = H(N | g), u = H(A | B), x = H(salt | H(poolName | userId | ":" | password)), and a
 * 16-byte HKDF key with info "Caldera Derived Key". Every number is hashed in its minimal two's-complement form
 * (the JS client's padHex), which is exactly {@link BigInteger#toByteArray()} for positive values.
 */
public final class Srp {
    public static final BigInteger N = new BigInteger("FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
            + "29024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245"
            + "E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D"
            + "C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D"
            + "670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9"
            + "DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64"
            + "ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6B"
            + "F12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB31"
            + "43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF", 16);
    public static final BigInteger G = BigInteger.TWO;
    public static final BigInteger K = hashToInt(N.toByteArray(), G.toByteArray());
    /** g^e for the 256-bit exponents SRP uses (x and b), from a precomputed table: ~2.6× faster than modPow. */
    private static final FixedBaseExp G_POW = new FixedBaseExp(G, N, 256, 8);
    private static final byte[] HKDF_INFO = "Caldera Derived Key\u0001".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Srp() {
    }

    /** The part of a pool id after the region ({@code us-east-1_Abc} → {@code Abc}), which SRP hashes into x. */
    public static String poolName(String poolId) {
        return poolId.substring(poolId.indexOf('_') + 1);
    }

    /** x = H(salt | H(poolName | userId | ":" | password)). */
    public static BigInteger x(String poolName, String userIdForSrp, String password, BigInteger salt) {
        byte[] inner = sha256((poolName + userIdForSrp + ":" + password).getBytes(StandardCharsets.UTF_8));
        return hashToInt(salt.toByteArray(), inner);
    }

    /** The verifier v = g^x mod N: what the server keeps instead of the password. */
    public static BigInteger verifier(BigInteger x) {
        return G_POW.pow(x);
    }

    /** g^e mod N: through the fixed-base table for exponents up to 256 bits, modPow beyond. */
    public static BigInteger gPow(BigInteger exponent) {
        return G_POW.pow(exponent);
    }

    /** A fresh 128-bit salt, as Cognito's clients generate for device verifiers. */
    public static BigInteger newSalt() {
        return new BigInteger(1, randomBytes(16));
    }

    /** The server's secret ephemeral b: 256 random bits, ample against the 3072-bit group's discrete log. */
    public static BigInteger newPrivateEphemeral() {
        return new BigInteger(1, randomBytes(32));
    }

    /** B = (k·v + g^b) mod N. */
    public static BigInteger publicEphemeral(BigInteger b, BigInteger v) {
        return K.multiply(v).add(G_POW.pow(b)).mod(N);
    }

    /** u = H(A | B). */
    public static BigInteger u(BigInteger a, BigInteger b) {
        return hashToInt(a.toByteArray(), b.toByteArray());
    }

    /** The server's shared secret S = (A · v^u)^b mod N. */
    public static BigInteger serverSecret(BigInteger clientPublic, BigInteger v, BigInteger u, BigInteger b) {
        return clientPublic.multiply(v.modPow(u, N)).mod(N).modPow(b, N);
    }

    /** The 16-byte key both sides derive: HKDF-SHA256(salt = u, ikm = S, info = "Caldera Derived Key"). */
    public static byte[] authenticationKey(BigInteger s, BigInteger u) {
        byte[] prk = hmac(u.toByteArray(), s.toByteArray());
        byte[] okm = hmac(prk, HKDF_INFO);
        byte[] key = new byte[16];
        System.arraycopy(okm, 0, key, 0, 16);
        return key;
    }

    /** PASSWORD_CLAIM_SIGNATURE = HMAC-SHA256(key, poolName | userId | secretBlock | timestamp). */
    public static byte[] claimSignature(byte[] key, String poolName, String userIdForSrp, byte[] secretBlock,
            String timestamp) {
        byte[] pool = poolName.getBytes(StandardCharsets.UTF_8);
        byte[] user = userIdForSrp.getBytes(StandardCharsets.UTF_8);
        byte[] time = timestamp.getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[pool.length + user.length + secretBlock.length + time.length];
        int at = 0;
        System.arraycopy(pool, 0, message, at, pool.length);
        System.arraycopy(user, 0, message, at += pool.length, user.length);
        System.arraycopy(secretBlock, 0, message, at += user.length, secretBlock.length);
        System.arraycopy(time, 0, message, at + secretBlock.length, time.length);
        return hmac(key, message);
    }

    /** The hex form Cognito's clients send and expect (lower case, no sign, no padding). */
    public static String hex(BigInteger value) {
        return value.toString(16);
    }

    public static BigInteger fromHex(String hex) {
        return new BigInteger(1, java.util.HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : "0" + hex));
    }

    private static BigInteger hashToInt(byte[] first, byte[] second) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(first);
            digest.update(second);
            return new BigInteger(1, digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
