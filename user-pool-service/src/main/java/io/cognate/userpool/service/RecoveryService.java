package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.CODE_MISMATCH;
import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.error.CognitoError.NOT_AUTHORIZED;
import static io.cognate.userpool.error.CognitoError.USER_NOT_FOUND;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.model.CodeDeliveryDetails;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.cognate.userpool.triggers.PoolCall;
import io.cognate.userpool.triggers.Triggers;
import io.smallrye.mutiny.Uni;

/**
 * Account recovery: ForgotPassword and ConfirmForgotPassword, and AdminResetUserPassword. The code goes to the
 * first contact the pool's AccountRecoverySetting allows that the user has verified; it is valid for an hour.
 */
@ApplicationScoped
public class RecoveryService {
    private static final Duration CODE_TTL = Duration.ofHours(1);
    private static final String NO_RECOVERY_CONTACT = "Cannot reset password for the user as there is no "
            + "registered/verified email or phone_number";

    private final AppClientService clients;
    private final UserPoolService pools;
    private final UserLookup lookup;
    private final UserRepository users;
    private final PasswordChanges passwordChanges;
    private final ConfirmationCodes codes;
    private final CodeDelivery delivery;
    private final Outbox outbox;
    private final Triggers triggers;
    private final UserMigration migration;
    private final Transactions transactions;

    public RecoveryService(AppClientService clients, UserPoolService pools, UserLookup lookup, UserRepository users,
            PasswordChanges passwordChanges, ConfirmationCodes codes, CodeDelivery delivery, Outbox outbox,
            Triggers triggers, UserMigration migration, Transactions transactions) {
        this.migration = migration;
        this.triggers = triggers;
        this.clients = clients;
        this.pools = pools;
        this.lookup = lookup;
        this.users = users;
        this.passwordChanges = passwordChanges;
        this.codes = codes;
        this.delivery = delivery;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /** ForgotPassword; a name the pool does not know goes to the UserMigration trigger, if the pool has one. */
    public Uni<CodeDeliveryDetails> forgotPassword(String clientId, String username, String secretHash,
            Map<String, String> clientMetadata) {
        return transactions.transaction(() -> clients.requireById(clientId).chain(client -> {
            AppClientService.checkSecretHash(client, username, secretHash);
            return pools.require(client.poolId()).chain(pool -> lookup.find(pool, username).chain(user -> {
                if (user == null && UserMigration.configured(pool)) {
                    return migration.forgotPassword(pool, client, username, clientMetadata)
                            .chain(migrated -> sendCode(pool, pool.triggerCall(client.id(), clientMetadata),
                                    migrated));
                }
                if (user == null) {
                    if (client.preventUserExistenceErrors()) {
                        // Answer as if the user existed, so the call reveals nothing about who has an account.
                        return Uni.createFrom().item(CodeDeliveryDetails.decoy(username));
                    }
                    throw USER_NOT_FOUND.withMessage("Username/client id combination not found.");
                }
                if (!user.enabled) {
                    throw NOT_AUTHORIZED.withMessage("User is disabled.");
                }
                return sendCode(pool, pool.triggerCall(client.id(), clientMetadata), user);
            }));
        }));
    }

    public Uni<Void> confirmForgotPassword(String clientId, String username, String code, String password,
            String secretHash, Map<String, String> clientMetadata) {
        return transactions.transaction(() -> clients.requireById(clientId).<Reset> chain(client -> {
            AppClientService.checkSecretHash(client, username, secretHash);
            return pools.require(client.poolId()).chain(pool -> lookup.find(pool, username).chain(user -> {
                if (user == null) {
                    throw client.preventUserExistenceErrors()
                            ? CODE_MISMATCH.withMessage("Invalid verification code provided, please try again.")
                            : USER_NOT_FOUND.withMessage("Username/client id combination not found.");
                }
                if (!user.enabled) {
                    throw NOT_AUTHORIZED.withMessage("User is disabled.");
                }
                pool.checkNewPassword(password, "PASSWORD_CHANGE");
                return codes.consume(user, ConfirmationCodes.FORGOT_PASSWORD, code)
                        .chain(() -> passwordChanges.set(pool, user, password)).chain(() -> {
                            user.status = UserStatus.CONFIRMED;
                            user.temporaryPasswordExpiresAt = null;
                            user.updatedAt = Instant.now();
                            return users.persist(user).chain(() -> outbox.record(UserEventType.PasswordChanged, user,
                                    Map.of("reason", "reset")));
                        }).replaceWith(() -> new Reset(pool.triggerCall(client.id(), clientMetadata), user.username,
                                UserAttributes.ofTrigger(user)));
            }));
        })).chain(reset -> triggers.postConfirmation(reset.call(), "PostConfirmation_ConfirmForgotPassword",
                reset.username(), reset.attributes()));
    }

    /**
     * A password reset, committed: PostConfirmation_ConfirmForgotPassword then runs (a handler's error reaches the
     * caller; the password stays changed, Cognito's order).
     */
    private record Reset(PoolCall call, String username, Map<String, String> attributes) {
    }

    /** AdminResetUserPassword: the password stops working (PasswordResetRequiredException) and a code is sent. */
    public Uni<Void> adminResetUserPassword(String poolId, String username, Map<String, String> clientMetadata) {
        return transactions.transaction(() -> pools.require(poolId).chain(pool -> lookup.require(pool, username)
                .chain(user -> sendCode(pool, pool.triggerCall(null, clientMetadata), user).chain(sent -> {
                    user.status = UserStatus.RESET_REQUIRED;
                    user.updatedAt = Instant.now();
                    return users.persist(user);
                })))).replaceWithVoid();
    }

    /** Issues a recovery code in the caller's transaction and sends it; where it went. */
    private Uni<CodeDeliveryDetails> sendCode(UserPool pool, PoolCall call, UserEntity user) {
        Map<String, String> attributes = UserAttributes.of(user);
        for (String mechanism : pool.recoveryMechanisms()) {
            switch (mechanism) {
                case "admin_only" -> throw NOT_AUTHORIZED.withMessage(
                        "Contact an administrator to reset your password: this user pool allows no self-service recovery.");
                case "verified_email", "verified_phone_number" -> {
                    String attribute = mechanism.substring("verified_".length());
                    if (attributes.containsKey(attribute) && UserAttributes.isTrue(attributes.get(attribute + "_verified"))) {
                        return codes.issue(user, ConfirmationCodes.FORGOT_PASSWORD, CODE_TTL).chain(code -> delivery
                                .send(pool, call, user, CodeDelivery.Kind.FORGOT_PASSWORD,
                                        CodeDelivery.Medium.of(attribute), attributes.get(attribute), code));
                    }
                }
                default -> {
                }
            }
        }
        throw INVALID_PARAMETER.withMessage(NO_RECOVERY_CONTACT);
    }
}
