package io.cognate.userpool.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cognate.userpool.credentials.Totp;
import io.cognate.userpool.error.CognitoException;
import io.cognate.userpool.error.Refusal;
import io.cognate.userpool.model.PoolSettings;
import io.cognate.userpool.repository.UserEntity;

class MfaFlowTest {
    private final TestSignIn signIn = new TestSignIn();

    private static String code(byte[] secret) {
        return Totp.code(secret, Totp.step(Instant.now().getEpochSecond()));
    }

    private SignInOutcome.Challenge challenged(String username) {
        return assertInstanceOf(SignInOutcome.Challenge.class, signIn.passwordSignIn(username, TestSignIn.PASSWORD));
    }

    @Test
    void signInWhenPoolMfaOffThenTokensEvenWithAFactor() {
        signIn.withTotp(signIn.user("alice"));

        assertInstanceOf(SignInOutcome.Tokens.class, signIn.passwordSignIn("alice", TestSignIn.PASSWORD));
    }

    @Test
    void signInWhenOptionalAndTotpPreferredThenSoftwareTokenChallengeAndRightCodeGivesMfaTokens() {
        signIn.poolMfa = new PoolSettings.Mfa("OPTIONAL", true, null, null);
        byte[] secret = signIn.withTotp(signIn.user("alice"));

        SignInOutcome.Challenge challenge = challenged("alice");
        SignInOutcome.Tokens tokens = assertInstanceOf(SignInOutcome.Tokens.class, signIn.respond(
                Step.SOFTWARE_TOKEN_MFA, challenge.session(), Map.of("SOFTWARE_TOKEN_MFA_CODE", code(secret))));

        assertEquals("SOFTWARE_TOKEN_MFA", challenge.name());
        assertEquals("id:pwd,otp,mfa", tokens.idToken());
    }

    @Test
    void respondWhenTotpWrongOrReusedThenWrongCodeCountedAndSessionStillUsable() {
        signIn.poolMfa = new PoolSettings.Mfa("OPTIONAL", true, null, null);
        byte[] secret = signIn.withTotp(signIn.user("alice"));
        SignInOutcome.Challenge challenge = challenged("alice");

        CognitoException wrong = assertThrows(CognitoException.class, () -> signIn.respond(Step.SOFTWARE_TOKEN_MFA,
                challenge.session(), Map.of("SOFTWARE_TOKEN_MFA_CODE", "000000".equals(code(secret)) ? "111111"
                        : "000000")));
        signIn.respond(Step.SOFTWARE_TOKEN_MFA, challenge.session(), Map.of("SOFTWARE_TOKEN_MFA_CODE", code(secret)));
        SignInOutcome.Challenge again = challenged("alice");
        CognitoException reused = assertThrows(CognitoException.class, () -> signIn.respond(Step.SOFTWARE_TOKEN_MFA,
                again.session(), Map.of("SOFTWARE_TOKEN_MFA_CODE", code(secret))));

        assertEquals(Refusal.WRONG_MFA_CODE, wrong.refusal());
        assertEquals(Refusal.WRONG_MFA_CODE, reused.refusal(), "a code works once");
        assertEquals(List.of("alice", "alice"), signIn.failedSignIns.recorded);
    }

    @Test
    void signInWhenMfaOnAndNoFactorThenMfaSetup() {
        signIn.poolMfa = new PoolSettings.Mfa("ON", true, null, null);
        signIn.user("alice");

        SignInOutcome.Challenge challenge = challenged("alice");

        assertEquals("MFA_SETUP", challenge.name());
        assertEquals(List.of("SOFTWARE_TOKEN_MFA"), challenge.parameters().get("MFAS_CAN_SETUP"));
    }

    @Test
    void signInWhenEmailOtpThenCodeMailedAndItCompletesTheSignIn() {
        signIn.poolMfa = new PoolSettings.Mfa("ON", null, new PoolSettings.EmailMfa(null, null), null);
        signIn.user("alice");

        SignInOutcome.Challenge challenge = challenged("alice");
        SignInOutcome outcome = signIn.respond(Step.EMAIL_OTP, challenge.session(), Map.of("EMAIL_OTP_CODE",
                signIn.outgoing.lastCode()));

        assertEquals("EMAIL_OTP", challenge.name());
        assertEquals("EMAIL", challenge.parameters().get("CODE_DELIVERY_DELIVERY_MEDIUM"));
        assertEquals("a***@e***", challenge.parameters().get("CODE_DELIVERY_DESTINATION"));
        assertInstanceOf(SignInOutcome.Tokens.class, outcome);
    }

    @Test
    void signInWhenSmsMfaThenCodeTextedAndSmsInTheAmr() {
        signIn.poolMfa = new PoolSettings.Mfa("ON", null, null, new PoolSettings.SmsMfa(null, null));
        UserEntity user = signIn.user("alice");
        Map<String, String> attributes = user.attributes();
        attributes.put("phone_number", "+15550001234");
        user.attributes(attributes);

        SignInOutcome.Challenge challenge = challenged("alice");
        SignInOutcome.Tokens tokens = assertInstanceOf(SignInOutcome.Tokens.class, signIn.respond(Step.SMS_MFA,
                challenge.session(), Map.of("SMS_MFA_CODE", signIn.outgoing.lastCode())));

        assertEquals("+*******1234", challenge.parameters().get("CODE_DELIVERY_DESTINATION"));
        assertEquals("id:pwd,sms,mfa", tokens.idToken());
    }

    @Test
    void signInWhenTwoFactorsAndNonePreferredThenSelectMfaTypeAndTheChosenChallenge() {
        signIn.poolMfa = new PoolSettings.Mfa("OPTIONAL", true, new PoolSettings.EmailMfa(null, null), null);
        UserEntity user = signIn.user("alice");
        signIn.withTotp(user);
        user.mfaEnabled = "EMAIL_OTP,SOFTWARE_TOKEN_MFA";
        user.mfaPreferred = null;

        SignInOutcome.Challenge select = challenged("alice");
        SignInOutcome.Challenge chosen = assertInstanceOf(SignInOutcome.Challenge.class, signIn.respond(
                Step.SELECT_MFA_TYPE, select.session(), Map.of("ANSWER", "EMAIL_OTP")));

        assertEquals("SELECT_MFA_TYPE", select.name());
        assertEquals(List.of("EMAIL_OTP", "SOFTWARE_TOKEN_MFA"), select.parameters().get("MFAS_CAN_CHOOSE"));
        assertEquals("EMAIL_OTP", chosen.name());
    }

    @Test
    void respondWhenSessionOfAnotherStepThenInvalidSession() {
        signIn.poolMfa = new PoolSettings.Mfa("OPTIONAL", true, null, null);
        signIn.withTotp(signIn.user("alice"));
        SignInOutcome.Challenge challenge = challenged("alice");

        CognitoException e = assertThrows(CognitoException.class, () -> signIn.respond(Step.EMAIL_OTP,
                challenge.session(), Map.of("EMAIL_OTP_CODE", "123456")));

        assertEquals(Refusal.INVALID_SESSION, e.refusal());
    }
}
