package io.cognate.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The test-side SRP client against amazon-cognito-identity-js's own AuthenticationHelper: {@code srp-vectors.json}
 * holds what the JS library computed for fixed inputs ({@code node src/test/node/srp-vectors.mjs}), and CognitoSrp
 * must compute the same k, A, u, HKDF key and signature. Needs no running stack.
 */
class CognitoSrpTest {

    static java.util.List<JsonNode> vectors() throws IOException {
        try (InputStream in = CognitoSrpTest.class.getResourceAsStream("/srp-vectors.json")) {
            JsonNode all = new ObjectMapper().readTree(in);
            java.util.List<JsonNode> list = new java.util.ArrayList<>();
            all.forEach(list::add);
            return list;
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void computesWhatAmazonCognitoIdentityJsComputes(JsonNode v) {
        String poolId = "us-east-1_" + v.path("poolName").asText();
        CognitoSrp srp = new CognitoSrp(poolId, new BigInteger(v.path("a").asText(), 16));
        BigInteger b = CognitoSrp.G.modPow(new BigInteger(v.path("b").asText(), 16), CognitoSrp.N);

        assertEquals(v.path("k").asText(), CognitoSrp.K.toString(16), "k");
        assertEquals(v.path("A").asText(), srp.srpA(), "A");
        assertEquals(v.path("B").asText(), b.toString(16), "B");
        assertEquals(v.path("u").asText(), srp.u(b).toString(16), "u");
        byte[] key = srp.authenticationKey(v.path("username").asText(), v.path("password").asText(), b,
                new BigInteger(v.path("salt").asText(), 16));
        assertEquals(v.path("hkdf").asText(), HexFormat.of().formatHex(key), "HKDF key");
        assertEquals(v.path("signature").asText(), srp.signature(key, v.path("username").asText(),
                v.path("secretBlock").asText(), v.path("timestamp").asText()), "PASSWORD_CLAIM_SIGNATURE");
    }

    @Test
    void timestampHasTheJsLibrarysFormat() {
        assertEquals("Tue Nov 3 14:07:02 UTC 2020",
                CognitoSrp.TIMESTAMP.format(Instant.parse("2020-11-03T14:07:02Z")));
        assertEquals("Mon Jan 12 09:05:00 UTC 2026",
                CognitoSrp.TIMESTAMP.format(Instant.parse("2026-01-12T09:05:00Z")));
    }

    @Test
    void passwordVerifierAnswersWithUserIdForSrpAndTheSignature() {
        JsonNode v;
        try {
            v = vectors().get(0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        CognitoSrp srp = new CognitoSrp("us-east-1_" + v.path("poolName").asText(),
                new BigInteger(v.path("a").asText(), 16));
        BigInteger b = CognitoSrp.G.modPow(new BigInteger(v.path("b").asText(), 16), CognitoSrp.N);
        var responses = srp.passwordVerifier(java.util.Map.of(
                "USER_ID_FOR_SRP", v.path("username").asText(),
                "SRP_B", b.toString(16),
                "SALT", v.path("salt").asText(),
                "SECRET_BLOCK", v.path("secretBlock").asText()),
                v.path("password").asText(), Instant.parse("2020-11-03T14:07:02Z"));
        assertEquals(v.path("username").asText(), responses.get("USERNAME"));
        assertEquals(v.path("secretBlock").asText(), responses.get("PASSWORD_CLAIM_SECRET_BLOCK"));
        assertEquals(v.path("timestamp").asText(), responses.get("TIMESTAMP"));
        assertEquals(v.path("signature").asText(), responses.get("PASSWORD_CLAIM_SIGNATURE"));
    }
}
