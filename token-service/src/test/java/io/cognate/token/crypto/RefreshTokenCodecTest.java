package io.cognate.token.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cognate.contracts.jose.Base64Url;
import io.cognate.crypto.Kek;
import io.cognate.crypto.KeyRing;
import io.cognate.token.TestKeys;

class RefreshTokenCodecTest {

    private final Kek kek = TestKeys.kek();
    private final RefreshTokenCodec codec = new RefreshTokenCodec(new KeyRing(kek, List.of()));
    private final RefreshTokenContent content = new RefreshTokenContent("us-east-1_abc", "client-1", UUID.randomUUID(),
            new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });

    @Test
    void decodeWhenEncodedByThisDeploymentThenSameContent() {
        RefreshTokenContent decoded = codec.decode(codec.encode(content)).orElseThrow();

        assertEquals(content.userPoolId(), decoded.userPoolId());
        assertEquals(content.clientId(), decoded.clientId());
        assertEquals(content.familyId(), decoded.familyId());
        assertArrayEquals(content.secret(), decoded.secret());
    }

    @Test
    void encodeThenJweCompactWithDirectEncryptionAndNothingReadable() {
        String token = codec.encode(content);
        String[] parts = token.split("\\.", -1);

        assertEquals(5, parts.length);
        assertEquals("", parts[1]);
        assertEquals("{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"rt1\"}",
                new String(Base64Url.decode(parts[0]), StandardCharsets.US_ASCII));
        assertTrue(!token.contains("us-east-1_abc") && !token.contains(content.familyId().toString()));
    }

    @Test
    void encodeWhenCalledTwiceThenDifferentTokens() {
        assertNotEquals(codec.encode(content), codec.encode(content));
    }

    @Test
    void decodeWhenAnyPartTamperedThenRejected() {
        String token = codec.encode(content);
        String[] parts = token.split("\\.", -1);
        for (int i : new int[] { 2, 3, 4 }) {
            byte[] bytes = Base64Url.decode(parts[i]);
            bytes[0] ^= 1;
            String[] tampered = parts.clone();
            tampered[i] = Base64Url.encode(bytes);

            assertTrue(codec.decode(String.join(".", tampered)).isEmpty(), "part " + i);
        }
    }

    @Test
    void decodeWhenHeaderChangedThenRejected() {
        String token = codec.encode(content);
        String otherHeader = Base64Url.encode("{\"alg\":\"dir\",\"enc\":\"A128GCM\"}".getBytes(StandardCharsets.UTF_8));

        assertTrue(codec.decode(otherHeader + token.substring(token.indexOf('.'))).isEmpty());
    }

    @Test
    void decodeWhenIssuedUnderAnotherKekThenRejected() {
        String foreign = new RefreshTokenCodec(TestKeys.ring()).encode(content);

        assertTrue(codec.decode(foreign).isEmpty());
    }

    @Test
    void decodeWhenIssuedUnderAPreviousKekStillInTheRingThenSameContent() {
        String old = codec.encode(content);
        RefreshTokenCodec rotated = new RefreshTokenCodec(new KeyRing(TestKeys.kek(), List.of(kek)));

        assertEquals(content.familyId(), rotated.decode(old).orElseThrow().familyId());
        assertTrue(new RefreshTokenCodec(new KeyRing(TestKeys.kek(), List.of())).decode(old).isEmpty());
    }

    @Test
    void decodeWhenMalformedThenRejected() {
        assertTrue(codec.decode(null).isEmpty());
        assertTrue(codec.decode("").isEmpty());
        assertTrue(codec.decode("a.b.c.d.e").isEmpty());
        assertTrue(codec.decode("eyJhbGciOiJSUzI1NiJ9.e30.c2ln").isEmpty());
        assertTrue(codec.decode("x".repeat(10_000)).isEmpty());
    }
}
