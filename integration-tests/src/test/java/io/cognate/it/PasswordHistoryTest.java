package io.cognate.it;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.Mailbox;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordHistoryPolicyViolationException;

/**
 * PasswordPolicy.PasswordHistorySize: a user may not set any of its last n passwords again (the current one
 * included), whether changing it, resetting it or having an admin set it.
 */
class PasswordHistoryTest {
    private static final String SECOND = "Second-Horse-42";
    private static final String THIRD = "Third-Horse-42";

    private final CognitoIdentityProviderClient anonymous = Cognito.anonymous();

    @Test
    void changePasswordWhenAmongTheLastTwoThenRefusedAndOlderAllowed() {
        TestPool pool = poolWithHistory(2);
        TestUser user = TestUsers.confirmed(pool);
        String token = SignIn.password(pool, user).accessToken();

        Expect.error(PasswordHistoryPolicyViolationException.class, () -> change(token, user.password(), user.password()));
        change(token, user.password(), SECOND);
        Expect.error(PasswordHistoryPolicyViolationException.class, () -> change(token, SECOND, user.password()));
        change(token, SECOND, THIRD);
        // The first password is three back now: beyond a history of two.
        change(token, THIRD, user.password());
        SignIn.password(pool, user);
    }

    @Test
    void confirmForgotPasswordAndAdminSetUserPasswordWhenReusedThenRefused() {
        TestPool pool = poolWithHistory(3);
        TestUser user = TestUsers.confirmed(pool);

        anonymous.forgotPassword(b -> b.clientId(pool.clientId()).username(user.username()));
        String code = Mailbox.of(user.email()).awaitCode();
        Expect.error(PasswordHistoryPolicyViolationException.class, () -> anonymous.confirmForgotPassword(b -> b
                .clientId(pool.clientId()).username(user.username()).confirmationCode(code).password(user.password())));
        Expect.error(PasswordHistoryPolicyViolationException.class, () -> Cognito.admin().adminSetUserPassword(b -> b
                .userPoolId(pool.id()).username(user.username()).password(user.password()).permanent(true)));

        Cognito.admin().adminSetUserPassword(b -> b.userPoolId(pool.id()).username(user.username()).password(SECOND)
                .permanent(true));
        SignIn.password(pool.clientId(), user.username(), SECOND);
    }

    @Test
    void changePasswordWhenNoHistoryThenSamePasswordAllowed() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        String token = SignIn.password(pool, user).accessToken();

        change(token, user.password(), user.password());
    }

    private void change(String token, String previous, String proposed) {
        anonymous.changePassword(b -> b.accessToken(token).previousPassword(previous).proposedPassword(proposed));
    }

    private static TestPool poolWithHistory(int size) {
        return TestPools.pool(b -> b.policies(p -> p.passwordPolicy(pp -> pp.minimumLength(8).requireUppercase(true)
                .requireLowercase(true).requireNumbers(true).passwordHistorySize(size))));
    }
}
