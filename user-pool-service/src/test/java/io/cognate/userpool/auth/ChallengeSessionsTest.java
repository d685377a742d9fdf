package io.cognate.userpool.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cognate.userpool.error.CognitoException;
import io.cognate.userpool.error.Refusal;
import io.cognate.userpool.triggers.ChallengeRound;

class ChallengeSessionsTest {
    private final TestSignIn signIn = new TestSignIn();
    private final ChallengeSessions sessions = signIn.sessions;

    private ChallengeState state(long validitySeconds) {
        return ChallengeState.start(Step.SMS_MFA, TestSignIn.POOL_ID, "client1", "sub-1", "alice",
                new ChallengeState.SrpExchange("0b", "0a", "0c"), 1_700_000_000L, validitySeconds, "device-1", false);
    }

    private Refusal refusal(Runnable attempt) {
        return assertThrows(CognitoException.class, attempt::run).refusal();
    }

    @Test
    void sealWhenOpenedForItsStepAndClientThenTheSameState() {
        ChallengeState state = state(180);

        assertEquals(state, sessions.check(sessions.seal(state), Step.SMS_MFA, "client1"));
        assertEquals(state, sessions.check(sessions.seal(state), Step.SMS_MFA, null));
    }

    @Test
    void sealWhenCustomAuthenticationThenItsRoundsAndPrivateParametersComeBack() {
        ChallengeState state = ChallengeState.custom(Step.CUSTOM_CHALLENGE, TestSignIn.POOL_ID, "client1", null,
                "someone", null, 180, new ChallengeState.Custom(List.of(new ChallengeRound("SRP_A", true, null),
                        new ChallengeRound("CUSTOM_CHALLENGE", false, "QUESTION-1")), Map.of("answer", "42"),
                        "QUESTION-2"));

        ChallengeState opened = sessions.check(sessions.seal(state), Step.CUSTOM_CHALLENGE, "client1");

        assertEquals(state, opened);
        assertEquals(List.of("SRP_A", "CUSTOM_CHALLENGE", "CUSTOM_CHALLENGE"), opened.custom()
                .with(new ChallengeRound("CUSTOM_CHALLENGE", true, "QUESTION-2")).stream()
                .map(ChallengeRound::challengeName).toList());
    }

    @Test
    void checkWhenOtherStepOtherClientOrTamperedThenInvalidSession() {
        String sealed = sessions.seal(state(180));
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;

        assertEquals(Refusal.INVALID_SESSION, refusal(() -> sessions.check(sealed, Step.EMAIL_OTP, "client1")));
        assertEquals(Refusal.INVALID_SESSION, refusal(() -> sessions.check(sealed, Step.SMS_MFA, "client2")));
        assertEquals(Refusal.INVALID_SESSION, refusal(() -> sessions.check(Base64.getEncoder().encodeToString(bytes),
                Step.SMS_MFA, "client1")));
        assertEquals(Refusal.INVALID_SESSION, refusal(() -> sessions.check("not a session at all", Step.SMS_MFA,
                "client1")));
    }

    @Test
    void checkWhenPastItsValidityThenSessionExpired() {
        String sealed = sessions.seal(state(-1));

        assertEquals(Refusal.SESSION_EXPIRED, refusal(() -> sessions.check(sealed, Step.SMS_MFA, "client1")));
    }

    @Test
    void consumeWhenTwiceThenSessionUsed() {
        String sealed = sessions.seal(state(180));
        sessions.consume(sealed, Step.SMS_MFA, "client1").await().indefinitely();

        assertEquals(Refusal.SESSION_USED, refusal(() -> sessions.consume(sealed, Step.SMS_MFA, "client1").await()
                .indefinitely()));
    }

    @Test
    void consumeDeviceStepWhenTheMfaSessionWasRightlyAnsweredThenOnceOnly() {
        ChallengeState mfa = state(180);
        String sealed = sessions.seal(mfa);

        assertEquals(Refusal.INVALID_SESSION, refusal(() -> sessions.consumeDeviceStep(sealed, "client1").await()
                .indefinitely()));
        sessions.markAnswered(mfa).await().indefinitely();
        ChallengeState device = sessions.consumeDeviceStep(sealed, "client1").await().indefinitely();

        assertEquals(Step.DEVICE_SRP_AUTH, device.step());
        assertEquals(Refusal.SESSION_USED, refusal(() -> sessions.consumeDeviceStep(sealed, "client1").await()
                .indefinitely()));
    }
}
