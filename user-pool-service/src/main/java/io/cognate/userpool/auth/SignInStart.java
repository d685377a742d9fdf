package io.cognate.userpool.auth;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.UserAttributes;
import io.cognate.userpool.service.UserLookup;
import io.cognate.userpool.service.UserPool;
import io.cognate.userpool.triggers.Triggers;
import io.smallrye.mutiny.Uni;

/**
 * The first step of a sign-in that answers with a challenge (USER_SRP_AUTH, CUSTOM_AUTH): the user the name stands
 * for, checked to be able to sign in and admitted by the PreAuthentication trigger.
 */
@ApplicationScoped
public class SignInStart {
    private final UserLookup lookup;
    private final Triggers triggers;

    public SignInStart(UserLookup lookup, Triggers triggers) {
        this.lookup = lookup;
        this.triggers = triggers;
    }

    /**
     * The user {@code username} names; null for a name no user has where the client hides that users do not exist
     * (else the refusal). {@code clientMetadata}, InitiateAuth's, is PreAuthentication's validationData. Call inside a
     * session.
     */
    Uni<UserEntity> user(UserPool pool, AppClient client, String username, Map<String, String> clientMetadata) {
        return lookup.find(pool, username).call(user -> {
            if (user == null && !client.preventUserExistenceErrors()) {
                throw SignInFailures.unknownUser(client);
            }
            if (user == null) {
                return Uni.createFrom().voidItem();
            }
            SignInFailures.checkCanSignIn(user);
            return triggers.preAuthentication(pool.triggerCall(client.id(), Map.of()), user.username,
                    UserAttributes.ofTrigger(user), clientMetadata);
        });
    }
}
