package io.cognate.token.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.cognate.token.crypto.RefreshTokenContent;
import io.cognate.token.repository.RefreshTokenFamilyEntity;

class RefreshFlowTest {

    private final TestTokenService tokens = new TestTokenService();
    private final MintedTokens minted = tokens.signIn(TestTokenService.aliceSignsIn());
    private final RefreshTokenFamilyEntity family = tokens.families.rows.values().iterator().next();

    private RefreshResult refresh(String pool, String client, String token) {
        return tokens.refreshFlow().refresh(pool, client, token).await().indefinitely();
    }

    @Test
    void refreshWhenValidThenWhoseTokenItIs() {
        RefreshGrant grant = refresh(TestTokenService.POOL, "client-1", minted.refreshToken()).orElseThrow();

        assertEquals("alice", grant.username());
        assertEquals(family.sub, grant.sub());
        assertEquals(family.originJti.toString(), grant.originJti());
        assertEquals(family.authTime, grant.authTime());
    }

    @Test
    void refreshWhenOtherClientThenInvalid() {
        assertTrue(refresh(TestTokenService.POOL, "client-2", minted.refreshToken()).isEmpty());
    }

    @Test
    void refreshWhenOtherPoolThenInvalid() {
        assertTrue(refresh("us-east-1_Other", "client-1", minted.refreshToken()).isEmpty());
    }

    @Test
    void refreshWhenRevokedThenInvalid() {
        family.revokedAt = tokens.clock.instant();

        assertTrue(refresh(TestTokenService.POOL, "client-1", minted.refreshToken()).isEmpty());
    }

    @Test
    void refreshWhenExpiredThenInvalid() {
        tokens.clock.advance(Duration.ofSeconds(86400));

        assertTrue(refresh(TestTokenService.POOL, "client-1", minted.refreshToken()).isEmpty());
    }

    @Test
    void refreshWhenFamilyRightButSecretWrongThenInvalid() {
        String forged = tokens.codec.encode(
                new RefreshTokenContent(TestTokenService.POOL, "client-1", family.id, new byte[32]));

        assertTrue(refresh(TestTokenService.POOL, "client-1", forged).isEmpty());
    }

    @Test
    void refreshWhenNotARefreshTokenThenInvalid() {
        assertTrue(refresh(TestTokenService.POOL, "client-1", minted.accessToken()).isEmpty());
        assertTrue(refresh(TestTokenService.POOL, "client-1", "").isEmpty());
    }
}
