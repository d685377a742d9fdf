package io.cognate.it.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of Cognito's USER_SRP_AUTH, written from amazon-cognito-identity-js's {@code AuthenticationHelper}
 * and {@code CognitoUser.authenticateUserDefaultAuth}: SRP-6a over the 3072-bit group of RFC 5054 with g = 2 and
 * SHA-256, where every big number is hashed in its minimal two's-complement big-endian form ({@code padHex} in the JS
 * library: even length, with a leading zero byte when the top bit is set), and
 *
 * <pre>
 * k = H(pad(N) | pad(g))                      u = H(pad(A) | pad(B))
 * x = H(pad(salt) | H(poolName | userIdForSrp | ":" | password))
 * S = (B - k * g^x) ^ (a + u * x) mod N
 * key = HKDF-SHA256(ikm = pad(S), salt = pad(u), info = "Caldera Derived Key", 16 bytes)
 * PASSWORD_CLAIM_SIGNATURE = Base64(HMAC-SHA256(key, poolName | userIdForSrp | SECRET_BLOCK bytes | TIMESTAMP))
 * </pre>
 *
 * where poolName is the part of the pool id after '_'. One instance is one sign-in attempt (one secret {@code a}).
 */
public final class CognitoSrp {

    static final BigInteger N = new BigInteger("FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
            + "29024E088A67CC74020BBEA63B139B22514A08798E3404DD"
            + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245"
            + "E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
            + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D"
            + "C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
            + "83655D23DCA3AD961C62F356208552BB9ED529077096966D"
            + "670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
            + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9"
            + "DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
            + "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64"
            + "ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
            + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6B"
            + "F12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
            + "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB31"
            + "43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF", 16);
    static final BigInteger G = BigInteger.TWO;
    static final BigInteger K = new BigInteger(1, sha256(pad(N), pad(G)));

