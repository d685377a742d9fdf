package io.cognate.userpool.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cognate.userpool.credentials.Srp;
import io.cognate.userpool.error.CognitoException;
import io.cognate.userpool.error.Refusal;

class SrpFlowTest {
    private static final String TIMESTAMP = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.US)
            .format(ZonedDateTime.now(ZoneOffset.UTC));

    private final TestSignIn signIn = new TestSignIn();
    private final TestSignIn.SrpClient client = new TestSignIn.SrpClient();

    private SignInOutcome.Challenge start(String username) {
        return assertInstanceOf(SignInOutcome.Challenge.class, signIn.srpFlow.start(signIn.pool(), signIn.client(),
                Map.of("USERNAME", username, "SRP_A", client.srpA()), Map.of()).await().indefinitely());
    }

    private SignInOutcome answer(SignInOutcome.Challenge challenge, String password) {
        Map<String, Object> p = challenge.parameters();
        String secretBlock = (String) p.get("SECRET_BLOCK");
        String signature = client.signature(Srp.poolName(TestSignIn.POOL_ID), (String) p.get("USER_ID_FOR_SRP"),
                password, (String) p.get("SALT"), (String) p.get("SRP_B"), secretBlock, TIMESTAMP);
        return signIn.srpFlow.verify(signIn.pool(), signIn.client(), Map.of("USERNAME", (String) p.get("USERNAME"),
                "PASSWORD_CLAIM_SECRET_BLOCK", secretBlock, "PASSWORD_CLAIM_SIGNATURE", signature, "TIMESTAMP",
                TIMESTAMP)).await().indefinitely();
    }

    @Test
    void startWhenUserKnownThenPasswordVerifierWithSaltAndB() {
        signIn.user("alice");

        SignInOutcome.Challenge challenge = start("alice");

        assertEquals("PASSWORD_VERIFIER", challenge.name());
        assertEquals(challenge.session(), challenge.parameters().get("SECRET_BLOCK"));
        assertEquals("alice", challenge.parameters().get("USER_ID_FOR_SRP"));
    }

    @Test
    void verifyWhenProofRightThenTokens() {
        signIn.user("alice");

        assertInstanceOf(SignInOutcome.Tokens.class, answer(start("alice"), TestSignIn.PASSWORD));
    }

    @Test
    void verifyWhenProofWrongThenWrongCredentialsAndFailureCounted() {
        signIn.user("alice");

        CognitoException e = assertThrows(CognitoException.class, () -> answer(start("alice"), "Wrong-Horse-42"));

        assertEquals(Refusal.WRONG_CREDENTIALS, e.refusal());
        assertEquals(1, signIn.failedSignIns.recorded.size());
    }

    @Test
    void startWhenUserUnknownThenDecoyThatNoPasswordAnswersAndStaysTheSame() {
        SignInOutcome.Challenge first = start("nobody");
        SignInOutcome.Challenge second = start("nobody");

        assertEquals("PASSWORD_VERIFIER", first.name());
        assertEquals(first.parameters().get("SALT"), second.parameters().get("SALT"));
        assertNotEquals(first.parameters().get("SRP_B"), second.parameters().get("SRP_B"));
        CognitoException e = assertThrows(CognitoException.class, () -> answer(first, TestSignIn.PASSWORD));
        assertEquals(Refusal.WRONG_CREDENTIALS, e.refusal());
    }

    @Test
    void verifyWhenSecretBlockAnsweredTwiceThenSessionUsed() {
        signIn.user("alice");
        SignInOutcome.Challenge challenge = start("alice");
        answer(challenge, TestSignIn.PASSWORD);

        CognitoException e = assertThrows(CognitoException.class, () -> answer(challenge, TestSignIn.PASSWORD));

        assertEquals(Refusal.SESSION_USED, e.refusal());
    }

    @Test
    void startWhenUserUnknownAndClientShowsItThenUserNotFound() {
        signIn.preventUserExistenceErrors = "LEGACY";

        CognitoException e = assertThrows(CognitoException.class, () -> start("nobody"));

        assertEquals(Refusal.UNKNOWN_USER, e.refusal());
    }
}
