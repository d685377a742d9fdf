package io.cognate.userpool.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.userpool.error.Refusal;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.AttributeChanges;
import io.cognate.userpool.service.PasswordChanges;
import io.cognate.userpool.service.UserAttributes;
import io.cognate.userpool.service.UserPool;
import io.cognate.userpool.service.UserStatus;
import io.smallrye.mutiny.Uni;

/**
 * NEW_PASSWORD_REQUIRED: a user created by an admin sets a password (and required attributes) at first sign-in;
 * MFA follows as after any password.
 */
@ApplicationScoped
public class NewPasswordFlow {
    private final UserRepository users;
    private final PasswordChanges passwordChanges;
    private final ChallengeSessions sessions;
    private final AttributeChanges attributeChanges;
    private final MfaFlow mfa;

    private final Transactions transactions;

    public NewPasswordFlow(UserRepository users, PasswordChanges passwordChanges, ChallengeSessions sessions,
            AttributeChanges attributeChanges, MfaFlow mfa, Transactions transactions) {
        this.transactions = transactions;
        this.users = users;
        this.passwordChanges = passwordChanges;
        this.sessions = sessions;
        this.attributeChanges = attributeChanges;
        this.mfa = mfa;
    }

    /** Call inside a session. */
    public Uni<SignInOutcome> respond(UserPool pool, AppClient client, String session, Map<String, String> responses) {
        String newPassword = AuthParameters.required(responses, "NEW_PASSWORD");
        String username = AuthParameters.required(responses, "USERNAME");
        AppClientService.checkSecretHash(client, username, responses.get("SECRET_HASH"));
        Map<String, String> attributes = new LinkedHashMap<>();
        responses.forEach((name, value) -> {
            if (name.startsWith("userAttributes.")) {
                attributes.put(name.substring("userAttributes.".length()), value);
            }
        });
        return transactions.transaction(() -> sessions.consume(session, Step.NEW_PASSWORD_REQUIRED, client.id())
                .chain(state -> users.findBySub(pool.id(), UUID.fromString(state.sub())).chain(user -> {
                    if (user == null || !UserStatus.FORCE_CHANGE_PASSWORD.equals(user.status)) {
                        throw Refusal.INVALID_SESSION.exception();
                    }
                    pool.checkNewPassword(newPassword, "PASSWORD_CHANGE");
                    Map<String, String> merged = UserAttributes.of(user);
                    merged.putAll(attributes);
                    UserAttributes.checkRequired(pool, merged);
                    return passwordChanges.set(pool, user, newPassword).chain(() -> {
                        user.status = UserStatus.CONFIRMED;
                        user.temporaryPasswordExpiresAt = null;
                        Uni<Void> saved = attributes.isEmpty() ? users.persist(user).replaceWithVoid()
                                : attributeChanges.update(pool, client, user, attributes, false, Map.of())
                                        .replaceWithVoid();
                        return saved.replaceWith(new PasswordSet(user, state.authTime(), state.hosted()));
                    });
                })))
                .chain(done -> mfa.afterPassword(pool, client, done.user(), done.authTime(),
                        Step.NEW_PASSWORD_REQUIRED.name(), null, done.hosted()));
    }

    private record PasswordSet(UserEntity user, long authTime, boolean hosted) {
    }
}
