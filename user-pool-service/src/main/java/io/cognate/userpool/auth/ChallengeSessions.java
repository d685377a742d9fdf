package io.cognate.userpool.auth;

import static io.cognate.userpool.api.CognitoError.NOT_AUTHORIZED;

import java.time.Instant;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.crypto.Aead;
import io.cognate.crypto.CiphertextRejectedException;
import io.cognate.crypto.Purpose;
import io.cognate.userpool.api.Json;
import io.cognate.userpool.config.CognateConfig;
import io.cognate.userpool.repository.ConsumedChallengeRepository;
import io.smallrye.mutiny.Uni;

/** Seals challenges into opaque, expiring blobs (AES-GCM under a KEK-derived key) and enforces single use. */
@ApplicationScoped
public class ChallengeSessions {
    private final Aead aead;
    private final ConsumedChallengeRepository consumed;
    private final long ttlSeconds;

    public ChallengeSessions(Aead aead, ConsumedChallengeRepository consumed, CognateConfig config) {
        this.aead = aead;
        this.consumed = consumed;
        this.ttlSeconds = config.challengeTtl().toSeconds();
    }

    public long expiry() {
        return Instant.now().getEpochSecond() + ttlSeconds;
    }

    public String seal(Challenge challenge) {
        try {
            return Base64.getEncoder().encodeToString(aead.seal(Purpose.CHALLENGE_SESSION, "",
                    Json.MAPPER.writeValueAsBytes(challenge)));
        } catch (Exception e) {
            throw new IllegalStateException("challenge could not be sealed", e);
        }
    }

    /**
     * Opens a blob for the expected challenge and client and consumes it; any blob that is not a live, unused
     * challenge of this client is NotAuthorizedException (call inside a session).
     */
    public Uni<Challenge> consume(String sealed, String expectedName, String clientId) {
        return markAnswered(check(sealed, expectedName, clientId));
    }

    /**
     * Opens a blob for the expected challenge without consuming it (a wrong MFA code may be retried); a null
     * {@code clientId} accepts any client (AssociateSoftwareToken and VerifySoftwareToken name none).
     */
    public Challenge check(String sealed, String expectedName, String clientId) {
        return valid(open(sealed), expectedName, clientId);
    }

    private static Challenge valid(Challenge challenge, String expectedName, String clientId) {
        if (challenge == null || !challenge.name().equals(expectedName)
                || (clientId != null && !challenge.clientId().equals(clientId))) {
            throw NOT_AUTHORIZED.withMessage("Invalid session for the user.");
        }
        if (challenge.expired()) {
            throw NOT_AUTHORIZED.withMessage("Invalid session for the user, session is expired.");
        }
        return challenge;
    }

    /**
     * DEVICE_SRP_AUTH's Session: the DEVICE_SRP_AUTH challenge, consumed. amazon-cognito-identity-js sends instead the
     * Session of the MFA challenge whose answer led to DEVICE_SRP_AUTH (it keeps no later one); that is accepted too,
     * once, and only after a right answer consumed it and only for the device it names.
     */
    public Uni<Challenge> consumeDeviceStep(String sealed, String clientId) {
        Challenge challenge = open(sealed);
        if (challenge == null || !MfaFlow.CODE_CHALLENGES.contains(challenge.name()) || challenge.deviceKey() == null) {
            return markAnswered(valid(challenge, MfaFlow.DEVICE_SRP_AUTH, clientId));
        }
        Challenge answered = valid(challenge, challenge.name(), clientId);
        return consumed.isConsumed(answered.id()).chain(rightlyAnswered -> {
            if (!rightlyAnswered) {
                throw NOT_AUTHORIZED.withMessage("Invalid session for the user.");
            }
            return markAnswered(answered.deviceStep(answered.expiresAt()));
        });
    }

    /** Fails as {@link #markAnswered} does if the challenge was answered already, without answering it. */
    public Uni<Challenge> requireUnanswered(Challenge challenge) {
        return consumed.isConsumed(challenge.id()).map(answered -> {
            if (answered) {
                throw NOT_AUTHORIZED.withMessage("Invalid session for the user, session can only be used once.");
            }
            return challenge;
        });
    }

    /** Records that the challenge was answered; a second answer is NotAuthorizedException, on any replica. */
    public Uni<Challenge> markAnswered(Challenge challenge) {
        return consumed.consume(challenge.id(), Instant.ofEpochSecond(challenge.expiresAt())).map(first -> {
            if (!first) {
                throw NOT_AUTHORIZED.withMessage("Invalid session for the user, session can only be used once.");
            }
            return challenge;
        });
    }

    private Challenge open(String sealed) {
        if (sealed == null || sealed.isEmpty()) {
            return null;
        }
        try {
            byte[] plain = aead.open(Purpose.CHALLENGE_SESSION, "", Base64.getDecoder().decode(sealed));
            return Json.MAPPER.readValue(plain, Challenge.class);
        } catch (CiphertextRejectedException | IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }
}
