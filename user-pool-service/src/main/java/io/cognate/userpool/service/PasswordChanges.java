package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.PASSWORD_HISTORY_POLICY_VIOLATION;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.credentials.PasswordVerifiers;
import io.cognate.userpool.repository.PasswordHistoryRepository;
import io.cognate.userpool.repository.UserEntity;
import io.smallrye.mutiny.Uni;

/**
 * A user's new password (ChangePassword, ConfirmForgotPassword, AdminSetUserPassword, NEW_PASSWORD_REQUIRED): checked
 * against the pool's policy, its leaked-password check, and its PasswordHistorySize (not the current password nor
 * any of the n-1 before it), then set; the replaced one joins the history.
 */
@ApplicationScoped
public class PasswordChanges {
    /** Cognito's largest PasswordHistorySize. */
    static final int MAX_HISTORY = 24;

    private final PasswordVerifiers passwords;
    private final PasswordHistoryRepository history;

    public PasswordChanges(PasswordVerifiers passwords, PasswordHistoryRepository history) {
        this.passwords = passwords;
        this.history = history;
    }

    /** Sets the password on {@code user} (the caller persists it), in the caller's transaction. */
    public Uni<Void> set(UserPool pool, UserEntity user, String password) {
        pool.checkNewPassword(password, "PASSWORD_CHANGE");
        int size = pool.passwordPolicy().historySize();
        if (size == 0 || !passwords.hasPassword(user)) {
            passwords.set(user, password);
            return Uni.createFrom().voidItem();
        }
        if (passwords.matches(user, password)) {
            return Uni.createFrom().failure(reused());
        }
        return history.newest(user.poolId, user.sub, size - 1).chain(earlier -> {
            if (earlier.stream().anyMatch(entry -> passwords.matchesEarlier(user, entry, password))) {
                throw reused();
            }
            var replaced = passwords.asEarlier(user);
            passwords.set(user, password);
            user.updatedAt = Instant.now();
            return history.persist(replaced).chain(() -> history.trim(user.poolId, user.sub, MAX_HISTORY));
        });
    }

    private static RuntimeException reused() {
        return PASSWORD_HISTORY_POLICY_VIOLATION.withMessage("The password matches a previous password and doesn't "
                + "comply with the password-history policy.");
    }
}
