package io.cognate.token.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cognate.contracts.jose.Jws;
import io.cognate.token.TestKeys;
import io.cognate.token.repository.RefreshTokenFamilyEntity;

class MintFlowTest {

    private final TestTokenService tokens = new TestTokenService();

    private JsonNode verifiedClaims(String token) throws Exception {
        Jws.Parsed parsed = Jws.parse(token).orElseThrow();
        assertEquals(TestTokenService.KID, parsed.kid());
        assertTrue(parsed.verifiedBy(TestKeys.signing().getPublic()));
        return tokens.json.readTree(parsed.payload());
    }

    @Test
    void mintWhenFreshSignInThenSignedTokensAndNewFamilyWithRefreshToken() throws Exception {
        MintedTokens minted = tokens.signIn(TestTokenService.aliceSignsIn());

        JsonNode id = verifiedClaims(minted.idToken());
        JsonNode access = verifiedClaims(minted.accessToken());
        assertNotNull(minted.refreshToken());
        assertEquals(3600, minted.expiresIn());
        assertEquals(1, tokens.families.rows.size());
        RefreshTokenFamilyEntity family = tokens.families.rows.values().iterator().next();
        assertEquals(family.originJti.toString(), id.get("origin_jti").asText());
        assertEquals(family.originJti.toString(), access.get("origin_jti").asText());
        assertEquals(id.get("event_id"), access.get("event_id"));
        assertNotEquals(id.get("jti"), access.get("jti"));
        assertEquals("https://cognate.example.com/us-east-1_TestPool", id.get("iss").asText());
        assertTrue(id.get("email_verified").isBoolean());
        assertEquals(tokens.clock.instant().getEpochSecond(), id.get("auth_time").asLong());
        assertEquals(tokens.clock.instant().plusSeconds(86400), family.expiresAt);
    }

    @Test
    void mintWhenFamilyGivenThenNoRefreshTokenAndFamilyOriginJtiAndAuthTime() throws Exception {
        MintedTokens first = tokens.signIn(TestTokenService.aliceSignsIn());
        String originJti = verifiedClaims(first.accessToken()).get("origin_jti").asText();
        long authTime = verifiedClaims(first.accessToken()).get("auth_time").asLong();
        tokens.clock.advance(Duration.ofMinutes(50));

        MintedTokens refreshed = tokens.signIn(TestTokenService.continuing(TestTokenService.aliceSignsIn(), originJti));

        JsonNode access = verifiedClaims(refreshed.accessToken());
        assertNull(refreshed.refreshToken());
        assertEquals(originJti, access.get("origin_jti").asText());
        assertEquals(authTime, access.get("auth_time").asLong());
        assertEquals(tokens.clock.instant().getEpochSecond(), access.get("iat").asLong());
        assertEquals(1, tokens.families.rows.size());
        // The refreshed ID token says how the user signed in, though the refresh request named no factors.
        assertEquals("[\"pwd\",\"otp\",\"mfa\"]", verifiedClaims(refreshed.idToken()).get("amr").toString());
    }

    @Test
    void mintWhenFamilyRevokedThenRefused() throws Exception {
        MintedTokens first = tokens.signIn(TestTokenService.aliceSignsIn());
        String originJti = verifiedClaims(first.accessToken()).get("origin_jti").asText();
        tokens.families.rows.values().forEach(f -> f.revokedAt = tokens.clock.instant());

        TokenException e = assertThrows(TokenException.class,
                () -> tokens.signIn(TestTokenService.continuing(TestTokenService.aliceSignsIn(), originJti)));

        assertEquals(TokenError.FAMILY_NOT_USABLE, e.error());
        assertEquals("Refresh Token has been revoked", e.getMessage());
    }
}
