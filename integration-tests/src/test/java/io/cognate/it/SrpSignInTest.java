package io.cognate.it;

import static io.cognate.it.support.TestUsers.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.CognitoSrp;
import io.cognate.it.support.Expect;
import io.cognate.it.support.Jwt;
import io.cognate.it.support.Names;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/** USER_SRP_AUTH and the PASSWORD_VERIFIER challenge, driven by the test-side SRP client {@link CognitoSrp}. */
class SrpSignInTest {

    private final CognitoIdentityProviderClient anonymous = Cognito.anonymous();

    @Test
    void userSrpAuthThenPasswordVerifierChallengeWithSrpParameters() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        CognitoSrp srp = new CognitoSrp(pool.id());
        InitiateAuthResponse challenge = initiate(pool, user.username(), srp);

        assertEquals(ChallengeNameType.PASSWORD_VERIFIER, challenge.challengeName());
        assertNotNull(challenge.session());
        assertNull(challenge.authenticationResult());
        Map<String, String> parameters = challenge.challengeParameters();
        assertEquals(user.username(), parameters.get("USER_ID_FOR_SRP"));
        assertTrue(parameters.get("SALT").matches("[0-9a-fA-F]+"), () -> "SALT is hex: " + parameters.get("SALT"));
        assertTrue(parameters.get("SRP_B").matches("[0-9a-fA-F]+"), () -> "SRP_B is hex: " + parameters.get("SRP_B"));
        BigInteger b = new BigInteger(parameters.get("SRP_B"), 16);
        assertNotEquals(BigInteger.ZERO, b);
        assertNotNull(parameters.get("SECRET_BLOCK"));
        java.util.Base64.getDecoder().decode(parameters.get("SECRET_BLOCK"));
    }

    @Test
    void passwordVerifierWithRightPasswordThenTokens() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        AuthenticationResultType tokens = SignIn.srp(pool, user.username(), user.password());
        assertEquals("Bearer", tokens.tokenType());
        assertEquals(3600, tokens.expiresIn());
        assertNotNull(tokens.refreshToken());
        assertEquals(user.sub(), Jwt.claims(tokens.idToken()).path("sub").asText());
        assertEquals(user.username(), Jwt.claims(tokens.accessToken()).path("username").asText());
    }

    @Test
    void passwordVerifierWhenPasswordWrongThenNotAuthorized() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        Expect.error(NotAuthorizedException.class, "Incorrect username or password.",
                () -> SignIn.srp(pool, user.username(), "Wrong-Password-1"));
    }

    @Test
    void passwordVerifierWhenSignatureTamperedThenNotAuthorized() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        CognitoSrp srp = new CognitoSrp(pool.id());
        InitiateAuthResponse challenge = initiate(pool, user.username(), srp);
        Map<String, String> responses = new HashMap<>(srp.passwordVerifier(challenge.challengeParameters(),
                user.password()));
        responses.put("TIMESTAMP", CognitoSrp.TIMESTAMP.format(Instant.now().minusSeconds(1)));
        Expect.error(NotAuthorizedException.class, () -> respond(pool, challenge.session(), responses));
    }

    @Test
    void passwordVerifierWhenSessionReusedThenNotAuthorized() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        CognitoSrp srp = new CognitoSrp(pool.id());
        InitiateAuthResponse challenge = initiate(pool, user.username(), srp);
        Map<String, String> responses = srp.passwordVerifier(challenge.challengeParameters(), user.password());
        assertNotNull(respond(pool, challenge.session(), responses).authenticationResult());
        Expect.errorMentioning(NotAuthorizedException.class, "session",
                () -> respond(pool, challenge.session(), responses));
    }

    @Test
    void userSrpAuthWhenUserUnknownAndExistenceErrorsPreventedThenIncorrectUsernameOrPassword() {
        TestPool pool = TestPools.pool();
        String nobody = Names.unique("nobody");
        CognitoSrp srp = new CognitoSrp(pool.id());
        // With PreventUserExistenceErrors ENABLED the flow fails as for a wrong password, never with
        // UserNotFoundException. Cognito may answer a plausible challenge first and fail at the verifier; either
        // step may carry the failure.
        Expect.error(NotAuthorizedException.class, "Incorrect username or password.", () -> {
            InitiateAuthResponse challenge = initiate(pool, nobody, srp);
            respond(pool, challenge.session(), srp.passwordVerifier(challenge.challengeParameters(),
                    TestPools.PASSWORD));
        });
    }

    @Test
    void userSrpAuthWithEmailAsUsernameThenUserIdForSrpIsTheGeneratedUsername() {
        TestPool pool = TestPools.pool(b -> b.usernameAttributes(UsernameAttributeType.EMAIL));
        String email = Names.email("user");
        anonymous.signUp(b -> b.clientId(pool.clientId()).username(email).password(TestPools.PASSWORD));
        Cognito.admin().adminConfirmSignUp(b -> b.userPoolId(pool.id()).username(email));
        String username = Cognito.admin().adminGetUser(b -> b.userPoolId(pool.id()).username(email)).username();

        CognitoSrp srp = new CognitoSrp(pool.id());
        InitiateAuthResponse challenge = initiate(pool, email, srp);
        assertEquals(username, challenge.challengeParameters().get("USER_ID_FOR_SRP"),
                "the verifier is bound to the username, which the client must use from here on");
        RespondToAuthChallengeResponse done = respond(pool, challenge.session(),
                srp.passwordVerifier(challenge.challengeParameters(), TestPools.PASSWORD));
        assertEquals(username, Jwt.claims(done.authenticationResult().idToken()).path("cognito:username").asText());
    }

    @Test
    void userSrpAuthAfterPasswordChangeThenNewPasswordVerifies() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        Cognito.admin().adminSetUserPassword(b -> b.userPoolId(pool.id())
                .username(user.username())
                .password("Another-Pass-55")
                .permanent(true));
        assertNotNull(SignIn.srp(pool, user.username(), "Another-Pass-55").accessToken());
        Expect.error(NotAuthorizedException.class, () -> SignIn.srp(pool, user.username(), user.password()));
    }

    @Test
    void passwordVerifierWhenUserMustChangePasswordThenNewPasswordRequired() {
        TestPool pool = TestPools.pool();
        String username = Names.unique("user");
        Cognito.admin().adminCreateUser(b -> b.userPoolId(pool.id())
                .username(username)
                .temporaryPassword("Temporary-Pass-1")
                .messageAction("SUPPRESS")
                .userAttributes(attribute("email", Names.email("user"))));
        CognitoSrp srp = new CognitoSrp(pool.id());
        InitiateAuthResponse challenge = initiate(pool, username, srp);
        RespondToAuthChallengeResponse next = respond(pool, challenge.session(),
                srp.passwordVerifier(challenge.challengeParameters(), "Temporary-Pass-1"));
        assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, next.challengeName());
        assertNotNull(next.session());

        RespondToAuthChallengeResponse done = anonymous.respondToAuthChallenge(b -> b.clientId(pool.clientId())
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                .session(next.session())
                .challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", "Chosen-Pass-22")));
        assertNotNull(done.authenticationResult().accessToken());
        assertNotNull(SignIn.srp(pool, username, "Chosen-Pass-22").accessToken());
    }

    private InitiateAuthResponse initiate(TestPool pool, String username, CognitoSrp srp) {
        return anonymous.initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", username, "SRP_A", srp.srpA())));
    }

    private RespondToAuthChallengeResponse respond(TestPool pool, String session, Map<String, String> responses) {
        return anonymous.respondToAuthChallenge(RespondToAuthChallengeRequest.builder()
                .clientId(pool.clientId())
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                .session(session)
                .challengeResponses(responses)
                .build());
    }
}
