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
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Names;
import io.cognate.it.support.NodeScripts;
import io.cognate.it.support.Stack;
import io.cognate.it.support.TestMfa;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestTotp;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;
import io.cognate.it.support.Tokens;

import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/**
 * amazon-cognito-identity-js, the library behind Amplify's older releases and countless web apps, signs in with its
 * default flow (USER_SRP_AUTH) against Cognate, unchanged but for the endpoint: {@code src/test/node/signin.mjs}.
 */
class AmplifyJsSrpTest {

    @BeforeAll
    static void installTheLibrary() {
        NodeScripts.install();
    }

    @Test
    void signInWithAmazonCognitoIdentityJsThenTokensVerify() throws Exception {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);

        JsonNode result = signIn(pool, user.username(), user.password());

        assertTrue(result.has("idToken"), () -> "sign-in failed: " + result);
        IDTokenClaimsSet id = Tokens.verifyIdToken(pool.id(), pool.clientId(), result.path("idToken").asText());
        assertEquals(user.sub(), id.getSubject().getValue());
        assertEquals(user.username(), id.getStringClaim("cognito:username"));
        JWTClaimsSet access = Tokens.verifyAccessToken(pool.id(), result.path("accessToken").asText());
        assertEquals(user.username(), access.getStringClaim("username"));
        assertEquals(pool.clientId(), access.getStringClaim("client_id"));

        // The refresh token it got works with the SDK too.
        String refreshToken = result.path("refreshToken").asText();
        assertNotNull(Cognito.anonymous().initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(java.util.Map.of("REFRESH_TOKEN", refreshToken))).authenticationResult()
                .accessToken());
    }

    @Test
    void signInWithAmazonCognitoIdentityJsWhenPasswordWrongThenNotAuthorized() throws Exception {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);

        JsonNode result = signIn(pool, user.username(), "Wrong-Password-1");

        assertEquals("NotAuthorizedException", result.path("error").path("code").asText(), result::toString);
        assertEquals("Incorrect username or password.", result.path("error").path("message").asText());
    }

    @Test
    void signInWithAmazonCognitoIdentityJsByEmailWhenEmailIsUsernameThenTokens() throws Exception {
        TestPool pool = TestPools.pool(b -> b.usernameAttributes(UsernameAttributeType.EMAIL));
        String email = Names.email("user");
        Cognito.anonymous().signUp(b -> b.clientId(pool.clientId()).username(email).password(TestPools.PASSWORD));
        Cognito.admin().adminConfirmSignUp(b -> b.userPoolId(pool.id()).username(email));

        JsonNode result = signIn(pool, email, TestPools.PASSWORD);

        assertTrue(result.has("idToken"), () -> "sign-in failed: " + result);
        IDTokenClaimsSet id = Tokens.verifyIdToken(pool.id(), pool.clientId(), result.path("idToken").asText());
        assertEquals(email, id.getStringClaim("email"));
    }

    @Test
    void srpSignInWithTotpMfaThroughTheLibraryThenTokens() throws Exception {
        TestPool pool = TestPools.pool();
        TestMfa.optionalTotp(pool);
        TestUser user = TestUsers.confirmed(pool);
        String secret = TestMfa.enableTotp(pool, user);

        JsonNode withoutCode = signIn(pool, user.username(), user.password(), "");
        JsonNode result = signIn(pool, user.username(), user.password(), secret);

        assertEquals("SOFTWARE_TOKEN_MFA", withoutCode.path("error").path("code").asText(), withoutCode::toString);
        assertTrue(result.has("idToken"), () -> "sign-in failed: " + result);
        Tokens.verifyIdToken(pool.id(), pool.clientId(), result.path("idToken").asText());
    }

    @Test
    void mfaSetupThroughTheLibraryWhenPoolRequiresMfaThenTokensAndAWorkingSecret() throws Exception {
        TestPool pool = TestPools.pool();
        Cognito.admin().setUserPoolMfaConfig(b -> b.userPoolId(pool.id()).mfaConfiguration(UserPoolMfaType.ON)
                .softwareTokenMfaConfiguration(s -> s.enabled(true)));
        TestUser user = TestUsers.confirmed(pool);

        JsonNode result = signIn(pool, user.username(), user.password(), "set-up");

        assertTrue(result.has("idToken"), () -> "sign-in failed: " + result);
        String secret = result.path("totpSecret").asText();
        assertEquals(List.of("SOFTWARE_TOKEN_MFA"), Cognito.admin().adminGetUser(b -> b.userPoolId(pool.id())
                .username(user.username())).userMFASettingList());
        assertFalse(secret.isEmpty());
    }

    @Test
    void rememberedDeviceThroughTheLibraryThenSecondSignInUsesDeviceSrpWithoutTotp() throws Exception {
        JsonNode second = signInTwiceWithDevice(true);

        assertFalse(second.path("totpAsked").asBoolean(true), second::toString);
    }

    @Test
    void challengeNotWaivedThenTheLibraryAnswersTotpThenDeviceSrpOnItsSecondSignIn() throws Exception {
        JsonNode second = signInTwiceWithDevice(false);

        assertTrue(second.path("totpAsked").asBoolean(false), second::toString);
    }

    /**
     * Two sign-ins with TOTP MFA in a pool that remembers devices: the first confirms its device, the second presents
     * it (DEVICE_SRP_AUTH); answers the second, checked to have succeeded on the one device.
     */
    private static JsonNode signInTwiceWithDevice(boolean rememberedDevicesSkipMfa) throws Exception {
        TestTotp.awaitFreshStep();
        TestPool pool = TestMfa.devicePool(rememberedDevicesSkipMfa);
        TestUser user = TestUsers.confirmed(pool);
        String secret = TestMfa.enableTotp(pool, user);

        JsonNode result = signIn(pool, user.username(), user.password(), secret, true);

        assertTrue(result.has("second"), () -> "sign-ins failed: " + result);
        Tokens.verifyIdToken(pool.id(), pool.clientId(), result.path("second").path("idToken").asText());
        assertEquals(1, Cognito.admin().adminListDevices(b -> b.userPoolId(pool.id()).username(user.username()))
                .devices().size());
        return result.path("second");
    }

    private static JsonNode signIn(TestPool pool, String username, String password) {
        return signIn(pool, username, password, "");
    }

    private static JsonNode signIn(TestPool pool, String username, String password, String totpSecret) {
        return signIn(pool, username, password, totpSecret, false);
    }

    private static JsonNode signIn(TestPool pool, String username, String password, String totpSecret, boolean twice) {
        return NodeScripts.run("signin.mjs", List.of(Stack.get().userPoolEndpoint().toString(), pool.id(),
                pool.clientId(), username), Map.of("SIGNIN_TWICE", twice ? "1" : "0"),
                password + "\n" + totpSecret + "\n");
    }
}
