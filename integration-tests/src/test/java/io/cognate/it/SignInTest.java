package io.cognate.it;

import static io.cognate.it.support.TestUsers.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.Jwt;
import io.cognate.it.support.Names;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * InitiateAuth USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH, AdminInitiateAuth ADMIN_USER_PASSWORD_AUTH, the
 * NEW_PASSWORD_REQUIRED challenge, single-use sessions, and the errors of a failed sign-in.
 */
class SignInTest {

    private final CognitoIdentityProviderClient anonymous = Cognito.anonymous();
    private final CognitoIdentityProviderClient admin = Cognito.admin();

    @Test
    void userPasswordAuthThenBearerTokensForTheUser() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        InitiateAuthResponse response = anonymous.initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", user.username(), "PASSWORD", user.password())));

        assertNull(response.challengeName());
        AuthenticationResultType tokens = response.authenticationResult();
        assertEquals("Bearer", tokens.tokenType());
        assertEquals(3600, tokens.expiresIn());
        assertNotNull(tokens.accessToken());
        assertNotNull(tokens.idToken());
        assertNotNull(tokens.refreshToken());
        assertEquals(user.sub(), Jwt.claims(tokens.idToken()).path("sub").asText());
        assertEquals(user.username(), Jwt.claims(tokens.accessToken()).path("username").asText());
    }

    @Test
    void adminUserPasswordAuthThenTokens() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        AdminInitiateAuthResponse response = admin.adminInitiateAuth(b -> b.userPoolId(pool.id())
                .clientId(pool.clientId())
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", user.username(), "PASSWORD", user.password())));
        assertNull(response.challengeName());
        assertEquals("Bearer", response.authenticationResult().tokenType());
        assertEquals(user.username(), Jwt.claims(response.authenticationResult().idToken())
                .path("cognito:username").asText());
    }

    @Test
    void signInWithUsernameInOtherCaseThenTokensForTheUser() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        AuthenticationResultType tokens = SignIn.password(pool.clientId(), user.username().toUpperCase(),
                user.password());
        assertEquals(user.sub(), Jwt.claims(tokens.idToken()).path("sub").asText());
    }

    @Test
    void signInWhenPasswordWrongThenNotAuthorized() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        Expect.error(NotAuthorizedException.class, "Incorrect username or password.",
                () -> SignIn.password(pool.clientId(), user.username(), "Wrong-Password-1"));
    }

    @Test
    void adminSignInWhenPasswordWrongThenNotAuthorized() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        Expect.error(NotAuthorizedException.class, "Incorrect username or password.",
                () -> admin.adminInitiateAuth(b -> b.userPoolId(pool.id())
                        .clientId(pool.clientId())
                        .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", user.username(), "PASSWORD", "Wrong-Password-1"))));
    }

    @Test
    void signInWhenUserUnknownAndExistenceErrorsPreventedThenNotAuthorized() {
        TestPool pool = TestPools.pool();
        UserPoolClientType client = TestPools.client(pool.id(),
                b -> b.preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED));
        Expect.error(NotAuthorizedException.class, "Incorrect username or password.",
                () -> SignIn.password(client.clientId(), Names.unique("nobody"), TestPools.PASSWORD));
    }

    @Test
    void signInWhenUserUnknownAndExistenceErrorsLegacyThenUserNotFound() {
        TestPool pool = TestPools.pool();
        UserPoolClientType client = TestPools.client(pool.id(),
                b -> b.preventUserExistenceErrors(PreventUserExistenceErrorTypes.LEGACY));
        Expect.error(UserNotFoundException.class, "User does not exist.",
                () -> SignIn.password(client.clientId(), Names.unique("nobody"), TestPools.PASSWORD));
    }

    @Test
    void signInWhenUnconfirmedThenUserNotConfirmed() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.signedUp(pool);
        Expect.error(UserNotConfirmedException.class, "User is not confirmed.", () -> SignIn.password(pool, user));
    }

    @Test
    void signInWhenDisabledThenNotAuthorizedUserIsDisabled() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        admin.adminDisableUser(b -> b.userPoolId(pool.id()).username(user.username()));
        Expect.error(NotAuthorizedException.class, "User is disabled.", () -> SignIn.password(pool, user));
    }

    @Test
    void refreshTokenAuthThenNewAccessAndIdTokensAndNoNewRefreshToken() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        AuthenticationResultType first = SignIn.password(pool, user);

        AuthenticationResultType refreshed = anonymous.initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", first.refreshToken()))).authenticationResult();

        assertNotNull(refreshed.accessToken());
        assertNotNull(refreshed.idToken());
        assertNull(refreshed.refreshToken(), "REFRESH_TOKEN_AUTH does not issue a new refresh token");
        assertEquals("Bearer", refreshed.tokenType());
        assertEquals(3600, refreshed.expiresIn());
        assertNotEquals(Jwt.claims(first.accessToken()).path("jti").asText(),
                Jwt.claims(refreshed.accessToken()).path("jti").asText());
        assertEquals(user.sub(), Jwt.claims(refreshed.idToken()).path("sub").asText());
        assertEquals(user.username(),
                anonymous.getUser(b -> b.accessToken(refreshed.accessToken())).username());
    }

    @Test
    void refreshTokenAuthWhenTokenGarbageThenNotAuthorized() {
        TestPool pool = TestPools.pool();
        Expect.error(NotAuthorizedException.class, () -> anonymous.initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", "not-a-refresh-token"))));
    }

    @Test
    void refreshTokenAuthWhenTokenFromOtherClientThenNotAuthorized() {
        TestPool pool = TestPools.pool();
        UserPoolClientType other = TestPools.client(pool.id(), b -> {
        });
        TestUser user = TestUsers.confirmed(pool);
        String refreshToken = SignIn.password(pool, user).refreshToken();
        Expect.error(NotAuthorizedException.class, () -> anonymous.initiateAuth(b -> b.clientId(other.clientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))));
    }

    @Test
    void newPasswordRequiredWhenAdminCreatedUserSignsInThenNewPasswordCompletesSignIn() {
        TestPool pool = TestPools.pool();
        String username = Names.unique("user");
        admin.adminCreateUser(b -> b.userPoolId(pool.id())
                .username(username)
                .temporaryPassword("Temporary-Pass-1")
                .messageAction("SUPPRESS")
                .userAttributes(attribute("email", Names.email("user")), attribute("email_verified", "true")));

        InitiateAuthResponse challenge = anonymous.initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", "Temporary-Pass-1")));
        assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenge.challengeName());
        assertNotNull(challenge.session());
        assertNull(challenge.authenticationResult());
        assertEquals(username, challenge.challengeParameters().get("USER_ID_FOR_SRP"));
        assertTrue(challenge.challengeParameters().containsKey("requiredAttributes"));
        assertTrue(challenge.challengeParameters().containsKey("userAttributes"));

        RespondToAuthChallengeResponse done = anonymous.respondToAuthChallenge(b -> b.clientId(pool.clientId())
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                .session(challenge.session())
                .challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", "Chosen-Pass-22")));
        assertNull(done.challengeName());
        assertEquals("Bearer", done.authenticationResult().tokenType());
        assertNotNull(done.authenticationResult().refreshToken());
        assertEquals(UserStatusType.CONFIRMED,
                admin.adminGetUser(b -> b.userPoolId(pool.id()).username(username)).userStatus());
        assertNotNull(SignIn.password(pool.clientId(), username, "Chosen-Pass-22").accessToken());
    }

    @Test
    void newPasswordRequiredWhenNewPasswordBreaksPolicyThenInvalidPassword() {
        TestPool pool = TestPools.pool();
        String username = Names.unique("user");
        admin.adminCreateUser(b -> b.userPoolId(pool.id())
                .username(username)
                .temporaryPassword("Temporary-Pass-1")
                .messageAction("SUPPRESS")
                .userAttributes(attribute("email", Names.email("user"))));
        InitiateAuthResponse challenge = anonymous.initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", "Temporary-Pass-1")));
        Expect.error(InvalidPasswordException.class, () -> anonymous.respondToAuthChallenge(b -> b
                .clientId(pool.clientId())
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                .session(challenge.session())
                .challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", "short"))));
    }

    @Test
    void respondToAuthChallengeWhenSessionReusedThenNotAuthorized() {
        TestPool pool = TestPools.pool();
        String username = Names.unique("user");
        admin.adminCreateUser(b -> b.userPoolId(pool.id())
                .username(username)
                .temporaryPassword("Temporary-Pass-1")
                .messageAction("SUPPRESS")
                .userAttributes(attribute("email", Names.email("user"))));
        InitiateAuthResponse challenge = anonymous.initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", "Temporary-Pass-1")));
        RespondToAuthChallengeRequest answer = RespondToAuthChallengeRequest.builder()
                .clientId(pool.clientId())
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                .session(challenge.session())
                .challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", "Chosen-Pass-22"))
                .build();
        assertNotNull(anonymous.respondToAuthChallenge(answer).authenticationResult());

        // A session answers one challenge once: "Invalid session for the user, session can only be used once."
        Expect.errorMentioning(NotAuthorizedException.class, "session",
                () -> anonymous.respondToAuthChallenge(answer));
    }

    @Test
    void respondToAuthChallengeWhenSessionForgedThenNotAuthorized() {
        TestPool pool = TestPools.pool();
        String username = Names.unique("user");
        admin.adminCreateUser(b -> b.userPoolId(pool.id())
                .username(username)
                .temporaryPassword("Temporary-Pass-1")
                .messageAction("SUPPRESS")
                .userAttributes(attribute("email", Names.email("user"))));
        InitiateAuthResponse challenge = anonymous.initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", "Temporary-Pass-1")));
        String session = challenge.session();
        // Flip one character in the middle of the (encrypted, authenticated) session blob.
        int middle = session.length() / 2;
        char flipped = session.charAt(middle) == 'A' ? 'B' : 'A';
        String forged = session.substring(0, middle) + flipped + session.substring(middle + 1);
        Expect.error(NotAuthorizedException.class, () -> anonymous.respondToAuthChallenge(b -> b
                .clientId(pool.clientId())
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                .session(forged)
                .challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", "Chosen-Pass-22"))));
        assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD,
                admin.adminGetUser(b -> b.userPoolId(pool.id()).username(username)).userStatus());
    }
}
