package io.cognate.userpool.auth;

import static io.cognate.userpool.api.CognitoError.NOT_AUTHORIZED;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.repository.UserRepository;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.AttributeChanges;
import io.cognate.userpool.service.UserAttributes;
import io.cognate.userpool.service.UserPool;
import io.cognate.userpool.service.UserStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * NEW_PASSWORD_REQUIRED: a user created by an admin sets a password (and required attributes) at first sign-in;
 * MFA follows as after any password.
 */
@ApplicationScoped
public class NewPasswordFlow {
    private final UserRepository users;
    private final PasswordVerifiers passwords;
    private final ChallengeSessions sessions;
    private final AttributeChanges attributeChanges;
    private final MfaFlow mfa;

    public NewPasswordFlow(UserRepository users, PasswordVerifiers passwords, ChallengeSessions sessions,
            AttributeChanges attributeChanges, MfaFlow mfa) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.attributeChanges = attributeChanges;
        this.mfa = mfa;
    }

    /** Call inside a session. */
    public Uni<ObjectNode> respond(UserPool pool, AppClient client, String session, Map<String, String> responses) {
        String newPassword = AuthParameters.required(responses, "NEW_PASSWORD");
        String username = AuthParameters.required(responses, "USERNAME");
        AppClientService.checkSecretHash(client, username, responses.get("SECRET_HASH"));
        Map<String, String> attributes = new LinkedHashMap<>();
        responses.forEach((name, value) -> {
            if (name.startsWith("userAttributes.")) {
                attributes.put(name.substring("userAttributes.".length()), value);
            }
        });
        return Panache.withTransaction(() -> sessions.consume(session, "NEW_PASSWORD_REQUIRED", client.id())
                .chain(challenge -> users.findBySub(pool.id(), UUID.fromString(challenge.sub())).chain(user -> {
                    if (user == null || !UserStatus.FORCE_CHANGE_PASSWORD.equals(user.status)) {
                        throw NOT_AUTHORIZED.withMessage("Invalid session for the user.");
                    }
                    pool.checkNewPassword(newPassword, "PASSWORD_CHANGE");
                    Map<String, String> merged = UserAttributes.of(user);
                    merged.putAll(attributes);
                    UserAttributes.checkRequired(pool, merged);
                    passwords.set(user, pool, newPassword);
                    user.status = UserStatus.CONFIRMED;
                    user.temporaryPasswordExpiresAt = null;
                    Uni<Void> saved = attributes.isEmpty() ? users.persist(user).replaceWithVoid()
                            : attributeChanges.update(pool, client, user, attributes, false).replaceWithVoid();
                    return saved.replaceWith(new PasswordSet(user, challenge.authTime()));
                })))
                .chain(done -> mfa.afterPassword(pool, client, done.user(), done.authTime(), "NEW_PASSWORD_REQUIRED",
                        null));
    }

    private record PasswordSet(UserEntity user, long authTime) {
    }
}
