package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.LambdaShims;
import io.cognate.it.support.Names;
import io.cognate.it.support.NodeScripts;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;
import io.cognate.it.support.Tokens;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * CUSTOM_AUTH: DefineAuthChallenge, CreateAuthChallenge and VerifyAuthChallengeResponse (unmodified handlers of
 * src/test/lambda) through the AWS SDK and through amazon-cognito-identity-js's initiateAuth, authenticateUser
 * (SRP first) and sendCustomChallengeAnswer.
 */
class CustomAuthTest {
    private final CognitoIdentityProviderClient anonymous = Cognito.anonymous();

    @BeforeAll
    static void handlers() {
        LambdaShims.start();
        NodeScripts.install();
    }

    private static TestPool pool() {
        String poolId = TestPools.createPool(b -> b.lambdaConfig(l -> l
                .defineAuthChallenge(LambdaShims.arn("define-auth-challenge"))
                .createAuthChallenge(LambdaShims.arn("create-auth-challenge"))
                .verifyAuthChallengeResponse(LambdaShims.arn("verify-auth-challenge"))));
        return new TestPool(poolId, TestPools.client(poolId, c -> c.explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH, ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).clientId());
    }

    private InitiateAuthResponse start(TestPool pool, String username) {
        return anonymous.initiateAuth(b -> b.clientId(pool.clientId()).authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(Map.of("USERNAME", username)));
    }

    private RespondToAuthChallengeResponse answer(TestPool pool, String username, String session, String answer) {
        return anonymous.respondToAuthChallenge(b -> b.clientId(pool.clientId())
                .challengeName(ChallengeNameType.CUSTOM_CHALLENGE).session(session)
                .challengeResponses(Map.of("USERNAME", username, "ANSWER", answer)));
    }

