package io.cognate.token.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cognate.contracts.jose.Base64Url;
import io.cognate.contracts.jose.Jws;
import io.cognate.token.TestKeys;

class IntrospectFlowTest {

    private final TestTokenService tokens = new TestTokenService();
    private final MintedTokens minted = tokens.signIn(TestTokenService.aliceSignsIn());

    @Test
    void introspectWhenAccessTokenValidThenActiveWithItsClaims() {
        Introspection result = tokens.introspect(minted.accessToken(), TokenUse.ACCESS);

        assertTrue(result.active());
        assertEquals(TestTokenService.POOL, result.userPoolId());
        assertEquals("client-1", result.clientId());
        assertEquals("alice", result.username());
        assertEquals(List.of("aws.cognito.signin.user.admin"), result.scopes());
        assertEquals(result.issuedAt() + 3600, result.expiresAt());
    }

    @Test
    void introspectWhenIdTokenExpectedAndGivenThenActiveWithAudienceAsClient() {
        Introspection result = tokens.introspect(minted.idToken(), TokenUse.ID);

        assertTrue(result.active());
        assertEquals("client-1", result.clientId());
        assertEquals("alice", result.username());
    }

    @Test
    void introspectWhenSignatureTamperedThenInactive() {
        String token = minted.accessToken();
        byte[] signature = Base64Url.decode(token.substring(token.lastIndexOf('.') + 1));
        signature[0] ^= 1;
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + Base64Url.encode(signature);

        assertInactive("Invalid Access Token", tokens.introspect(tampered, TokenUse.ACCESS));
    }

    @Test
    void introspectWhenSignedByUnknownKeyThenInactive() {
        String payload = new String(Jws.parse(minted.accessToken()).orElseThrow().payload(), StandardCharsets.UTF_8);
        String forged = Jws.sign(TestTokenService.KID, payload.getBytes(StandardCharsets.UTF_8),
                TestKeys.other().getPrivate());

        assertInactive("Invalid Access Token", tokens.introspect(forged, TokenUse.ACCESS));
    }

    @Test
    void introspectWhenIdTokenPresentedAsAccessTokenThenInvalid() {
        assertInactive("Invalid Access Token", tokens.introspect(minted.idToken(), TokenUse.ACCESS));
        assertInactive("Invalid Id Token", tokens.introspect(minted.accessToken(), TokenUse.ID));
    }

    @Test
    void introspectWhenExpiredThenHasExpired() {
        tokens.clock.advance(Duration.ofSeconds(3600));

        assertInactive("Access Token has expired", tokens.introspect(minted.accessToken(), TokenUse.ACCESS));
        assertInactive("Id Token has expired", tokens.introspect(minted.idToken(), TokenUse.ID));
    }

    @Test
    void introspectWhenFamilyRevokedThenHasBeenRevoked() {
        tokens.families.rows.values().forEach(f -> f.revokedAt = tokens.clock.instant());

        assertInactive("Access Token has been revoked", tokens.introspect(minted.accessToken(), TokenUse.ACCESS));
        assertInactive("Id Token has been revoked", tokens.introspect(minted.idToken(), TokenUse.ID));
    }

    @Test
    void introspectWhenIssuedByAnotherDeploymentThenInvalid() {
        TestTokenService elsewhere = new TestTokenService();
        String foreignIssuer = minted.accessToken();
        Introspection result = new IntrospectFlow(elsewhere.signingKeys, elsewhere.families,
                new Issuer("https://other.example.com"), elsewhere.clock, elsewhere.transactions)
                .introspect(foreignIssuer, TokenUse.ACCESS).await().indefinitely();

        assertInactive("Invalid Access Token", result);
    }

    @Test
    void introspectWhenGarbageThenInvalid() {
        assertInactive("Invalid Access Token", tokens.introspect("not-a-jwt", TokenUse.ACCESS));
        assertInactive("Invalid Access Token", tokens.introspect("", TokenUse.ACCESS));
    }

    private static void assertInactive(String reason, Introspection result) {
        assertFalse(result.active());
        assertEquals(reason, result.reason());
    }
}
