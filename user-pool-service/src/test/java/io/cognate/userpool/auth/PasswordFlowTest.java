package io.cognate.userpool.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cognate.userpool.error.CognitoException;
import io.cognate.userpool.error.Refusal;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.service.UserStatus;

class PasswordFlowTest {
    private final TestSignIn signIn = new TestSignIn();

    private Refusal refusal(Runnable attempt) {
        return assertThrows(CognitoException.class, attempt::run).refusal();
    }

    @Test
    void signInWhenPasswordRightThenTokensAndSignInEvent() {
        signIn.user("alice");

        SignInOutcome.Tokens tokens = assertInstanceOf(SignInOutcome.Tokens.class,
                signIn.passwordSignIn("alice", TestSignIn.PASSWORD));

        assertEquals("access:alice", tokens.accessToken());
        assertEquals("refresh:alice", tokens.refreshToken());
        assertEquals(List.of("SignIn"), signIn.events.recorded);
    }

    @Test
    void signInWhenPasswordWrongThenWrongCredentialsHeldToFloorAndFailureCounted() {
        signIn.user("alice");

        Refusal refusal = refusal(() -> signIn.passwordSignIn("alice", "Wrong-Horse-42"));

        assertEquals(Refusal.WRONG_CREDENTIALS, refusal);
        assertTrue(refusal.hidesExistence());
        assertEquals(List.of("alice"), signIn.failedSignIns.recorded);
    }

    @Test
    void signInWhenUnknownUserThenWrongCredentialsOrUserNotFoundAsTheClientHides() {
        assertEquals(Refusal.WRONG_CREDENTIALS, refusal(() -> signIn.passwordSignIn("nobody", TestSignIn.PASSWORD)));

        signIn.preventUserExistenceErrors = "LEGACY";

        assertEquals(Refusal.UNKNOWN_USER, refusal(() -> signIn.passwordSignIn("nobody", TestSignIn.PASSWORD)));
        assertTrue(signIn.failedSignIns.recorded.isEmpty(), "no user, nothing to lock out");
    }

    @Test
    void signInWhenDisabledOrLockedOutThenRefusedBeforeThePasswordIsChecked() {
        UserEntity disabled = signIn.user("disabled");
        disabled.enabled = false;
        UserEntity locked = signIn.user("locked");
        locked.lockedUntil = Instant.now().plusSeconds(60);

        assertEquals(Refusal.USER_DISABLED, refusal(() -> signIn.passwordSignIn("disabled", TestSignIn.PASSWORD)));
        assertEquals(Refusal.LOCKED_OUT, refusal(() -> signIn.passwordSignIn("locked", "Wrong-Horse-42")));
        assertTrue(signIn.failedSignIns.recorded.isEmpty(), "a lockout is not extended by further attempts");
    }

    @Test
    void signInWhenStatusNotConfirmedThenItsRefusal() {
        signIn.user("unconfirmed").status = UserStatus.UNCONFIRMED;
        signIn.user("reset").status = UserStatus.RESET_REQUIRED;
        UserEntity expired = signIn.user("expired");
        expired.status = UserStatus.FORCE_CHANGE_PASSWORD;
        expired.temporaryPasswordExpiresAt = Instant.now().minusSeconds(1);

        assertEquals(Refusal.USER_NOT_CONFIRMED, refusal(() -> signIn.passwordSignIn("unconfirmed", TestSignIn.PASSWORD)));
        assertEquals(Refusal.PASSWORD_RESET_REQUIRED, refusal(() -> signIn.passwordSignIn("reset", TestSignIn.PASSWORD)));
        assertEquals(Refusal.TEMPORARY_PASSWORD_EXPIRED, refusal(() -> signIn.passwordSignIn("expired",
                TestSignIn.PASSWORD)));
    }

    @Test
    void signInWhenTemporaryPasswordThenNewPasswordRequiredWithTheMissingRequiredAttributes() {
        UserEntity user = signIn.user("newbie");
        user.status = UserStatus.FORCE_CHANGE_PASSWORD;
        user.attributes(Map.of("name", "Newbie"));

        SignInOutcome.Challenge challenge = assertInstanceOf(SignInOutcome.Challenge.class,
                signIn.passwordSignIn("newbie", TestSignIn.PASSWORD));

        assertEquals("NEW_PASSWORD_REQUIRED", challenge.name());
        assertEquals(List.of("userAttributes.email"), challenge.parameters().get("requiredAttributes"));
        assertEquals(Map.of("name", "Newbie"), challenge.parameters().get("userAttributes"));
    }

    @Test
    void signInWhenFailuresBeforeThenCountReset() {
        UserEntity user = signIn.user("alice");
        user.failedSignIns = 3;

        signIn.passwordSignIn("alice", TestSignIn.PASSWORD);

        assertEquals(0, user.failedSignIns);
    }
}
