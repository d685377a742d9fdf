package io.cognate.it;

import static io.cognate.it.support.TestUsers.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Names;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/**
 * Admin actions need a valid SigV4 signature by the admin credentials; public actions need none. A bad or missing
 * signature is a 4xx with AWS's error type, never a success and never a 5xx.
 */
class AdminAuthTest {

    @Test
    void adminActionWhenSecretWrongThenInvalidSignature() {
        Stack stack = Stack.get();
        try (CognitoIdentityProviderClient client = Cognito.client(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(stack.adminAccessKeyId(), stack.adminSecretAccessKey() + "x")))) {
            CognitoIdentityProviderException e = assertThrows(CognitoIdentityProviderException.class,
                    () -> client.listUserPools(b -> b.maxResults(1)));
            assertClientError(e);
            assertTrue(Set.of("InvalidSignatureException", "UnrecognizedClientException")
                    .contains(e.awsErrorDetails().errorCode()), () -> "error type " + e.awsErrorDetails().errorCode());
        }
    }

    @Test
    void adminActionWhenAccessKeyUnknownThenUnrecognizedClient() {
        try (CognitoIdentityProviderClient client = Cognito.client(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAUNKNOWNKEY000000", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))) {
            CognitoIdentityProviderException e = assertThrows(CognitoIdentityProviderException.class,
                    () -> client.createUserPool(b -> b.poolName(Names.unique("it-pool"))));
            assertClientError(e);
            assertTrue(Set.of("UnrecognizedClientException", "InvalidSignatureException")
                    .contains(e.awsErrorDetails().errorCode()), () -> "error type " + e.awsErrorDetails().errorCode());
        }
    }

    @Test
    void adminActionWhenUnsignedThenClientError() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        CognitoIdentityProviderException e = assertThrows(CognitoIdentityProviderException.class,
                () -> Cognito.anonymous().adminGetUser(b -> b.userPoolId(pool.id()).username(user.username())));
        assertClientError(e);
        CognitoIdentityProviderException signIn = assertThrows(CognitoIdentityProviderException.class,
                () -> Cognito.anonymous().adminInitiateAuth(b -> b.userPoolId(pool.id())
                        .clientId(pool.clientId())
                        .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", user.username(), "PASSWORD", user.password()))));
        assertClientError(signIn);
    }

    @Test
    void adminActionWhenUnsignedThenNothingChanges() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        assertThrows(CognitoIdentityProviderException.class, () -> Cognito.anonymous().adminDeleteUser(b -> b
                .userPoolId(pool.id())
                .username(user.username())));
        assertEquals(user.username(), Cognito.admin().adminGetUser(b -> b.userPoolId(pool.id())
                .username(user.username())).username(), "the user is still there");
    }

    @Test
    void publicActionsWithoutCredentialsThenWork() {
        TestPool pool = TestPools.pool();
        String username = Names.unique("user");
        String sub = Cognito.anonymous().signUp(b -> b.clientId(pool.clientId())
                .username(username)
                .password(TestPools.PASSWORD)
                .userAttributes(attribute("email", Names.email("user")))).userSub();
        assertNotNull(sub);
        TestUser user = TestUsers.confirmed(pool);
        assertNotNull(Cognito.anonymous().initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", user.username(), "PASSWORD", user.password())))
                .authenticationResult().accessToken());
    }

    private static void assertClientError(CognitoIdentityProviderException e) {
        assertTrue(e.statusCode() >= 400 && e.statusCode() < 500, () -> "expected a 4xx, got " + e.statusCode());
        assertNotNull(e.awsErrorDetails().errorCode(), "the error has a type");
    }
}
