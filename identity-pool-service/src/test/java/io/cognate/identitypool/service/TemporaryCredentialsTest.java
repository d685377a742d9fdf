package io.cognate.identitypool.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cognate.crypto.Aead;
import io.cognate.crypto.KeyRing;

class TemporaryCredentialsTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Aead AEAD = new Aead(KeyRing.fromBase64(Base64.getEncoder().encodeToString(new byte[32]),
            null));
    private static final SessionClaims CLAIMS = new SessionClaims("arn:aws:iam::000000000000:role/app", "AROAEXAMPLE",
            "CognitoIdentityCredentials", "us-east-1:id", "us-east-1:pool", List.of("authenticated", "p"),
            Map.of("team", "blue"), null);

    @Test
    void sessionTokenWhenOpenedThenSameSecretAndClaims() {
        var credentials = at(NOW).mint(CLAIMS, Duration.ofHours(1));

        var opened = at(NOW.plusSeconds(60)).open(credentials.accessKeyId(), credentials.sessionToken());

        assertTrue(credentials.accessKeyId().matches("ASIA[A-Z2-7]{16}"));
        assertEquals(credentials.secretAccessKey(), opened.secretAccessKey());
        assertEquals(CLAIMS, opened.claims());
        assertEquals(NOW.plus(Duration.ofHours(1)), opened.expiration());
    }

    @Test
    void sessionTokenWhenTamperedOrUnderAnotherKeyIdOrExpiredThenRejected() {
        var credentials = at(NOW).mint(CLAIMS, Duration.ofHours(1));
        byte[] bytes = Base64.getDecoder().decode(credentials.sessionToken());
        bytes[bytes.length / 2] ^= 1;
        String tampered = Base64.getEncoder().encodeToString(bytes);

        var invalid = assertThrows(CredentialsRejectedException.class, () -> at(NOW).open(credentials.accessKeyId(),
                tampered));
        assertEquals(CredentialsRejectedException.Reason.INVALID, invalid.reason());
        assertThrows(CredentialsRejectedException.class, () -> at(NOW).open("ASIAAAAAAAAAAAAAAAAA",
                credentials.sessionToken()));
        var expired = assertThrows(CredentialsRejectedException.class, () -> at(NOW.plus(Duration.ofHours(1)))
                .open(credentials.accessKeyId(), credentials.sessionToken()));
        assertEquals(CredentialsRejectedException.Reason.EXPIRED, expired.reason());
    }

    private static TemporaryCredentials at(Instant now) {
        return new TemporaryCredentials(AEAD, Clock.fixed(now, ZoneOffset.UTC));
    }
}
