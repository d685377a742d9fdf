package io.cognate.token.oauth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cognate.crypto.Aead;
import io.cognate.crypto.CiphertextRejectedException;
import io.cognate.crypto.Purpose;
import io.cognate.token.config.CognateConfig;

/**
 * The pool's session cookie ({@code cognito}, Cognito's name): who signed in on the domain's pages and when, sealed
 * for the pool, valid an hour. While it is, an authorization request of any client of the pool gets its code without
 * the sign-in form (single sign-on); {@code /logout} ends it.
 */
@ApplicationScoped
public class SessionCookie {
    public static final String NAME = "cognito";

    /**
     * The signed-in user: the sub, the username shown, and the sign-in's auth_time and amr; and when they signed in
     * at a SAML provider, that session ({@code /logout} ends it there too when the provider has IDPSignout), or null.
     */
    public record SignedIn(String sub, String username, long authTime, List<String> amr, SamlSession saml) {
        public SignedIn(String sub, String username, long authTime, List<String> amr) {
            this(sub, username, authTime, amr, null);
        }
    }

    /** A session at a SAML provider: the provider, the NameID (and its format) and the SessionIndex it gave. */
    public record SamlSession(String provider, String nameId, String nameIdFormat, String sessionIndex) {
    }

    private final Aead aead;
    private final Clock clock;
    private final Duration ttl;

    @Inject
    public SessionCookie(Aead aead, Clock clock, CognateConfig config) {
        this(aead, clock, config.hostedUi().sessionTtl());
    }

    SessionCookie(Aead aead, Clock clock, Duration ttl) {
        this.aead = aead;
        this.clock = clock;
        this.ttl = ttl;
    }

    public Duration ttl() {
        return ttl;
    }

    public String seal(String poolId, SignedIn user) {
        long expiresAt = clock.instant().plus(ttl).getEpochSecond();
        String text = String.join("\n", user.sub(), user.username(), Long.toString(user.authTime()),
                String.join(" ", user.amr()), Long.toString(expiresAt));
        if (user.saml() != null) {
            text = String.join("\n", text, user.saml().provider(), user.saml().nameId(), user.saml().nameIdFormat(),
                    user.saml().sessionIndex());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(aead.seal(Purpose.SESSION_COOKIE, poolId,
                text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The user of a cookie sealed for this pool and not expired; empty for anything else. */
    public Optional<SignedIn> open(String poolId, String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > 4096) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(aead.open(Purpose.SESSION_COOKIE, poolId,
                    Base64.getUrlDecoder().decode(cookie)), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 5 && parts.length != 9 || Long.parseLong(parts[4]) <= clock.instant()
                    .getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(new SignedIn(parts[0], parts[1], Long.parseLong(parts[2]),
                    parts[3].isEmpty() ? List.of() : List.of(parts[3].split(" ")), parts.length == 5 ? null
                            : new SamlSession(parts[5], parts[6], parts[7], parts[8])));
        } catch (CiphertextRejectedException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
