package io.cognate.token.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cognate.contracts.jose.Jws;

class RevokeFlowTest {

    private final TestTokenService tokens = new TestTokenService();
    private final MintedTokens minted = tokens.signIn(TestTokenService.aliceSignsIn());

    private RevokeOutcome revoke(String client, String token) {
        return tokens.revokeFlow().revokeRefreshToken(TestTokenService.POOL, client, token).await().indefinitely();
    }

    private static String originJti(String accessToken) {
        try {
            return new ObjectMapper().readTree(Jws.parse(accessToken).orElseThrow().payload()).path("origin_jti").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void revokeWhenOwnRefreshTokenThenRevokedAndTokensStopWorking() {
        RevokeOutcome outcome = revoke("client-1", minted.refreshToken());

        assertEquals(RevokeOutcome.Kind.REVOKED, outcome.kind());
        assertEquals(1, outcome.familiesRevoked());
        assertEquals(originJti(minted.accessToken()), outcome.originJti());

        assertTrue(tokens.refreshFlow().refresh(TestTokenService.POOL, "client-1", minted.refreshToken()).await()
                .indefinitely().isEmpty());
        assertFalse(tokens.introspect(minted.accessToken(), TokenUse.ACCESS).active());
    }

    @Test
    void revokeWhenAlreadyRevokedThenStillRevoked() {
        revoke("client-1", minted.refreshToken());

        RevokeOutcome again = revoke("client-1", minted.refreshToken());

        assertEquals(0, again.familiesRevoked());
        assertEquals(originJti(minted.accessToken()), again.originJti());
    }

    @Test
    void revokeWhenIssuedToAnotherClientThenWrongClientAndNothingRevoked() {
        assertEquals(RevokeOutcome.of(RevokeOutcome.Kind.WRONG_CLIENT), revoke("client-2", minted.refreshToken()));

        assertTrue(tokens.introspect(minted.accessToken(), TokenUse.ACCESS).active());
    }

    @Test
    void revokeWhenNotOurTokenThenUnknownToken() {
        assertEquals(RevokeOutcome.of(RevokeOutcome.Kind.UNKNOWN_TOKEN), revoke("client-1", "garbage"));
        assertEquals(RevokeOutcome.of(RevokeOutcome.Kind.UNKNOWN_TOKEN), revoke("client-1", minted.accessToken()));
    }

    @Test
    void revokeWhenTokenOfAnotherPoolThenUnknownToken() {
        RevokeOutcome outcome = tokens.revokeFlow().revokeRefreshToken("us-east-1_Other", "client-1",
                minted.refreshToken()).await().indefinitely();

        assertEquals(RevokeOutcome.of(RevokeOutcome.Kind.UNKNOWN_TOKEN), outcome);
    }

    @Test
    void revokeAllOfUserWhenSeveralSignInsThenEveryFamilyRevoked() {
        MintedTokens second = tokens.signIn(TestTokenService.aliceSignsIn());

        RevokeOutcome outcome = tokens.revokeFlow()
                .revokeAllOfUser(TestTokenService.POOL, TestTokenService.aliceSignsIn().sub()).await().indefinitely();

        assertEquals(RevokeOutcome.revoked(2), outcome);
        assertEquals("Access Token has been revoked",
                tokens.introspect(minted.accessToken(), TokenUse.ACCESS).reason());
        assertEquals("Access Token has been revoked", tokens.introspect(second.accessToken(), TokenUse.ACCESS).reason());
    }
}
