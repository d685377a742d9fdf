package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.CODE_MISMATCH;
import static io.cognate.userpool.error.CognitoError.EXPIRED_CODE;
import static io.cognate.userpool.error.CognitoError.LIMIT_EXCEEDED;
import static io.cognate.userpool.error.CognitoError.TOO_MANY_FAILED_ATTEMPTS;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.crypto.KeyedHash;
import io.cognate.userpool.repository.UserCodeEntity;
import io.cognate.userpool.repository.UserCodeRepository;
import io.cognate.userpool.repository.UserEntity;
import io.smallrye.mutiny.Uni;

/**
 * Six-digit one-time codes: one live code per user and purpose, kept only as a keyed hash, single use. As in Cognito,
 * a user gets at most {@link #MAX_SENDS_PER_HOUR} codes of a purpose an hour (LimitExceededException), and a code
 * survives {@link #MAX_FAILED_ATTEMPTS} wrong guesses (then TooManyFailedAttemptsException until a new one is sent).
 */
@ApplicationScoped
public class ConfirmationCodes {
    public static final String SIGN_UP = "SIGN_UP";
    public static final String FORGOT_PASSWORD = "FORGOT_PASSWORD";
    /** EMAIL_OTP and SMS_MFA sign-in codes: sent at every sign-in, so not under the hourly limit. */
    public static final String MFA_EMAIL = "MFA_EMAIL";
    public static final String MFA_SMS = "MFA_SMS";
    static final int MAX_SENDS_PER_HOUR = 5;
    static final int MAX_FAILED_ATTEMPTS = 5;
    private static final Duration SEND_WINDOW = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserCodeRepository codes;
    private final KeyedHash hashes;

    public ConfirmationCodes(UserCodeRepository codes, KeyedHash hashes) {
        this.codes = codes;
        this.hashes = hashes;
    }

    /** Replaces any live code of that purpose with a new one, in the caller's transaction; returns the code. */
    public Uni<String> issue(UserEntity user, String purpose, Duration ttl) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant now = Instant.now();
        return codes.find(user.poolId, user.sub, purpose).chain(existing -> {
            UserCodeEntity entity = existing;
            if (entity == null) {
                entity = new UserCodeEntity();
                entity.id = UUID.randomUUID();
                entity.poolId = user.poolId;
                entity.sub = user.sub;
                entity.purpose = purpose;
            }
            if (existing != null && existing.windowStartedAt.plus(SEND_WINDOW).isAfter(now)) {
                if (existing.sends >= MAX_SENDS_PER_HOUR && !MFA_EMAIL.equals(purpose) && !MFA_SMS.equals(purpose)) {
                    throw LIMIT_EXCEEDED.withMessage("Attempt limit exceeded, please try after some time.");
                }
                entity.sends++;
            } else {
                entity.windowStartedAt = now;
                entity.sends = 1;
            }
            entity.codeHash = hashes.hash(scope(user, purpose), code);
            entity.attempts = 0;
            entity.createdAt = now;
            entity.expiresAt = now.plus(ttl);
            return codes.persist(entity);
        }).replaceWith(code);
    }

    /**
     * Consumes the code, or fails as Cognito does: ExpiredCodeException (none live), CodeMismatchException (wrong;
     * counted even though the request fails), TooManyFailedAttemptsException (too many wrong ones).
     */
    public Uni<Void> consume(UserEntity user, String purpose, String code) {
        return codes.find(user.poolId, user.sub, purpose).chain(entity -> {
            if (entity == null || entity.expiresAt.isBefore(Instant.now())) {
                throw EXPIRED_CODE.withMessage("Invalid code provided, please request a code again.");
            }
            if (entity.attempts >= MAX_FAILED_ATTEMPTS) {
                throw TOO_MANY_FAILED_ATTEMPTS.withMessage(
                        "Too many failed attempts with this code, please request a code again.");
            }
            if (!hashes.matches(scope(user, purpose), code, entity.codeHash)) {
                return codes.countFailedAttempt(entity.id).chain(() -> Uni.createFrom().failure(
                        CODE_MISMATCH.withMessage("Invalid verification code provided, please try again.")));
            }
            // Spent: marked expired rather than deleted, so the hourly send count still holds.
            entity.expiresAt = Instant.EPOCH;
            return codes.persist(entity).replaceWithVoid();
        });
    }

    private static String scope(UserEntity user, String purpose) {
        return user.poolId + "/" + user.sub + "/" + purpose;
    }
}
