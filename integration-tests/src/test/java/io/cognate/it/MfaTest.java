package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.CognitoSrp;
import io.cognate.it.support.Expect;
import io.cognate.it.support.Jwt;
import io.cognate.it.support.Mailbox;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.TestMfa;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestTotp;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserPoolMfaConfigResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * MFA as Cognito does it: the pool's MFA configuration, software tokens (TOTP codes computed here from RFC 6238),
 * email codes read from the SMTP server, user preferences, and the SOFTWARE_TOKEN_MFA, EMAIL_OTP, SELECT_MFA_TYPE
 * and MFA_SETUP challenges after both USER_PASSWORD_AUTH and USER_SRP_AUTH.
 */
class MfaTest {
    private final CognitoIdentityProviderClient anonymous = Cognito.anonymous();

    @Test
    void setUserPoolMfaConfigThenGetAndDescribeShowIt() {
        TestPool pool = TestPools.pool();

        Cognito.admin().setUserPoolMfaConfig(b -> b.userPoolId(pool.id()).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(s -> s.enabled(true)));

        GetUserPoolMfaConfigResponse config = Cognito.admin().getUserPoolMfaConfig(b -> b.userPoolId(pool.id()));
        assertEquals(UserPoolMfaType.OPTIONAL, config.mfaConfiguration());
        assertTrue(config.softwareTokenMfaConfiguration().enabled());
        assertEquals(UserPoolMfaType.OPTIONAL,
                Cognito.admin().describeUserPool(b -> b.userPoolId(pool.id())).userPool().mfaConfiguration());
    }

    @Test
    void setUserPoolMfaConfigWhenOnWithoutAnyMethodThenInvalidParameter() {
        TestPool pool = TestPools.pool();

        Expect.error(InvalidParameterException.class, () -> Cognito.admin().setUserPoolMfaConfig(b -> b
                .userPoolId(pool.id()).mfaConfiguration(UserPoolMfaType.ON)));
        Expect.error(InvalidParameterException.class, () -> Cognito.admin().setUserPoolMfaConfig(b -> b
                .userPoolId(pool.id()).emailMfaConfiguration(e -> e.message("no placeholder here"))
                .mfaConfiguration(UserPoolMfaType.ON)));
    }

    @Test
    void optionalTotpThenAssociateVerifyPreferAndSignInBothFlowsNeedTheCode() {
        TestTotp.awaitFreshStep();
        TestPool pool = optionalTotpPool();
        TestUser user = TestUsers.confirmed(pool);
        String secret = TestMfa.enableTotp(pool, user);

        AdminGetUserResponse got = Cognito.admin().adminGetUser(b -> b.userPoolId(pool.id()).username(user.username()));
        assertEquals(List.of("SOFTWARE_TOKEN_MFA"), got.userMFASettingList());
        assertEquals("SOFTWARE_TOKEN_MFA", got.preferredMfaSetting());

        InitiateAuthResponse challenge = passwordSignIn(pool, user);
        assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, challenge.challengeName());
        String idToken = TestMfa.answerTotp(pool, user, challenge.session(), TestTotp.code(secret, 0)).authenticationResult()
                .idToken();
        assertEquals("[\"pwd\",\"otp\",\"mfa\"]", Jwt.claims(idToken).path("amr").toString());

