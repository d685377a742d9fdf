package io.cognate.token.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cognate.crypto.Aead;
import io.cognate.crypto.KeyRing;

class SessionCookieTest {
    private static final Aead AEAD = new Aead(KeyRing.fromBase64(Base64.getEncoder()
            .encodeToString(KeyRing.randomBytes(32)), ""));
    private static final SessionCookie.SignedIn ALICE = new SessionCookie.SignedIn("sub-1", "alice", 1_700_000_000L,
            List.of("pwd", "otp", "mfa"));

    private static SessionCookie at(Instant now) {
        return new SessionCookie(AEAD, Clock.fixed(now, ZoneOffset.UTC), java.time.Duration.ofHours(1));
    }

    @Test
    void openWhenSealedForThePoolThenTheSignedInUser() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        String cookie = at(now).seal("us-east-1_A", ALICE);

        assertEquals(ALICE, at(now.plusSeconds(3599)).open("us-east-1_A", cookie).orElseThrow());
    }

    @Test
    void openWhenAnotherPoolOrExpiredOrTamperedThenNothing() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        String cookie = at(now).seal("us-east-1_A", ALICE);
        char[] tampered = cookie.toCharArray();
        tampered[tampered.length / 2] = tampered[tampered.length / 2] == 'A' ? 'B' : 'A';

        assertTrue(at(now).open("us-east-1_B", cookie).isEmpty(), "sealed for its pool only");
        assertTrue(at(now.plusSeconds(3600)).open("us-east-1_A", cookie).isEmpty(), "an hour, no more");
        assertTrue(at(now).open("us-east-1_A", new String(tampered)).isEmpty());
        assertTrue(at(now).open("us-east-1_A", "not a cookie").isEmpty());
    }
}
