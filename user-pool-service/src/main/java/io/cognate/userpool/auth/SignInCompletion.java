package io.cognate.userpool.auth;

import static io.cognate.userpool.api.CognitoError.NOT_AUTHORIZED;
import static io.cognate.userpool.api.CognitoError.PASSWORD_RESET_REQUIRED;
import static io.cognate.userpool.api.CognitoError.USER_NOT_CONFIRMED;
import static io.cognate.userpool.api.CognitoError.USER_NOT_FOUND;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.CognitoError;
import io.cognate.userpool.api.CognitoException;
import io.cognate.userpool.api.Json;
import io.cognate.userpool.repository.CallerContext;
import io.cognate.userpool.repository.FailedSignIns;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.SchemaAttribute;
import io.cognate.userpool.service.UserAttributes;
import io.cognate.userpool.service.UserPool;
import io.cognate.userpool.service.UserStatus;
import io.smallrye.mutiny.Uni;

/** What every password flow does around the proof: the checks before it, and what a proven password leads to. */
@ApplicationScoped
public class SignInCompletion {
    public static final String WRONG_CREDENTIALS = "Incorrect username or password.";
    /** Above this service's p99 for a failed sign-in on an idle core (deploy/bench/RESULTS.md, timing section). */
    static final Duration REFUSAL_FLOOR = Duration.ofMillis(15);
    /**
     * How long before the floor the timer wakes, to spin the rest: more than an idle core takes to wake. It costs that
     * much CPU per refusal, on the timer's one thread (bounded by the sign-in rate limits).
     */
    static final Duration FLOOR_SPIN = Duration.ofNanos(1_000_000);
    private static final ScheduledExecutorService FLOOR_TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "refusal-floor");
        thread.setDaemon(true);
        return thread;
    });

    private final ChallengeSessions sessions;
    private final FailedSignIns failedSignIns;
    private final MfaFlow mfa;

    public SignInCompletion(ChallengeSessions sessions, FailedSignIns failedSignIns, MfaFlow mfa) {
        this.mfa = mfa;
        this.sessions = sessions;
        this.failedSignIns = failedSignIns;
    }

    /**
     * "Incorrect username or password." is answered no sooner than {@link #REFUSAL_FLOOR} after the request arrived:
     * the work behind it differs a little between an unknown user and a wrong password (a row read and decrypted, a
     * failure to record), and a patient prober could measure that; held to the floor, only timer noise remains. No
     * thread waits: the answer is scheduled. Applied by the API endpoint to every action, and with
     * {@code answersToo} to the first step of USER_SRP_AUTH, whose answer (a real or a decoy challenge) is a success
     * either way.
     */
    public static <T> Uni<T> atFloor(Uni<T> attempt, long arrivedNanos, boolean answersToo) {
        Uni<T> refusals = attempt.onFailure(SignInCompletion::isWrongCredentials)
                .call(failure -> floor(arrivedNanos, FLOOR_SPIN.toNanos()));
        // No spin for SRP's first answer: its work is the same for a real and a decoy challenge (measured), and every
        // sign-in, not only a refused one, would pay for it.
        return answersToo ? refusals.call(answer -> floor(arrivedNanos, 0)) : refusals;
    }

    private static Uni<Void> floor(long arrivedNanos, long spinNanos) {
        long deadline = arrivedNanos + REFUSAL_FLOOR.toNanos();
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return Uni.createFrom().voidItem();
        }
        // Neither a Vert.x timer nor Mutiny's delayIt: both count whole milliseconds (delayIt drops the rest), which
        // would leave the sub-millisecond part of the work's duration in the answer's timing. For a refusal the timer
        // wakes FLOOR_SPIN early and spins to the deadline: how late an idle core wakes depends on how long it has
        // idled, so a shorter piece of work (an unknown user's) would otherwise still show, as a later answer.
        Uni<Void> elapsed = Uni.createFrom().emitter(emitter -> {
            ScheduledFuture<?> timer = FLOOR_TIMER.schedule(() -> {
                while (System.nanoTime() - deadline < 0) {
                    Thread.onSpinWait();
                }
                emitter.complete(null);
            }, Math.max(0, remaining - spinNanos), TimeUnit.NANOSECONDS);
            emitter.onTermination(() -> timer.cancel(false));
        });
        return CallerContext.resumeOnCaller(elapsed);
    }

    private static boolean isWrongCredentials(Throwable failure) {
        return failure instanceof CognitoException refusal && refusal.error() == CognitoError.NOT_AUTHORIZED
                && WRONG_CREDENTIALS.equals(refusal.getMessage());
    }

    /** An unknown name: with PreventUserExistenceErrors the same answer as a wrong password. */
    CognitoException unknownUser(AppClient client) {
        return client.preventUserExistenceErrors() ? NOT_AUTHORIZED.withMessage(WRONG_CREDENTIALS)
                : USER_NOT_FOUND.withMessage("User does not exist.");
    }

    static void checkEnabled(UserEntity user) {
        if (!user.enabled) {
            throw NOT_AUTHORIZED.withMessage("User is disabled.");
        }
    }

    /** Refuses a sign-in while the user is locked out after wrong passwords; the lockout is not extended. */
    static void checkNotLockedOut(UserEntity user) {
        if (user.lockedUntil != null && Instant.now().isBefore(user.lockedUntil)) {
            throw NOT_AUTHORIZED.withMessage("Password attempts exceeded");
        }
    }

    /** Counts the failure toward the lockout and records its event (without waiting), and fails. */
    <T> Uni<T> wrongPassword(UserEntity user, AppClient client, String authFlow) {
        failedSignIns.record(user, Map.of("clientId", client.id(), "authFlow", authFlow, "reason",
                "NotAuthorizedException"));
        return Uni.createFrom().failure(NOT_AUTHORIZED.withMessage(WRONG_CREDENTIALS));
    }

    /** After the password is proven: tokens, or the challenge or error the user's status calls for. */
    Uni<ObjectNode> passwordProven(UserPool pool, AppClient client, UserEntity user, String authFlow,
            String deviceKey) {
        long now = Instant.now().getEpochSecond();
        if (user.failedSignIns > 0 || user.lockedUntil != null) {
            // Saved with the sign-in's own writes (the SignIn event, or the challenge's answer).
            user.failedSignIns = 0;
            user.lastFailedSignInAt = null;
            user.lockedUntil = null;
        }
        switch (user.status) {
            case UserStatus.UNCONFIRMED -> throw USER_NOT_CONFIRMED.withMessage("User is not confirmed.");
            case UserStatus.RESET_REQUIRED -> throw PASSWORD_RESET_REQUIRED.withMessage("Password reset required for the user");
            case UserStatus.FORCE_CHANGE_PASSWORD -> {
                if (user.temporaryPasswordExpiresAt != null && user.temporaryPasswordExpiresAt.isBefore(Instant.now())) {
                    throw NOT_AUTHORIZED.withMessage(
                            "Temporary password has expired and must be reset by an administrator.");
                }
                return Uni.createFrom().item(newPasswordRequired(pool, client, user, now));
            }
            default -> {
                return mfa.afterPassword(pool, client, user, now, authFlow, deviceKey);
            }
        }
    }

    private ObjectNode newPasswordRequired(UserPool pool, AppClient client, UserEntity user, long authTime) {
        Challenge challenge = new Challenge(UUID.randomUUID().toString(), "NEW_PASSWORD_REQUIRED", pool.id(),
                client.id(), user.sub.toString(), user.username, null, null, null, authTime, sessions.expiry(), null);
        Map<String, String> attributes = UserAttributes.of(user);
        ArrayNode required = Json.array();
        for (SchemaAttribute attribute : pool.schema().values()) {
            if (attribute.required() && !"sub".equals(attribute.name()) && !attributes.containsKey(attribute.name())) {
                required.add("userAttributes." + attribute.name());
            }
        }
        ObjectNode userAttributes = Json.object();
        attributes.forEach(userAttributes::put);
        ObjectNode response = Json.object().put("ChallengeName", "NEW_PASSWORD_REQUIRED")
                .put("Session", sessions.seal(challenge));
        response.putObject("ChallengeParameters").put("USER_ID_FOR_SRP", user.username)
                .put("requiredAttributes", Json.write(required)).put("userAttributes", Json.write(userAttributes));
        return response;
    }
}
