package io.cognate.userpool.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.error.Refusal;
import io.cognate.userpool.model.SchemaAttribute;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.UserAttributes;
import io.cognate.userpool.service.UserPool;
import io.cognate.userpool.service.UserStatus;
import io.smallrye.mutiny.Uni;

/**
 * What a proven password leads to, by the user's status: tokens or MFA (a confirmed user), NEW_PASSWORD_REQUIRED (a
 * user with a temporary password), or a refusal (unconfirmed, reset required, temporary password expired).
 */
@ApplicationScoped
public class PasswordProven {
    private final ChallengeSessions sessions;
    private final MfaFlow mfa;

    public PasswordProven(ChallengeSessions sessions, MfaFlow mfa) {
        this.sessions = sessions;
        this.mfa = mfa;
    }

    /**
     * {@code lastStep}: the flow or challenge that proved the password; {@code deviceKey} the one it names;
     * {@code hosted} for a sign-in of the hosted pages.
     */
    Uni<SignInOutcome> next(UserPool pool, AppClient client, UserEntity user, String lastStep, String deviceKey,
            boolean hosted) {
        long now = Instant.now().getEpochSecond();
        if (user.failedSignIns > 0 || user.lockedUntil != null) {
            // Saved with the sign-in's own writes (the SignIn event, or the challenge's answer).
            user.failedSignIns = 0;
            user.lastFailedSignInAt = null;
            user.lockedUntil = null;
        }
        switch (user.status) {
            case UserStatus.UNCONFIRMED -> throw Refusal.USER_NOT_CONFIRMED.exception();
            case UserStatus.RESET_REQUIRED -> throw Refusal.PASSWORD_RESET_REQUIRED.exception();
            case UserStatus.FORCE_CHANGE_PASSWORD -> {
                if (user.temporaryPasswordExpiresAt != null && user.temporaryPasswordExpiresAt.isBefore(Instant.now())) {
                    throw Refusal.TEMPORARY_PASSWORD_EXPIRED.exception();
                }
                return Uni.createFrom().item(newPasswordRequired(pool, client, user, now, hosted));
            }
            default -> {
                return mfa.afterPassword(pool, client, user, now, lastStep, deviceKey, hosted);
            }
        }
    }

    /** NEW_PASSWORD_REQUIRED with the user's attributes and the required ones it lacks. */
    private SignInOutcome newPasswordRequired(UserPool pool, AppClient client, UserEntity user, long authTime,
            boolean hosted) {
        ChallengeState state = ChallengeState.start(Step.NEW_PASSWORD_REQUIRED, pool.id(), client.id(),
                user.sub.toString(), user.username, null, authTime, client.authSessionValidity().toSeconds(), null,
                hosted);
        Map<String, String> attributes = UserAttributes.of(user);
        List<String> required = new ArrayList<>();
        for (SchemaAttribute attribute : pool.schema().values()) {
            if (attribute.required() && !"sub".equals(attribute.name()) && !attributes.containsKey(attribute.name())) {
                required.add("userAttributes." + attribute.name());
            }
        }
        return SignInOutcome.Challenge.of(state, sessions.seal(state), SignInOutcome.Challenge.parameters(
                "requiredAttributes", required, "userAttributes", attributes));
    }
}
