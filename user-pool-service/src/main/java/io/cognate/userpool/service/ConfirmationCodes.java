package io.cognate.userpool.service;

import static io.cognate.userpool.api.CognitoError.CODE_MISMATCH;
import static io.cognate.userpool.api.CognitoError.EXPIRED_CODE;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.crypto.Kek;
import io.cognate.userpool.repository.UserCodeEntity;
import io.cognate.userpool.repository.UserCodeRepository;
import io.cognate.userpool.repository.UserEntity;
import io.smallrye.mutiny.Uni;

/** Six-digit one-time codes: one live code per user and purpose, kept only as a keyed hash, single use. */
@ApplicationScoped
public class ConfirmationCodes {
    public static final String SIGN_UP = "SIGN_UP";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserCodeRepository codes;
    private final Kek kek;

    public ConfirmationCodes(UserCodeRepository codes, Kek kek) {
        this.codes = codes;
        this.kek = kek;
    }

    /** Replaces any live code of that purpose with a new one, in the caller's transaction; returns the code. */
    public Uni<String> issue(UserEntity user, String purpose, Duration ttl) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        UserCodeEntity entity = new UserCodeEntity();
        entity.id = UUID.randomUUID();
        entity.poolId = user.poolId;
        entity.sub = user.sub;
        entity.purpose = purpose;
        entity.codeHash = kek.codeHash(scope(user, purpose), code);
        entity.createdAt = Instant.now();
        entity.expiresAt = entity.createdAt.plus(ttl);
        return codes.deleteCode(user.poolId, user.sub, purpose).chain(() -> codes.getSession())
                .chain(session -> session.flush()).chain(() -> codes.persist(entity)).replaceWith(code);
    }

    /** Consumes the code, or fails with CodeMismatchException / ExpiredCodeException as Cognito does. */
    public Uni<Void> consume(UserEntity user, String purpose, String code) {
        return codes.find(user.poolId, user.sub, purpose).chain(entity -> {
            if (entity == null || entity.expiresAt.isBefore(Instant.now())) {
                throw EXPIRED_CODE.withMessage("Invalid code provided, please request a code again.");
            }
            if (!MessageDigest.isEqual(entity.codeHash, kek.codeHash(scope(user, purpose), code))) {
                throw CODE_MISMATCH.withMessage("Invalid verification code provided, please try again.");
            }
            return codes.delete(entity);
        });
    }

    private static String scope(UserEntity user, String purpose) {
        return user.poolId + "/" + user.sub + "/" + purpose;
    }
}
