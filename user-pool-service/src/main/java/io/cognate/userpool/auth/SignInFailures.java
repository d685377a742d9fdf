package io.cognate.userpool.auth;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.error.Refusal;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.repository.FailedSignIns;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.service.AppClient;
import io.smallrye.mutiny.Uni;

/**
 * The checks every step of a known user's sign-in makes, and what a wrong proof costs: it counts toward the lockout
 * and leaves a SignInFailed event (recorded without waiting, FailedSignIns), and the step is refused.
 */
@ApplicationScoped
public class SignInFailures {
    private final FailedSignIns failedSignIns;
    private final Outbox outbox;

    public SignInFailures(FailedSignIns failedSignIns, Outbox outbox) {
        this.failedSignIns = failedSignIns;
        this.outbox = outbox;
    }

    /** Refuses a disabled user, and one locked out after wrong passwords (the lockout is not extended). */
    public static void checkCanSignIn(UserEntity user) {
        if (!user.enabled) {
            throw Refusal.USER_DISABLED.exception();
        }
        if (user.lockedUntil != null && Instant.now().isBefore(user.lockedUntil)) {
            throw Refusal.LOCKED_OUT.exception();
        }
    }

    /** An unknown name: with PreventUserExistenceErrors the same answer as a wrong password. */
    public static RuntimeException unknownUser(AppClient client) {
        return (client.preventUserExistenceErrors() ? Refusal.WRONG_CREDENTIALS : Refusal.UNKNOWN_USER).exception();
    }

    /** A wrong password or SRP proof ({@code step}: the flow or challenge it answered). */
    public <T> Uni<T> wrongPassword(UserEntity user, AppClient client, String step) {
        record(user, client, step, "NotAuthorizedException");
        return Uni.createFrom().failure(Refusal.WRONG_CREDENTIALS.exception());
    }

    /** A wrong MFA code; the challenge may be answered again. */
    public <T> Uni<T> wrongCode(UserEntity user, AppClient client, Step step) {
        record(user, client, step.name(), "CodeMismatchException");
        return Uni.createFrom().failure(Refusal.WRONG_MFA_CODE.exception());
    }

    private void record(UserEntity user, AppClient client, String step, String reason) {
        failedSignIns.record(user, outbox.event(UserEventType.SignInFailed, user,
                Map.of("clientId", client.id(), "authFlow", step, "reason", reason)));
    }
}
