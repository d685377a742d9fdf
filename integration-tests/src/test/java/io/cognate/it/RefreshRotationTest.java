package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.FeatureType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RefreshTokenReuseException;

/**
 * GetTokensFromRefreshToken (the only refresh Amplify JS v6 makes) and RefreshTokenRotation: a rotating client gets a
 * new refresh token on each refresh, the replaced one works only for the grace period, and REFRESH_TOKEN_AUTH is
 * refused.
 */
class RefreshRotationTest {
    private final CognitoIdentityProviderClient cognito = Cognito.anonymous();

    private static TestPool rotatingPool(int graceSeconds, ExplicitAuthFlowsType... flows) {
        String poolId = TestPools.createPool(b -> {
        });
        String clientId = TestPools.client(poolId, b -> b.explicitAuthFlows(flows)
                .refreshTokenRotation(r -> r.feature(FeatureType.ENABLED).retryGracePeriodSeconds(graceSeconds)))
                .clientId();
        return new TestPool(poolId, clientId);
    }

    private AuthenticationResultType refresh(TestPool pool, String refreshToken) {
        return cognito.getTokensFromRefreshToken(b -> b.clientId(pool.clientId()).refreshToken(refreshToken))
                .authenticationResult();
    }

    @Test
    void getTokensWhenRotationOffThenNewAccessAndIdTokensOnly() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);
        AuthenticationResultType signedIn = SignIn.password(pool, user);
        AuthenticationResultType refreshed = refresh(pool, signedIn.refreshToken());
        assertNotNull(refreshed.accessToken());
        assertNotNull(refreshed.idToken());
        assertNull(refreshed.refreshToken());
    }

    @Test
    void getTokensWhenRotationOnThenNewRefreshTokenAndTheOldOneIsAReuse() {
        TestPool pool = rotatingPool(0, ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH);
        TestUser user = TestUsers.confirmed(pool);
        String first = SignIn.password(pool, user).refreshToken();
        AuthenticationResultType rotated = refresh(pool, first);
        assertNotNull(rotated.refreshToken());
        assertNotEquals(first, rotated.refreshToken());

        Expect.error(RefreshTokenReuseException.class, () -> refresh(pool, first));
        assertNotNull(refresh(pool, rotated.refreshToken()).refreshToken());
    }

    @Test
    void getTokensWhenWithinTheGracePeriodThenTheReplacedTokenStillWorks() {
        TestPool pool = rotatingPool(60, ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH);
        TestUser user = TestUsers.confirmed(pool);
        String first = SignIn.password(pool, user).refreshToken();
        refresh(pool, first);
        assertNotNull(refresh(pool, first).accessToken());
    }

    @Test
    void refreshTokenAuthWhenClientRotatesThenRefused() {
        TestPool pool = rotatingPool(0, ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);
        TestUser user = TestUsers.confirmed(pool);
        String refreshToken = SignIn.password(pool, user).refreshToken();
        Expect.errorMentioning(InvalidParameterException.class, "GetTokensFromRefreshToken",
                () -> cognito.initiateAuth(b -> b.clientId(pool.clientId()).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .authParameters(java.util.Map.of("REFRESH_TOKEN", refreshToken))));
    }

    @Test
    void getTokensWhenClientSecretWrongThenNotAuthorized() {
        String poolId = TestPools.createPool(b -> {
        });
        var client = TestPools.client(poolId, b -> b.generateSecret(true));
        TestPool pool = new TestPool(poolId, client.clientId());
        TestUser user = TestUsers.confirmed(pool);
        String refreshToken = cognito.initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(java.util.Map.of("USERNAME", user.username(),
                        "PASSWORD", user.password(), "SECRET_HASH", Cognito.secretHash(user.username(),
                                client.clientId(), client.clientSecret()))))
                .authenticationResult().refreshToken();
        Expect.error(NotAuthorizedException.class, () -> cognito.getTokensFromRefreshToken(b -> b
                .clientId(pool.clientId()).clientSecret("wrongsecretwrongsecretwrong").refreshToken(refreshToken)));
        assertNotNull(cognito.getTokensFromRefreshToken(b -> b.clientId(pool.clientId())
                .clientSecret(client.clientSecret()).refreshToken(refreshToken)).authenticationResult().accessToken());
    }
}
