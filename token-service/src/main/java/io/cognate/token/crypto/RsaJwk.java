package io.cognate.token.crypto;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

import io.cognate.contracts.jose.Base64Url;

/** RFC 7518 §6.3.1: an RSA public key as a JWK; modulus and exponent are unsigned big-endian base64url. */
public record RsaJwk(String alg, String e, String kid, String kty, String n, String use) {

    public static RsaJwk of(String kid, RSAPublicKey key) {
        return new RsaJwk("RS256", unsignedBase64Url(key.getPublicExponent()), kid, "RSA",
                unsignedBase64Url(key.getModulus()), "sig");
    }

    /** BigInteger.toByteArray() is two's complement: drop the sign byte a set high bit adds (RFC 7518 §2). */
    public static String unsignedBase64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64Url.encode(bytes);
    }
}
