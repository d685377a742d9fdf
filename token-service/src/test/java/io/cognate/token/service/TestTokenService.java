package io.cognate.token.service;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cognate.database.rows.InlineTransactions;
import io.cognate.database.rows.Transactions;
import io.cognate.token.TestKeys;
import io.cognate.token.crypto.RefreshTokenCodec;

/** The token flows wired together over in-memory keys and families: one pool, one clock that tests move. */
final class TestTokenService {

    static final String POOL = "us-east-1_TestPool";
    static final String ISSUER_BASE = "https://cognate.example.com";
    static final String KID = "kid-1";

    final MutableClock clock = new MutableClock();
    final InMemoryFamilies families = new InMemoryFamilies();
    final Transactions transactions = new InlineTransactions();
    final RefreshTokenCodec codec = new RefreshTokenCodec(TestKeys.ring());
    final Issuer issuer = new Issuer(ISSUER_BASE);
    final ObjectMapper json = new ObjectMapper();
    final SigningKeys signingKeys;

    TestTokenService() {
        long hour = Duration.ofHours(1).toNanos();
        SigningKeyCache cache = new SigningKeyCache(hour, hour, 100);
        cache.put(new PoolKeys(POOL, KID, (RSAPrivateKey) TestKeys.signing().getPrivate(),
                Map.of(KID, (RSAPublicKey) TestKeys.signing().getPublic()), new byte[0]));
        // Every key is in the cache, so the store and Vert.x are never reached.
        signingKeys = new SigningKeys(cache, null, null);
    }

    MintFlow mintFlow() {
        return new MintFlow(signingKeys, new RefreshFamilies(families, codec, clock, transactions), issuer, json,
                clock);
    }

    RefreshFlow refreshFlow() {
        return new RefreshFlow(families, codec, clock, transactions);
    }

    RevokeFlow revokeFlow() {
        return new RevokeFlow(families, codec, clock, transactions);
    }

    IntrospectFlow introspectFlow() {
        return new IntrospectFlow(signingKeys, families, issuer, clock, transactions);
    }

    MintedTokens signIn(MintCommand cmd) {
        return mintFlow().mint(cmd).await().indefinitely();
    }

    Introspection introspect(String token, TokenUse use) {
        return introspectFlow().introspect(token, use).await().indefinitely();
    }

    /** alice signing in to client-1 with a verified email and a custom attribute. */
    static MintCommand aliceSignsIn() {
        return new MintCommand(POOL, "client-1", "alice", "5f1c2d9e-0000-4000-8000-000000000001", List.of("admins"),
                List.of(), "", Map.of("email", "alice@example.com", "email_verified", "true", "custom:tier", "gold"),
                List.of("aws.cognito.signin.user.admin"), 0, 3600, 3600, 86400, "", List.of("pwd", "otp", "mfa"), null,
                null, MintCommand.Customization.NONE);
    }

    static MintCommand continuing(MintCommand cmd, String originJti) {
        return new MintCommand(cmd.userPoolId(), cmd.clientId(), cmd.username(), cmd.sub(), cmd.groups(),
                cmd.roles(), cmd.preferredRole(), cmd.attributes(), cmd.scopes(), cmd.authTime(),
                cmd.accessTokenValiditySeconds(), cmd.idTokenValiditySeconds(), cmd.refreshTokenValiditySeconds(),
                originJti, List.of(), cmd.oauth(), cmd.rotationGraceSeconds(), cmd.customization());
    }
}
