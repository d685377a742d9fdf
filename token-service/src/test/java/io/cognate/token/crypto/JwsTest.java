package io.cognate.token.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.cognate.contracts.jose.Base64Url;
import io.cognate.contracts.jose.Jws;
import io.cognate.token.TestKeys;

class JwsTest {

    private static final byte[] PAYLOAD = "{\"sub\":\"abc\",\"token_use\":\"access\"}".getBytes(StandardCharsets.UTF_8);

    private final String token = Jws.sign("kid-1", PAYLOAD, TestKeys.signing().getPrivate());

    @Test
    void signWhenVerifiedWithMatchingPublicKeyThenValid() {
        Jws.Parsed parsed = Jws.parse(token).orElseThrow();

        assertEquals("kid-1", parsed.kid());
        assertArrayEquals(PAYLOAD, parsed.payload());
        assertTrue(parsed.verifiedBy(TestKeys.signing().getPublic()));
    }

    @Test
    void signWhenHeaderDecodedThenCognitoHeaderLayout() {
        String header = new String(Base64Url.decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);

        assertEquals("{\"kid\":\"kid-1\",\"alg\":\"RS256\"}", header);
    }

    @Test
    void signWhenEncodedThenBase64UrlWithoutPadding() {
        assertFalse(token.contains("="));
        assertFalse(token.contains("+"));
        assertFalse(token.contains("/"));
        assertEquals(3, token.split("\\.").length);
    }

    @Test
    void verifyWhenSignedByAnotherKeyThenInvalid() {
        assertFalse(Jws.parse(token).orElseThrow().verifiedBy(TestKeys.other().getPublic()));
    }

    @Test
    void verifyWhenPayloadTamperedThenInvalid() {
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Base64Url.encode("{\"sub\":\"admin\",\"token_use\":\"access\"}"
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertFalse(Jws.parse(forged).orElseThrow().verifiedBy(TestKeys.signing().getPublic()));
    }

    @Test
    void verifyWhenSignatureTamperedThenInvalid() {
        byte[] signature = Base64Url.decode(token.substring(token.lastIndexOf('.') + 1));
        signature[10] ^= 1;
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + Base64Url.encode(signature);

        assertFalse(Jws.parse(forged).orElseThrow().verifiedBy(TestKeys.signing().getPublic()));
    }

    @Test
    void parseWhenAlgIsNoneThenRefused() {
        String header = Base64Url.encode("{\"kid\":\"kid-1\",\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String unsigned = header + "." + Base64Url.encode(PAYLOAD) + ".";

        assertTrue(Jws.parse(unsigned).isEmpty());
        assertTrue(Jws.parse(header + "." + Base64Url.encode(PAYLOAD) + ".c2ln").isEmpty());
    }

    @Test
    void parseWhenAlgIsHmacThenRefused() {
        String header = Base64Url.encode("{\"kid\":\"kid-1\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));

        assertTrue(Jws.parse(header + "." + Base64Url.encode(PAYLOAD) + ".c2ln").isEmpty());
    }

    @Test
    void parseWhenNotThreeNonEmptyPartsThenRefused() {
        assertTrue(Jws.parse("").isEmpty());
        assertTrue(Jws.parse("abc").isEmpty());
        assertTrue(Jws.parse("a.b").isEmpty());
        assertTrue(Jws.parse(token + ".extra").isEmpty());
        assertTrue(Jws.parse("." + token.substring(token.indexOf('.'))).isEmpty());
        assertTrue(Jws.parse(null).isEmpty());
    }

    @Test
    void parseWhenHeaderIsNotJsonThenRefused() {
        assertTrue(Jws.parse("bm90IGpzb24." + Base64Url.encode(PAYLOAD) + ".c2ln").isEmpty());
    }
}