        RespondToAuthChallengeResponse srpChallenge = srpSignIn(pool, user);
        assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, srpChallenge.challengeName());
        assertNotNull(TestMfa.answerTotp(pool, user, srpChallenge.session(), TestTotp.code(secret, 1)).authenticationResult()
                .accessToken());
    }

    @Test
    void softwareTokenMfaWhenWrongCodeThenMismatchAndSameSessionCanRetry() {
        TestTotp.awaitFreshStep();
        TestPool pool = optionalTotpPool();
        TestUser user = TestUsers.confirmed(pool);
        String secret = TestMfa.enableTotp(pool, user);
        InitiateAuthResponse challenge = passwordSignIn(pool, user);
        String right = TestTotp.code(secret, 1);
        String wrong = right.equals("000000") ? "111111" : "000000";

        Expect.error(CodeMismatchException.class, () -> TestMfa.answerTotp(pool, user, challenge.session(), wrong));
        assertNotNull(TestMfa.answerTotp(pool, user, challenge.session(), right).authenticationResult());
        Expect.error(NotAuthorizedException.class, () -> TestMfa.answerTotp(pool, user, challenge.session(), right));
    }

    @Test
    void softwareTokenMfaWhenCodeAlreadyUsedThenMismatch() {
        TestTotp.awaitFreshStep();
        TestPool pool = optionalTotpPool();
        TestUser user = TestUsers.confirmed(pool);
        String secret = TestMfa.enableTotp(pool, user);
        String code = TestTotp.code(secret, 1);
        TestMfa.answerTotp(pool, user, passwordSignIn(pool, user).session(), code);

        Expect.error(CodeMismatchException.class,
                () -> TestMfa.answerTotp(pool, user, passwordSignIn(pool, user).session(), code));
    }

    @Test
    void verifySoftwareTokenWhenWrongCodeThenEnableSoftwareTokenMfaException() {
        TestPool pool = optionalTotpPool();
        TestUser user = TestUsers.confirmed(pool);
        String accessToken = SignIn.password(pool, user).accessToken();
        String secret = anonymous.associateSoftwareToken(b -> b.accessToken(accessToken)).secretCode();
        String wrong = TestTotp.code(secret, 5);

        Expect.error(EnableSoftwareTokenMfaException.class,
                () -> anonymous.verifySoftwareToken(b -> b.accessToken(accessToken).userCode(wrong)));
        Expect.error(InvalidParameterException.class, () -> anonymous.setUserMFAPreference(b -> b
                .accessToken(accessToken).softwareTokenMfaSettings(s -> s.enabled(true))));
    }

    @Test
    void mfaOnWhenUserHasNoFactorThenMfaSetupThroughTheSessionThenTotpAtNextSignIn() {
        TestTotp.awaitFreshStep();
        TestPool pool = TestPools.pool();
        Cognito.admin().setUserPoolMfaConfig(b -> b.userPoolId(pool.id()).mfaConfiguration(UserPoolMfaType.ON)
                .softwareTokenMfaConfiguration(s -> s.enabled(true)));
        TestUser user = TestUsers.confirmed(pool);

        InitiateAuthResponse setup = passwordSignIn(pool, user);
        assertEquals(ChallengeNameType.MFA_SETUP, setup.challengeName());
        assertTrue(setup.challengeParameters().get("MFAS_CAN_SETUP").contains("SOFTWARE_TOKEN_MFA"));
        AssociateSoftwareTokenResponse associated = anonymous.associateSoftwareToken(b -> b.session(setup.session()));
        String secret = associated.secretCode();
        var verified = anonymous.verifySoftwareToken(b -> b.session(associated.session())
                .userCode(TestTotp.code(secret, -1)).friendlyDeviceName("phone"));
        assertEquals(VerifySoftwareTokenResponseType.SUCCESS, verified.status());
        RespondToAuthChallengeResponse done = anonymous.respondToAuthChallenge(b -> b.clientId(pool.clientId())
                .challengeName(ChallengeNameType.MFA_SETUP).session(verified.session())
                .challengeResponses(Map.of("USERNAME", user.username())));
        assertNotNull(done.authenticationResult().accessToken());

        InitiateAuthResponse next = passwordSignIn(pool, user);
        assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, next.challengeName());
        assertNotNull(TestMfa.answerTotp(pool, user, next.session(), TestTotp.code(secret, 0)).authenticationResult());
    }

    @Test
    void emailOtpThenCodeFromTheMailboxSignsIn() {
        TestPool pool = TestPools.pool();
        Cognito.admin().setUserPoolMfaConfig(b -> b.userPoolId(pool.id()).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .emailMfaConfiguration(e -> e.subject("Sign-in code").message("Your code is {####}")));
        TestUser user = TestUsers.confirmed(pool);
        Cognito.admin().adminSetUserMFAPreference(b -> b.userPoolId(pool.id()).username(user.username())
                .emailMfaSettings(e -> e.enabled(true).preferredMfa(true)));

        InitiateAuthResponse challenge = passwordSignIn(pool, user);

        assertEquals(ChallengeNameType.EMAIL_OTP, challenge.challengeName());
        assertEquals("EMAIL", challenge.challengeParameters().get("CODE_DELIVERY_DELIVERY_MEDIUM"));
        String code = Mailbox.of(user.email()).awaitCode();
        RespondToAuthChallengeResponse done = anonymous.respondToAuthChallenge(b -> b.clientId(pool.clientId())
                .challengeName(ChallengeNameType.EMAIL_OTP).session(challenge.session())
                .challengeResponses(Map.of("USERNAME", user.username(), "EMAIL_OTP_CODE", code)));
        assertNotNull(done.authenticationResult().idToken());
    }

    @Test
    void twoFactorsWithoutPreferenceThenSelectMfaTypeThenTheChosenChallenge() {
        TestTotp.awaitFreshStep();
        TestPool pool = TestPools.pool();
        Cognito.admin().setUserPoolMfaConfig(b -> b.userPoolId(pool.id()).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(s -> s.enabled(true))
                .emailMfaConfiguration(e -> e.message("Code {####}")));
        TestUser user = TestUsers.confirmed(pool);
        String secret = TestMfa.enableTotp(pool, user);
        Cognito.admin().adminSetUserMFAPreference(b -> b.userPoolId(pool.id()).username(user.username())
                .emailMfaSettings(e -> e.enabled(true)).softwareTokenMfaSettings(s -> s.enabled(true)
                        .preferredMfa(false)));

        InitiateAuthResponse select = passwordSignIn(pool, user);
        assertEquals(ChallengeNameType.SELECT_MFA_TYPE, select.challengeName());
        assertTrue(select.challengeParameters().get("MFAS_CAN_CHOOSE").contains("EMAIL_OTP"));
        RespondToAuthChallengeResponse totp = anonymous.respondToAuthChallenge(b -> b.clientId(pool.clientId())
                .challengeName(ChallengeNameType.SELECT_MFA_TYPE).session(select.session())
                .challengeResponses(Map.of("USERNAME", user.username(), "ANSWER", "SOFTWARE_TOKEN_MFA")));
        assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, totp.challengeName());
        assertNotNull(TestMfa.answerTotp(pool, user, totp.session(), TestTotp.code(secret, 1)).authenticationResult());
    }

    @Test
    void preferenceTurnedOffThenSignInWithoutMfaOnOptionalPool() {
        TestTotp.awaitFreshStep();
        TestPool pool = optionalTotpPool();
        TestUser user = TestUsers.confirmed(pool);
        TestMfa.enableTotp(pool, user);

        Cognito.admin().adminSetUserMFAPreference(b -> b.userPoolId(pool.id()).username(user.username())
                .softwareTokenMfaSettings(s -> s.enabled(false)));

        assertNotNull(SignIn.password(pool, user).accessToken());
        AdminGetUserResponse got = Cognito.admin().adminGetUser(b -> b.userPoolId(pool.id()).username(user.username()));
        assertFalse(got.hasUserMFASettingList() && !got.userMFASettingList().isEmpty());
    }

    private static TestPool optionalTotpPool() {
        TestPool pool = TestPools.pool();
        TestMfa.optionalTotp(pool);
        return pool;
    }

    private InitiateAuthResponse passwordSignIn(TestPool pool, TestUser user) {
        return anonymous.initiateAuth(b -> b.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", user.username(), "PASSWORD", user.password())));
    }

    private RespondToAuthChallengeResponse srpSignIn(TestPool pool, TestUser user) {
        CognitoSrp srp = new CognitoSrp(pool.id());
        InitiateAuthResponse challenge = anonymous.initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", user.username(), "SRP_A", srp.srpA())));
        return anonymous.respondToAuthChallenge(b -> b.clientId(pool.clientId())
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).session(challenge.session())
                .challengeResponses(srp.passwordVerifier(challenge.challengeParameters(), user.password())));
    }

}