    @Test
    void customChallengeWhenAnsweredRightThenTokensAndTheRoundsReachTheTriggers() {
        TestPool pool = pool();
        TestUser user = TestUsers.confirmed(pool);

        InitiateAuthResponse challenge = start(pool, user.username());
        assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, challenge.challengeName());
        assertEquals("What is six times seven?", challenge.challengeParameters().get("question"));
        assertEquals(user.username(), challenge.challengeParameters().get("USERNAME"));
        assertFalse(challenge.challengeParameters().containsKey("answer"), "private parameters stay private");
        RespondToAuthChallengeResponse wrong = answer(pool, user.username(), challenge.session(), "41");
        assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, wrong.challengeName());
        RespondToAuthChallengeResponse right = anonymous.respondToAuthChallenge(b -> b.clientId(pool.clientId())
                .challengeName(ChallengeNameType.CUSTOM_CHALLENGE).session(wrong.session())
                .challengeResponses(Map.of("USERNAME", user.username(), "ANSWER", "42"))
                .clientMetadata(Map.of("device", "kiosk-7")));

        Tokens.verifyIdToken(pool.id(), pool.clientId(), right.authenticationResult().idToken());
        List<JsonNode> defines = LambdaShims.events("define-auth-challenge", pool.id());
        assertEquals(3, defines.size());
        JsonNode session = defines.get(2).path("request").path("session");
        assertEquals(2, session.size());
        assertFalse(session.get(0).path("challengeResult").asBoolean());
        assertEquals("QUESTION-0", session.get(0).path("challengeMetadata").asText());
        assertTrue(session.get(1).path("challengeResult").asBoolean());
        assertFalse(defines.get(0).path("request").path("userNotFound").asBoolean());
        JsonNode verify = LambdaShims.events("verify-auth-challenge", pool.id()).get(1);
        assertEquals("42", verify.path("request").path("challengeAnswer").asText());
        assertEquals("42", verify.path("request").path("privateChallengeParameters").path("answer").asText());
        // RespondToAuthChallenge's ClientMetadata reaches the triggers it runs; InitiateAuth's reaches none of these.
        assertEquals("kiosk-7", verify.path("request").path("clientMetadata").path("device").asText());
        assertEquals("kiosk-7", defines.get(2).path("request").path("clientMetadata").path("device").asText());
        assertTrue(defines.get(0).path("request").path("clientMetadata").isMissingNode());
    }

    @Test
    void customChallengeWhenAnsweredWrongThreeTimesThenNotAuthorizedAndSessionsAnsweredOnce() {
        TestPool pool = pool();
        TestUser user = TestUsers.confirmed(pool);

        String session = start(pool, user.username()).session();
        String first = session;
        session = answer(pool, user.username(), session, "1").session();
        String third = answer(pool, user.username(), session, "2").session();

        Expect.error(NotAuthorizedException.class, "Incorrect username or password.",
                () -> answer(pool, user.username(), third, "3"));
        Expect.error(NotAuthorizedException.class, () -> answer(pool, user.username(), first, "42"));
    }

    @Test
    void unknownUserWhenExistenceHiddenThenSameRoundsAndNeverTokens() {
        TestPool pool = pool();
        String nobody = Names.unique("nobody");

        InitiateAuthResponse challenge = start(pool, nobody);
        assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, challenge.challengeName());
        Expect.error(NotAuthorizedException.class, "Incorrect username or password.",
                () -> answer(pool, nobody, challenge.session(), "42"));
        assertTrue(LambdaShims.events("define-auth-challenge", pool.id()).get(0).path("request")
                .path("userNotFound").asBoolean());
    }

    @Test
    void customAuthWhenClientDoesNotAllowItThenRefused() {
        TestPool pool = TestPools.pool();
        Expect.error(InvalidParameterException.class, "CUSTOM_AUTH flow not enabled for this client",
                () -> start(pool, "anyone"));
    }

    @Test
    void amazonCognitoIdentityJsWhenInitiateAuthThenCustomChallengeAndTokens() {
        TestPool pool = pool();
        TestUser user = TestUsers.confirmed(pool);

        JsonNode result = identityJs(pool, user, "initiate", "7", "42");

        assertTrue(result.has("idToken"), result::toString);
        assertEquals(2, result.path("questions").size());
        assertEquals("What is six times seven?", result.path("questions").get(0).path("question").asText());
        Tokens.verifyIdToken(pool.id(), pool.clientId(), result.path("idToken").asText());
    }

    @Test
    void amazonCognitoIdentityJsWhenAuthenticateUserThenSrpThenCustomChallengeAndTokens() {
        TestPool pool = pool();
        TestUser user = TestUsers.confirmed(pool);

        JsonNode result = identityJs(pool, user, "srp", "42");
        JsonNode wrongPassword = identityJs(pool, new TestUser(user.username(), user.email(), "Wrong-Password-9",
                user.sub()), "srp", "42");

        assertTrue(result.has("idToken"), result::toString);
        assertNotNull(result.path("refreshToken").asText(null));
        List<JsonNode> defines = LambdaShims.events("define-auth-challenge", pool.id());
        JsonNode rounds = defines.get(1).path("request").path("session");
        assertEquals("SRP_A", rounds.get(0).path("challengeName").asText());
        assertEquals("PASSWORD_VERIFIER", rounds.get(1).path("challengeName").asText());
        assertTrue(rounds.get(1).path("challengeResult").asBoolean());
        assertEquals("NotAuthorizedException", wrongPassword.path("error").path("code").asText(),
                wrongPassword::toString);
        assertEquals(0, wrongPassword.path("questions").size(), "a wrong password ends before the question");
    }

    private static JsonNode identityJs(TestPool pool, TestUser user, String mode, String... answers) {
        return NodeScripts.run("custom-auth.mjs", List.of(Stack.get().userPoolEndpoint().toString(), pool.id(),
                pool.clientId(), user.username(), mode), Map.of(),
                user.password() + "\n" + String.join("\n", answers) + "\n");
    }
}
