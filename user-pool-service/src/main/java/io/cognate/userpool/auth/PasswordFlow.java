package io.cognate.userpool.auth;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.credentials.PasswordVerifiers;
import io.cognate.userpool.service.AppClient;
import io.cognate.userpool.service.AppClientService;
import io.cognate.userpool.service.UserAttributes;
import io.cognate.userpool.service.UserLookup;
import io.cognate.userpool.service.UserMigration;
import io.cognate.userpool.service.UserPool;
import io.cognate.userpool.triggers.Triggers;
import io.smallrye.mutiny.Uni;

/** USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH: the password itself, checked against the SRP verifier. */
@ApplicationScoped
public class PasswordFlow {
    private final UserLookup lookup;
    private final PasswordVerifiers passwords;
    private final SignInFailures failures;
    private final PasswordProven proven;
    private final Triggers triggers;
    private final UserMigration migration;

    public PasswordFlow(UserLookup lookup, PasswordVerifiers passwords, SignInFailures failures, PasswordProven proven,
            Triggers triggers, UserMigration migration) {
        this.migration = migration;
        this.triggers = triggers;
        this.lookup = lookup;
        this.passwords = passwords;
        this.failures = failures;
        this.proven = proven;
    }

    /** {@code clientMetadata}: InitiateAuth's, PreAuthentication's validationData. Call inside a session. */
    public Uni<SignInOutcome> signIn(UserPool pool, AppClient client, Map<String, String> parameters, AuthFlow flow,
            Map<String, String> clientMetadata) {
        String username = AuthParameters.required(parameters, "USERNAME");
        String password = AuthParameters.required(parameters, "PASSWORD");
        AppClientService.checkSecretHash(client, username, parameters.get("SECRET_HASH"));
        return check(pool, client, username, password, flow.name(), parameters.get("DEVICE_KEY"), false,
                clientMetadata);
    }

    /**
     * The sign-in form of the hosted pages: the same checks, lockout and refusals, whatever ExplicitAuthFlows says
     * (the pages are the client's own), ending in an authenticated user. Call inside a session.
     */
    public Uni<SignInOutcome> hostedSignIn(UserPool pool, AppClient client, String username, String password) {
        return check(pool, client, username, password, AuthFlow.USER_PASSWORD_AUTH.name(), null, true, Map.of());
    }

    private Uni<SignInOutcome> check(UserPool pool, AppClient client, String username, String password, String flow,
            String deviceKey, boolean hosted, Map<String, String> clientMetadata) {
        return lookup.find(pool, username).chain(user -> {
            if (user == null && UserMigration.configured(pool)) {
                return migration.signIn(pool, client, username, password, clientMetadata)
                        .chain(migrated -> proven.next(pool, client, migrated, flow, deviceKey, hosted));
            }
            if (user == null) {
                // Spend the time a real check takes, so the answer's timing does not tell who has an account.
                passwords.decoyCheck(pool.id(), username, password);
                throw SignInFailures.unknownUser(client);
            }
            SignInFailures.checkCanSignIn(user);
            return triggers.preAuthentication(pool.triggerCall(client.id(), Map.of()), user.username,
                    UserAttributes.ofTrigger(user), clientMetadata).chain(
                            () -> passwords.matches(user, password)
                                    ? proven.next(pool, client, user, flow, deviceKey, hosted)
                                    : failures.wrongPassword(user, client, flow));
        });
    }
}
