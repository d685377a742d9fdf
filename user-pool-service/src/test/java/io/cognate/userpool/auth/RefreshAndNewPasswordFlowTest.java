package io.cognate.userpool.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cognate.contracts.token.v1.RefreshResponse;
import io.cognate.userpool.error.CognitoException;
import io.cognate.userpool.error.Refusal;
import io.cognate.userpool.repository.UserEntity;
import io.cognate.userpool.service.UserStatus;

class RefreshAndNewPasswordFlowTest {
    private final TestSignIn signIn = new TestSignIn();

    private SignInOutcome refresh() {
        return signIn.refreshFlow.refresh(signIn.pool(), signIn.client(), Map.of("REFRESH_TOKEN", "token")).await()
                .indefinitely();
    }

    @Test
    void refreshWhenFamilyLiveThenTokensWithoutRefreshTokenInTheFamily() {
        UserEntity user = signIn.user("alice");
        signIn.tokenService.refresh = RefreshResponse.newBuilder().setValid(true).setSub(user.sub.toString())
                .setOriginJti("f0f0f0f0-0000-4000-8000-000000000001").setAuthTime(1).build();

        SignInOutcome.Tokens tokens = assertInstanceOf(SignInOutcome.Tokens.class, refresh());

        assertEquals(null, tokens.refreshToken());
        assertEquals("f0f0f0f0-0000-4000-8000-000000000001", signIn.tokenService.minted.get(0).getOriginJti());
    }

    @Test
    void refreshWhenFamilyRefusedThenItsReasonOrCognitosDefault() {
        signIn.tokenService.refresh = RefreshResponse.newBuilder().setValid(false)
                .setReason("Refresh Token has been revoked").build();
        CognitoException revoked = assertThrows(CognitoException.class, this::refresh);
        signIn.tokenService.refresh = RefreshResponse.newBuilder().setValid(false).build();
        CognitoException invalid = assertThrows(CognitoException.class, this::refresh);

        assertEquals("Refresh Token has been revoked", revoked.getMessage());
        assertEquals("Invalid Refresh Token.", invalid.getMessage());
        assertEquals(Refusal.INVALID_REFRESH_TOKEN, invalid.refusal());
    }

    @Test
    void refreshWhenUserDisabledThenUserDisabled() {
        UserEntity user = signIn.user("alice");
        user.enabled = false;
        signIn.tokenService.refresh = RefreshResponse.newBuilder().setValid(true).setSub(user.sub.toString())
                .setOriginJti("f0f0f0f0-0000-4000-8000-000000000001").build();

        assertEquals(Refusal.USER_DISABLED, assertThrows(CognitoException.class, this::refresh).refusal());
    }

    @Test
    void newPasswordWhenTemporaryPasswordReplacedThenConfirmedWithTheNewPasswordAndTokens() {
        UserEntity user = signIn.user("newbie");
        user.status = UserStatus.FORCE_CHANGE_PASSWORD;
        SignInOutcome.Challenge challenge = assertInstanceOf(SignInOutcome.Challenge.class,
                signIn.passwordSignIn("newbie", TestSignIn.PASSWORD));

        SignInOutcome outcome = signIn.newPasswordFlow.respond(signIn.pool(), signIn.client(), challenge.session(),
                Map.of("USERNAME", "newbie", "NEW_PASSWORD", "Brand-New-Horse-7", "userAttributes.name", "Newbie"))
                .await().indefinitely();

        assertInstanceOf(SignInOutcome.Tokens.class, outcome);
        assertEquals(UserStatus.CONFIRMED, user.status);
        assertEquals("Newbie", user.attributes().get("name"));
        assertInstanceOf(SignInOutcome.Tokens.class, signIn.passwordSignIn("newbie", "Brand-New-Horse-7"));
    }
}
