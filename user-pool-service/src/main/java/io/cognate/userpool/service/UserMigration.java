package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.NOT_AUTHORIZED;
import static io.cognate.userpool.error.CognitoError.USERNAME_EXISTS;
import static io.cognate.userpool.error.CognitoError.USER_NOT_FOUND;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.userpool.credentials.PasswordVerifiers;
import io.cognate.userpool.messaging.Outbox;
import io.cognate.userpool.messaging.UserEventType;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.cognate.userpool.triggers.MigratedUser;
import io.cognate.userpool.triggers.TriggerException;
import io.cognate.userpool.triggers.Triggers;
import io.smallrye.mutiny.Uni;

/**
 * The UserMigration trigger: a user the pool does not have, signing in with a password (USER_PASSWORD_AUTH,
 * ADMIN_USER_PASSWORD_AUTH; SRP never shows the password) or asking to reset it, is looked up in the old system by
 * the pool's handler and created here as it answers: CONFIRMED with the password just given (the pool's password
 * policy is not applied to it, as in Cognito) or RESET_REQUIRED. Once created, the user is the pool's own and the
 * trigger is not asked again. A handler that fails or knows no such user leaves the name unknown.
 */
@ApplicationScoped
public class UserMigration {
    private final Triggers triggers;
    private final SignUpService signUps;
    private final Aliases aliases;
    private final PasswordVerifiers passwords;
    private final UserRepository users;
    private final Outbox outbox;
    private final Transactions transactions;

    public UserMigration(Triggers triggers, SignUpService signUps, Aliases aliases, PasswordVerifiers passwords,
            UserRepository users, Outbox outbox, Transactions transactions) {
        this.triggers = triggers;
        this.signUps = signUps;
        this.aliases = aliases;
        this.passwords = passwords;
        this.users = users;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    public static boolean configured(UserPool pool) {
        return pool.settings().policies().lambda().userMigration() != null;
    }

    /** A sign-in by {@code username} with {@code password}: the migrated user, created. */
    public Uni<UserEntity> signIn(UserPool pool, AppClient client, String username, String password,
            Map<String, String> clientMetadata) {
        return triggers.userMigration(pool.triggerCall(client.id(), Map.of()), "UserMigration_Authentication",
                username, password, clientMetadata)
                .onFailure(TriggerException.class).transform(failure -> refusal(client, failure))
                .chain(migrated -> create(pool, username, migrated,
                        "RESET_REQUIRED".equals(migrated.finalUserStatus()) ? UserStatus.RESET_REQUIRED
                                : UserStatus.CONFIRMED,
                        password));
    }

    /** ForgotPassword for {@code username}: the migrated user, created RESET_REQUIRED (its code follows). */
    public Uni<UserEntity> forgotPassword(UserPool pool, AppClient client, String username,
            Map<String, String> clientMetadata) {
        return triggers.userMigration(pool.triggerCall(client.id(), Map.of()), "UserMigration_ForgotPassword",
                username, null, clientMetadata)
                .onFailure(TriggerException.class).transform(failure -> refusal(client, failure))
                .chain(migrated -> create(pool, username, migrated, UserStatus.RESET_REQUIRED, null));
    }

    private Uni<UserEntity> create(UserPool pool, String username, MigratedUser migrated, String status,
            String password) {
        Map<String, String> attributes = UserAttributes.checkWritable(pool, null, migrated.attributes(), true);
        attributes.remove("username");
        UserEntity user = signUps.newUser(pool, username, attributes);
        user.status = status;
        if (password != null) {
            passwords.set(user, password);
        }
        return transactions.transaction(() -> signUps.checkUnique(pool, user)
                .chain(() -> aliases.claim(pool, user, Map.of(), UserAttributes.of(user),
                        migrated.forceAliasCreation()))
                .chain(() -> users.persist(user))
                .chain(() -> outbox.record(UserEventType.UserCreated, user, Map.of())))
                .onFailure(Failures::isUniqueViolation).transform(e -> USERNAME_EXISTS.withMessage("User already exists"))
                .replaceWith(user);
    }

    /**
     * Cognito's answer when the old system does not vouch for the user: the handler's error is not shown (a wrong
     * password there is an unknown user here).
     */
    private static RuntimeException refusal(AppClient client, Throwable failure) {
        if (failure instanceof TriggerException trigger
                && trigger.kind() != TriggerException.Kind.USER_LAMBDA_VALIDATION) {
            return trigger;
        }
        return client.preventUserExistenceErrors() ? NOT_AUTHORIZED.withMessage("Incorrect username or password.")
                : USER_NOT_FOUND.withMessage("Exception migrating user in app client " + client.id());
    }
}