    /** The TIMESTAMP format of amazon-cognito-identity-js's DateHelper: "Tue Nov 3 14:07:02 UTC 2020". */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter
            .ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.US)
            .withZone(ZoneOffset.UTC);

    private static final byte[] INFO = "Caldera Derived Key".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String poolName;
    private final BigInteger a;
    private final BigInteger largeA;

    /** A fresh attempt for the pool, with a random 1024-bit {@code a} as the JS library draws it. */
    public CognitoSrp(String userPoolId) {
        this(userPoolId, randomA());
    }

    /** An attempt with a chosen {@code a}, for test vectors. */
    public CognitoSrp(String userPoolId, BigInteger a) {
        this(a, userPoolId.substring(userPoolId.indexOf('_') + 1));
    }

    private CognitoSrp(BigInteger a, String poolName) {
        this.poolName = poolName;
        this.a = a;
        this.largeA = G.modPow(a, N);
        if (largeA.mod(N).signum() == 0) {
            throw new IllegalArgumentException("A mod N must not be 0");
        }
    }

    /**
     * A device's attempt (DEVICE_SRP_AUTH): the JS library's AuthenticationHelper built with the DeviceGroupKey in
     * place of the pool name.
     */
    public static CognitoSrp forDevice(String deviceGroupKey) {
        return new CognitoSrp(randomA(), deviceGroupKey);
    }

    /**
     * ConfirmDevice's DeviceSecretVerifierConfig as the JS library computes it: a random 16-byte salt and
     * v = g^x with x = H(salt | H(DeviceGroupKey | DeviceKey | ":" | device password)), both base64.
     */
    public static Map<String, String> deviceSecretVerifierConfig(String deviceGroupKey, String deviceKey,
            String devicePassword) {
        BigInteger salt = new BigInteger(1, randomBytes(16));
        BigInteger x = forDevice(deviceGroupKey).x(salt, deviceKey, devicePassword);
        return Map.of("PasswordVerifier", Base64.getEncoder().encodeToString(pad(G.modPow(x, N))), "Salt",
                Base64.getEncoder().encodeToString(pad(salt)));
    }

    /** The DEVICE_PASSWORD_VERIFIER responses to the challenge parameters of DEVICE_SRP_AUTH. */
    public Map<String, String> devicePasswordVerifier(Map<String, String> challengeParameters, String username,
            String deviceKey, String devicePassword) {
        String secretBlock = require(challengeParameters, "SECRET_BLOCK");
        byte[] key = authenticationKey(deviceKey, devicePassword, new BigInteger(require(challengeParameters,
                "SRP_B"), 16), new BigInteger(require(challengeParameters, "SALT"), 16));
        String timestamp = TIMESTAMP.format(Instant.now());
        Map<String, String> responses = new LinkedHashMap<>();
        responses.put("USERNAME", username);
        responses.put("PASSWORD_CLAIM_SECRET_BLOCK", secretBlock);
        responses.put("TIMESTAMP", timestamp);
        responses.put("PASSWORD_CLAIM_SIGNATURE", signature(key, deviceKey, secretBlock, timestamp));
        responses.put("DEVICE_KEY", deviceKey);
        return responses;
    }

    /** SRP_A for InitiateAuth: A in hex, as the JS library sends it (no padding). */
    public String srpA() {
        return largeA.toString(16);
    }

    /** The PASSWORD_VERIFIER challenge responses answering the challenge parameters of USER_SRP_AUTH. */
    public Map<String, String> passwordVerifier(Map<String, String> challengeParameters, String password,
            Instant now) {
        String userIdForSrp = require(challengeParameters, "USER_ID_FOR_SRP");
        String secretBlock = require(challengeParameters, "SECRET_BLOCK");
        byte[] key = authenticationKey(userIdForSrp, password,
                new BigInteger(require(challengeParameters, "SRP_B"), 16),
                new BigInteger(require(challengeParameters, "SALT"), 16));
        String timestamp = TIMESTAMP.format(now);
        Map<String, String> responses = new LinkedHashMap<>();
        responses.put("USERNAME", userIdForSrp);
        responses.put("PASSWORD_CLAIM_SECRET_BLOCK", secretBlock);
        responses.put("TIMESTAMP", timestamp);
        responses.put("PASSWORD_CLAIM_SIGNATURE", signature(key, userIdForSrp, secretBlock, timestamp));
        return responses;
    }

    public Map<String, String> passwordVerifier(Map<String, String> challengeParameters, String password) {
        return passwordVerifier(challengeParameters, password, Instant.now());
    }

    BigInteger largeA() {
        return largeA;
    }

    BigInteger u(BigInteger b) {
        return new BigInteger(1, sha256(pad(largeA), pad(b)));
    }

    BigInteger x(BigInteger salt, String userIdForSrp, String password) {
        byte[] inner = sha256((poolName + userIdForSrp + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, sha256(pad(salt), inner));
    }

    /** The 16-byte HKDF key both sides derive from the shared secret S. */
    byte[] authenticationKey(String userIdForSrp, String password, BigInteger b, BigInteger salt) {
        if (b.mod(N).signum() == 0) {
            throw new IllegalArgumentException("B mod N must not be 0");
        }
        BigInteger u = u(b);
        if (u.signum() == 0) {
            throw new IllegalArgumentException("u must not be 0");
        }
        BigInteger x = x(salt, userIdForSrp, password);
        BigInteger base = b.subtract(K.multiply(G.modPow(x, N))).mod(N);
        BigInteger s = base.modPow(a.add(u.multiply(x)), N);
        byte[] prk = hmac(pad(u), pad(s));
        byte[] info = Arrays.copyOf(INFO, INFO.length + 1);
        info[INFO.length] = 1;
        return Arrays.copyOf(hmac(prk, info), 16);
    }

    String signature(byte[] key, String userIdForSrp, String secretBlock, String timestamp) {
        return Base64.getEncoder().encodeToString(hmac(key,
                poolName.getBytes(StandardCharsets.UTF_8),
                userIdForSrp.getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(secretBlock),
                timestamp.getBytes(StandardCharsets.UTF_8)));
    }

    /** amazon-cognito-identity-js's padHex as bytes: for a non-negative number, exactly BigInteger.toByteArray(). */
    static byte[] pad(BigInteger n) {
        if (n.signum() < 0) {
            throw new IllegalArgumentException("negative");
        }
        return n.toByteArray();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static BigInteger randomA() {
        byte[] bytes = new byte[128];
        RANDOM.nextBytes(bytes);
        return new BigInteger(1, bytes);
    }

    private static String require(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new AssertionError("the PASSWORD_VERIFIER challenge has no " + name + ": " + parameters.keySet());
        }
        return value;
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
