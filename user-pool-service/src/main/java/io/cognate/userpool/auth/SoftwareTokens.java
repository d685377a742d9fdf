package io.cognate.userpool.auth;

import static io.cognate.userpool.api.CognitoError.ENABLE_SOFTWARE_TOKEN_MFA;
import static io.cognate.userpool.api.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.api.CognitoError.NOT_AUTHORIZED;
import static io.cognate.userpool.api.CognitoError.SOFTWARE_TOKEN_MFA_NOT_FOUND;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.crypto.Aead;
import io.cognate.crypto.KeyRing;
import io.cognate.crypto.Purpose;
import io.cognate.userpool.api.Json;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.cognate.userpool.service.AccessTokens;
import io.cognate.userpool.service.UserMfa;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * AssociateSoftwareToken and VerifySoftwareToken: a TOTP secret for an authenticator app, sealed with the KEK at rest.
 * Called with an access token (a signed-in user adding TOTP) or with the Session of an MFA_SETUP challenge (a user
 * whose pool requires MFA and who has no factor yet); the Session goes through the steps MFA_SETUP, then
 * {@link #ASSOCIATED}, then {@link #VERIFIED}, which RespondToAuthChallenge MFA_SETUP finally answers.
 */
@ApplicationScoped
public class SoftwareTokens {
    static final String ASSOCIATED = "MFA_SETUP/ASSOCIATED";
    static final String VERIFIED = "MFA_SETUP/VERIFIED";

    private final AccessTokens accessTokens;
    private final ChallengeSessions sessions;
    private final UserRepository users;
    private final Aead aead;

    public SoftwareTokens(AccessTokens accessTokens, ChallengeSessions sessions, UserRepository users, Aead aead) {
        this.accessTokens = accessTokens;
        this.sessions = sessions;
        this.users = users;
        this.aead = aead;
    }

    public Uni<ObjectNode> associate(Params request) {
        String accessToken = request.optional("AccessToken", 1, 16384);
        String session = request.optional("Session", 20, 2048);
        requireOne(accessToken, session);
        byte[] secret = KeyRing.randomBytes(Totp.SECRET_BYTES);
        ObjectNode response = Json.object().put("SecretCode", Totp.base32(secret));
        if (accessToken != null) {
            return Panache.withTransaction(() -> accessTokens.authenticate(accessToken)
                    .chain(caller -> storePending(caller.user(), secret))).replaceWith(response);
        }
        return Panache.withTransaction(() -> sessions.consume(session, "MFA_SETUP", null).chain(challenge -> user(
                challenge).chain(user -> storePending(user, secret)).replaceWith(
                        () -> response.put("Session",
                                sessions.seal(challenge.next(ASSOCIATED, sessions.expiry()))))));
    }

    public Uni<ObjectNode> verify(Params request) {
        String accessToken = request.optional("AccessToken", 1, 16384);
        String session = request.optional("Session", 20, 2048);
        String code = request.required("UserCode", 6, 6);
        request.optional("FriendlyDeviceName", 1, 131072);
        requireOne(accessToken, session);
        if (accessToken != null) {
            return Panache.withTransaction(() -> accessTokens.authenticate(accessToken)
                    .chain(caller -> confirm(caller.user(), code, false))).replaceWith(success());
        }
        return Panache.withTransaction(() -> sessions.consume(session, ASSOCIATED, null)
                .chain(challenge -> user(challenge).chain(user -> confirm(user, code, true))
                        .replaceWith(() -> success().put("Session",
                                sessions.seal(challenge.next(VERIFIED, sessions.expiry()))))));
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

    private Uni<UserEntity> user(Challenge challenge) {
        return users.findBySub(challenge.poolId(), UUID.fromString(challenge.sub())).map(user -> {
            if (user == null || !user.enabled) {
                throw NOT_AUTHORIZED.withMessage("Invalid session for the user.");
            }
            return user;
        });
    }

    private static String context(UserEntity user) {
        return user.poolId + "/" + user.sub;
    }

    private static ObjectNode success() {
        return Json.object().put("Status", "SUCCESS");
    }

    private static void requireOne(String accessToken, String session) {
        if ((accessToken == null) == (session == null)) {
            throw INVALID_PARAMETER.withMessage("Exactly one of AccessToken and Session must be given.");
        }
    }
}
