package io.cognate.userpool.auth;

import static io.cognate.userpool.error.CognitoError.ENABLE_SOFTWARE_TOKEN_MFA;
import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.error.CognitoError.SOFTWARE_TOKEN_MFA_NOT_FOUND;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.crypto.Aead;
import io.cognate.crypto.KeyRing;
import io.cognate.crypto.Purpose;
import io.cognate.database.rows.Transactions;
import io.cognate.userpool.credentials.Totp;
import io.cognate.userpool.error.Refusal;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.cognate.userpool.service.AccessTokens;
import io.cognate.userpool.service.UserMfa;
import io.smallrye.mutiny.Uni;

/**
 * AssociateSoftwareToken and VerifySoftwareToken: a TOTP secret for an authenticator app, sealed with the KEK at rest.
 * Called with an access token (a signed-in user adding TOTP) or with the Session of an MFA_SETUP challenge (a user
 * whose pool requires MFA and who has no factor yet); the Session goes through the steps MFA_SETUP, then
 * MFA_SETUP_ASSOCIATED, then MFA_SETUP_VERIFIED, which RespondToAuthChallenge MFA_SETUP finally answers.
 */
@ApplicationScoped
public class SoftwareTokens {
    private final AccessTokens accessTokens;
    private final ChallengeSessions sessions;
    private final UserRepository users;
    private final Aead aead;

    private final Transactions transactions;

    public SoftwareTokens(AccessTokens accessTokens, ChallengeSessions sessions, UserRepository users, Aead aead,
            Transactions transactions) {
        this.transactions = transactions;
        this.accessTokens = accessTokens;
        this.sessions = sessions;
        this.users = users;
        this.aead = aead;
    }

    /** AssociateSoftwareToken's answer: the secret (base32) and, when called with a Session, the next Session. */
    public record Association(String secretCode, String session) {
    }

    /** AssociateSoftwareToken, with exactly one of an access token and an MFA_SETUP Session. */
    public Uni<Association> associate(String accessToken, String session) {
        requireOne(accessToken, session);
        byte[] secret = KeyRing.randomBytes(Totp.SECRET_BYTES);
        String code = Totp.base32(secret);
        if (accessToken != null) {
            return transactions.transaction(() -> accessTokens.authenticate(accessToken)
                    .chain(caller -> storePending(caller.user(), secret))).replaceWith(new Association(code, null));
        }
        return transactions.transaction(() -> sessions.consume(session, Step.MFA_SETUP, null).chain(state -> user(state)
                .chain(user -> storePending(user, secret))
                .replaceWith(() -> new Association(code, sessions.seal(state.next(Step.MFA_SETUP_ASSOCIATED))))));
    }

    /**
     * VerifySoftwareToken, with exactly one of an access token and the Session AssociateSoftwareToken answered; its
     * answer is SUCCESS and, with a Session, the Session that RespondToAuthChallenge MFA_SETUP takes (else null).
     */
    public Uni<String> verify(String accessToken, String session, String code) {
        requireOne(accessToken, session);
        if (accessToken != null) {
            return transactions.transaction(() -> accessTokens.authenticate(accessToken)
                    .chain(caller -> confirm(caller.user(), code, false))).replaceWith((String) null);
        }
        return transactions.transaction(() -> sessions.consume(session, Step.MFA_SETUP_ASSOCIATED, null)
                .chain(state -> user(state).chain(user -> confirm(user, code, true))
                        .replaceWith(() -> sessions.seal(state.next(Step.MFA_SETUP_VERIFIED)))));
    }

    /** The TOTP code's step, if it is a fresh code of the user's verified secret. */
    OptionalLong match(UserEntity user, String code) {
        if (user.totpSecret == null) {
            return OptionalLong.empty();
        }
        byte[] secret = aead.open(Purpose.TOTP_SECRET, context(user), user.totpSecret);
        return Totp.match(secret, code, Totp.step(Instant.now().getEpochSecond()), user.totpLastStep);
    }

    private Uni<Void> storePending(UserEntity user, byte[] secret) {
        user.totpPendingSecret = aead.seal(Purpose.TOTP_SECRET, context(user), secret);
        user.updatedAt = Instant.now();
        return users.persist(user).replaceWithVoid();
    }

    /**
     * Makes the pending secret the user's verified one. Through MFA_SETUP it also becomes the enabled, preferred
     * factor (the pool requires MFA); with an access token the user enables it with SetUserMFAPreference.
     */
    private Uni<Void> confirm(UserEntity user, String code, boolean enable) {
        if (user.totpPendingSecret == null) {
            throw SOFTWARE_TOKEN_MFA_NOT_FOUND.withMessage("No software token has been associated with the user; "
                    + "call AssociateSoftwareToken first.");
        }
        byte[] secret = aead.open(Purpose.TOTP_SECRET, context(user), user.totpPendingSecret);
        OptionalLong step = Totp.match(secret, code, Totp.step(Instant.now().getEpochSecond()), 0);
        if (step.isEmpty()) {
            throw ENABLE_SOFTWARE_TOKEN_MFA.withMessage("Code mismatch and fail enable Software Token MFA");
        }
        user.totpSecret = user.totpPendingSecret;
        user.totpPendingSecret = null;
        user.totpLastStep = step.getAsLong();
        if (enable) {
            UserMfa.setEnabled(user, UserMfa.SOFTWARE_TOKEN, true);
            user.mfaPreferred = UserMfa.SOFTWARE_TOKEN;
        }
        user.updatedAt = Instant.now();
        return users.persist(user).replaceWithVoid();
    }

    private Uni<UserEntity> user(ChallengeState state) {
        return users.findBySub(state.poolId(), UUID.fromString(state.sub())).map(user -> {
            if (user == null || !user.enabled) {
                throw Refusal.INVALID_SESSION.exception();
            }
            return user;
        });
    }

    private static String context(UserEntity user) {
        return user.poolId + "/" + user.sub;
    }

    private static void requireOne(String accessToken, String session) {
        if ((accessToken == null) == (session == null)) {
            throw INVALID_PARAMETER.withMessage("Exactly one of AccessToken and Session must be given.");
        }
    }
}
