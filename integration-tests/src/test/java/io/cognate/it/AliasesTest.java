package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.Mailbox;
import io.cognate.it.support.Names;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * Aliases stay unique: two users never hold the same verified email alias. A verified alias another user holds is
 * AliasExistsException, unless the request forces it (ForceAliasCreation): then it moves, and the user who had it no
 * longer signs in with it.
 */
class AliasesTest {
    private final CognitoIdentityProviderClient admin = Cognito.admin();

    @Test
    void adminCreateUserWhenVerifiedEmailAliasTakenThenAliasExists() {
        TestPool pool = aliasPool();
        TestUser holder = TestUsers.confirmed(pool);

        Expect.error(AliasExistsException.class, "An account with the given email already exists.",
                () -> createWithEmail(pool, Names.unique("user"), holder.email(), false));
    }

    @Test
    void adminCreateUserWhenForceAliasCreationThenAliasMovesToTheNewUser() {
        TestPool pool = aliasPool();
        TestUser holder = TestUsers.confirmed(pool);
        String newcomer = Names.unique("user");
        createWithEmail(pool, newcomer, holder.email(), true);
        admin.adminSetUserPassword(b -> b.userPoolId(pool.id()).username(newcomer).password(TestPools.PASSWORD)
                .permanent(true));

        assertEquals("false", TestUsers.attribute(admin.adminGetUser(b -> b.userPoolId(pool.id())
                .username(holder.username())).userAttributes(), "email_verified"));
        String signedIn = SignIn.password(pool.clientId(), holder.email(), TestPools.PASSWORD).accessToken();
        assertEquals(newcomer, Cognito.anonymous().getUser(b -> b.accessToken(signedIn)).username());
    }

    @Test
    void confirmSignUpWhenCodeProvesAnAliasOfAnotherUserThenAliasExistsUnlessForced() {
        TestPool pool = aliasPool();
        TestUser holder = TestUsers.confirmed(pool);
        String username = Names.unique("user");
        Cognito.anonymous().signUp(b -> b.clientId(pool.clientId()).username(username).password(TestPools.PASSWORD)
                .userAttributes(TestUsers.attribute("email", holder.email())));
        String code = Mailbox.of(holder.email()).awaitCode();

        Expect.error(AliasExistsException.class, "An account with the given email already exists.",
                () -> Cognito.anonymous().confirmSignUp(b -> b.clientId(pool.clientId()).username(username)
                        .confirmationCode(code)));
        Cognito.anonymous().confirmSignUp(b -> b.clientId(pool.clientId()).username(username).confirmationCode(code)
                .forceAliasCreation(true));

        assertEquals("true", TestUsers.attribute(admin.adminGetUser(b -> b.userPoolId(pool.id()).username(username))
                .userAttributes(), "email_verified"));
        assertEquals("false", TestUsers.attribute(admin.adminGetUser(b -> b.userPoolId(pool.id())
                .username(holder.username())).userAttributes(), "email_verified"));
    }

    @Test
    void adminUpdateUserAttributesWhenVerifyingAnotherUsersAliasThenAliasExists() {
        TestPool pool = aliasPool();
        TestUser holder = TestUsers.confirmed(pool);
        TestUser other = TestUsers.confirmed(pool);

        Expect.error(AliasExistsException.class, "An account with the given email already exists.",
                () -> admin.adminUpdateUserAttributes(b -> b.userPoolId(pool.id()).username(other.username())
                        .userAttributes(TestUsers.attribute("email", holder.email()),
                                TestUsers.attribute("email_verified", "true"))));
        // Unverified, the same address is no alias and no conflict.
        admin.adminUpdateUserAttributes(b -> b.userPoolId(pool.id()).username(other.username())
                .userAttributes(TestUsers.attribute("email", holder.email())));
    }

    private void createWithEmail(TestPool pool, String username, String email, boolean force) {
        admin.adminCreateUser(b -> b.userPoolId(pool.id()).username(username).messageAction(MessageActionType.SUPPRESS)
                .forceAliasCreation(force).userAttributes(TestUsers.attribute("email", email),
                        TestUsers.attribute("email_verified", "True")));
    }

    private static TestPool aliasPool() {
        return TestPools.pool(b -> b.aliasAttributes(AliasAttributeType.EMAIL));
    }
}
