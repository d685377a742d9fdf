package io.cognate.userpool.auth;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.UserLookup;
import io.cognate.userpool.service.UserPool;
import io.smallrye.mutiny.Uni;

/** USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH: the password itself, checked against the SRP verifier. */
@ApplicationScoped
public class PasswordFlow {
    private final UserLookup lookup;
    private final PasswordVerifiers passwords;
    private final SignInCompletion completion;

    public PasswordFlow(UserLookup lookup, PasswordVerifiers passwords, SignInCompletion completion) {
        this.lookup = lookup;
        this.passwords = passwords;
        this.completion = completion;
    }

    /** Call inside a session. */
    public Uni<ObjectNode> signIn(UserPool pool, AppClient client, Map<String, String> parameters, String authFlow) {
        String username = AuthParameters.required(parameters, "USERNAME");
        String password = AuthParameters.required(parameters, "PASSWORD");
        AppClientService.checkSecretHash(client, username, parameters.get("SECRET_HASH"));
        return lookup.find(pool, username).chain(user -> {
            if (user == null) {
                // Spend the time a real check takes, so the answer's timing does not tell who has an account.
                passwords.decoyCheck(pool, username, password);
                throw completion.unknownUser(client);
            }
            completion.checkEnabled(user);
            completion.checkNotLockedOut(user);
            if (!passwords.matches(user, pool, password)) {
                return completion.wrongPassword(user, client, authFlow);
            }
            return completion.passwordProven(pool, client, user, authFlow, parameters.get("DEVICE_KEY"));
        });
    }
}
