package io.cognate.userpool.auth;

import java.io.IOException;
import java.time.Instant;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.crypto.Aead;
import io.cognate.crypto.CiphertextRejectedException;
import io.cognate.crypto.Purpose;
import io.cognate.userpool.error.Refusal;
import io.cognate.userpool.repository.ConsumedChallengeRepository;
import io.smallrye.mutiny.Uni;

/**
 * Seals sign-in states into opaque, expiring Sessions (libs/crypto, purpose CHALLENGE_SESSION) and enforces single
 * use: a Session answered once is refused after, on any replica.
 */
@ApplicationScoped
public class ChallengeSessions {
    private final Aead aead;
    private final ConsumedChallengeRepository consumed;

    public ChallengeSessions(Aead aead, ConsumedChallengeRepository consumed) {
        this.aead = aead;
        this.consumed = consumed;
    }

    public String seal(ChallengeState state) {
        return Base64.getEncoder().encodeToString(aead.seal(Purpose.CHALLENGE_SESSION, "", state.encode()));
    }

    /**
     * Opens a Session for the expected step and client and consumes it; any Session that is not a live, unused state
     * of this client at that step is refused (call inside a session).
     */
    public Uni<ChallengeState> consume(String sealed, Step expected, String clientId) {
        return markAnswered(check(sealed, expected, clientId));
    }

    /**
     * Opens a Session for the expected step without consuming it (a wrong MFA code may be retried); a null
     * {@code clientId} accepts any client (AssociateSoftwareToken and VerifySoftwareToken name none).
     */
    public ChallengeState check(String sealed, Step expected, String clientId) {
        return valid(open(sealed), expected, clientId);
    }

    private static ChallengeState valid(ChallengeState state, Step expected, String clientId) {
        if (state == null || state.step() != expected || (clientId != null && !state.clientId().equals(clientId))) {
            throw Refusal.INVALID_SESSION.exception();
        }
        if (state.expired()) {
            throw Refusal.SESSION_EXPIRED.exception();
        }
        return state;
    }

    /**
     * DEVICE_SRP_AUTH's Session: the DEVICE_SRP_AUTH state, consumed. amazon-cognito-identity-js sends instead the
     * Session of the MFA challenge whose answer led to DEVICE_SRP_AUTH (it keeps no later one); that is accepted too,
     * once, and only after a right answer consumed it and only for the device it names.
     */
    public Uni<ChallengeState> consumeDeviceStep(String sealed, String clientId) {
        ChallengeState state = open(sealed);
        if (state == null || !state.step().answeredByCode() || state.deviceKey() == null) {
            return markAnswered(valid(state, Step.DEVICE_SRP_AUTH, clientId));
        }
        ChallengeState answered = valid(state, state.step(), clientId);
        return consumed.isConsumed(answered.id()).chain(rightlyAnswered -> {
            if (!rightlyAnswered) {
                throw Refusal.INVALID_SESSION.exception();
            }
            return markAnswered(answered.deviceStep());
        });
    }

    /** Fails as {@link #markAnswered} does if the step was answered already, without answering it. */
    public Uni<ChallengeState> requireUnanswered(ChallengeState state) {
        return consumed.isConsumed(state.id()).map(answered -> {
            if (answered) {
                throw Refusal.SESSION_USED.exception();
            }
            return state;
        });
    }

    /** Records that the step was answered; a second answer is refused, on any replica. */
    public Uni<ChallengeState> markAnswered(ChallengeState state) {
        return consumed.consume(state.id(), Instant.ofEpochSecond(state.expiresAt())).map(first -> {
            if (!first) {
                throw Refusal.SESSION_USED.exception();
            }
            return state;
        });
    }

    private ChallengeState open(String sealed) {
        if (sealed == null || sealed.isEmpty()) {
            return null;
        }
        try {
            return ChallengeState.decode(aead.open(Purpose.CHALLENGE_SESSION, "", Base64.getDecoder().decode(sealed)));
        } catch (CiphertextRejectedException | IllegalArgumentException | IOException e) {
            return null;
        }
    }
}
