package io.cognate.token.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;

import org.junit.jupiter.api.Test;

import io.cognate.contracts.jose.Base64Url;
import io.cognate.token.TestKeys;

class RsaJwkTest {

    private final RSAPublicKey key = (RSAPublicKey) TestKeys.signing().getPublic();

    @Test
    void ofWhenRsa2048ThenModulusIs256BytesWithoutSignByte() {
        RsaJwk jwk = RsaJwk.of("kid-1", key);
        byte[] n = Base64Url.decode(jwk.n());

        // A 2048-bit modulus has its top bit set, so toByteArray() gives 257 bytes; the JWK must carry 256.
        assertEquals(257, key.getModulus().toByteArray().length);
        assertEquals(256, n.length);
        assertNotEquals(0, n[0]);
        assertEquals(key.getModulus(), new BigInteger(1, n));
    }

    @Test
    void ofWhenExponentF4ThenAQAB() {
        assertEquals("AQAB", RsaJwk.of("kid-1", key).e());
    }

    @Test
    void ofThenCognitoFieldValues() {
        RsaJwk jwk = RsaJwk.of("kid-1", key);

        assertEquals("RS256", jwk.alg());
        assertEquals("kid-1", jwk.kid());
        assertEquals("RSA", jwk.kty());
        assertEquals("sig", jwk.use());
    }

    @Test
    void unsignedBase64UrlWhenHighBitSetThenSignByteDropped() {
        assertEquals(Base64Url.encode(new byte[] { (byte) 0x80, 0x01 }),
                RsaJwk.unsignedBase64Url(new BigInteger("8001", 16)));
    }

    @Test
    void unsignedBase64UrlWhenHighBitClearThenBytesKept() {
        assertEquals(Base64Url.encode(new byte[] { 0x7f, 0x01 }), RsaJwk.unsignedBase64Url(new BigInteger("7f01", 16)));
    }
}
