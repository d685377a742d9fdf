package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.Expect;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/** GlobalSignOut, AdminUserGlobalSignOut and RevokeToken, and what old tokens can do afterwards: nothing. */
class SignOutTest {

    private final CognitoIdentityProviderClient anonymous = Cognito.anonymous();

    @Test
    void globalSignOutThenOldAccessTokenAndRefreshTokenNotAuthorized() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        AuthenticationResultType tokens = SignIn.password(pool, user);
        anonymous.globalSignOut(b -> b.accessToken(tokens.accessToken()));

        Expect.errorMentioning(NotAuthorizedException.class, "revoked",
                () -> anonymous.getUser(b -> b.accessToken(tokens.accessToken())));
        Expect.errorMentioning(NotAuthorizedException.class, "revoked", () -> refresh(pool, tokens.refreshToken()));
    }

    @Test
    void globalSignOutThenTokensFromEverySessionRevokedButNewSignInWorks() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        AuthenticationResultType first = SignIn.password(pool, user);
        AuthenticationResultType second = SignIn.srp(pool, user.username(), user.password());
        anonymous.globalSignOut(b -> b.accessToken(second.accessToken()));

        Expect.error(NotAuthorizedException.class, () -> anonymous.getUser(b -> b.accessToken(first.accessToken())));
        Expect.error(NotAuthorizedException.class, () -> refresh(pool, first.refreshToken()));
        AuthenticationResultType fresh = SignIn.password(pool, user);
        assertNotNull(anonymous.getUser(b -> b.accessToken(fresh.accessToken())).username());
    }

    @Test
    void globalSignOutWhenTokensIssuedSecondsBeforeThenRevokedAndNewSignInWorks() throws InterruptedException {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        AuthenticationResultType tokens = SignIn.password(pool, user);
        // Tokens issued well before the sign-out are refused on the sign-out time alone; those issued about the same
        // second are settled by token-service (the tests above).
        Thread.sleep(3_500);
        Cognito.admin().adminUserGlobalSignOut(b -> b.userPoolId(pool.id()).username(user.username()));

        Expect.errorMentioning(NotAuthorizedException.class, "revoked",
                () -> anonymous.getUser(b -> b.accessToken(tokens.accessToken())));
        AuthenticationResultType fresh = SignIn.password(pool, user);
        assertNotNull(anonymous.getUser(b -> b.accessToken(fresh.accessToken())).username());
    }

    @Test
    void adminUserGlobalSignOutThenOldAccessTokenAndRefreshTokenNotAuthorized() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        AuthenticationResultType tokens = SignIn.password(pool, user);
        Cognito.admin().adminUserGlobalSignOut(b -> b.userPoolId(pool.id()).username(user.username()));

        Expect.errorMentioning(NotAuthorizedException.class, "revoked",
                () -> anonymous.getUser(b -> b.accessToken(tokens.accessToken())));
        Expect.errorMentioning(NotAuthorizedException.class, "revoked", () -> refresh(pool, tokens.refreshToken()));
    }

    @Test
    void revokeTokenThenRefreshFailsAtOnce() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        AuthenticationResultType tokens = SignIn.password(pool, user);
        anonymous.revokeToken(b -> b.clientId(pool.clientId()).token(tokens.refreshToken()));
        Expect.error(NotAuthorizedException.class, () -> refresh(pool, tokens.refreshToken()));
    }

    @Test
    void revokeTokenThenAccessTokensItIssuedNotAuthorized() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        AuthenticationResultType tokens = SignIn.password(pool, user);
        AuthenticationResultType refreshed = refresh(pool, tokens.refreshToken());
        anonymous.revokeToken(b -> b.clientId(pool.clientId()).token(tokens.refreshToken()));
        // RevokeToken revokes the access tokens issued with the refresh token (they share origin_jti).
        Expect.error(NotAuthorizedException.class, "Access Token has been revoked",
                () -> anonymous.getUser(b -> b.accessToken(tokens.accessToken())));
        Expect.error(NotAuthorizedException.class, "Access Token has been revoked",
                () -> anonymous.getUser(b -> b.accessToken(refreshed.accessToken())));
    }

    @Test
    void revokeTokenOfOneSessionThenOtherSessionStillWorks() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        AuthenticationResultType revoked = SignIn.password(pool, user);
        AuthenticationResultType kept = SignIn.password(pool, user);
        anonymous.revokeToken(b -> b.clientId(pool.clientId()).token(revoked.refreshToken()));
        assertNotNull(refresh(pool, kept.refreshToken()).accessToken());
        assertNotNull(anonymous.getUser(b -> b.accessToken(kept.accessToken())).username());
    }

    @Test
    void revokeTokenWhenClientIsNotTheTokensClientThenRefused() {
        TestPool pool = TestPools.pool();
        UserPoolClientType other = TestPools.client(pool.id(), b -> {
        });
        TestUser user = TestUsers.confirmed(pool);
        AuthenticationResultType tokens = SignIn.password(pool, user);
        // A client cannot revoke another client's token; whether it is told so (a 4xx) or not, the token lives on.
        try {
            anonymous.revokeToken(b -> b.clientId(other.clientId()).token(tokens.refreshToken()));
        } catch (CognitoIdentityProviderException e) {
            assertTrue(e.statusCode() >= 400 && e.statusCode() < 500, () -> "HTTP " + e.statusCode());
        }
        assertNotNull(refresh(pool, tokens.refreshToken()).accessToken(), "the token still works for its own client");
    }

    private AuthenticationResultType refresh(TestPool pool, String refreshToken) {
        return anonymous.initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))).authenticationResult();
    }
}
