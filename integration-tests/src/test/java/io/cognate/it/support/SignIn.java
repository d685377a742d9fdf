package io.cognate.it.support;

import java.util.Map;

import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/** Sign-in as an app does it, through the public actions and without credentials. */
public final class SignIn {

    private SignIn() {
    }

    /** USER_PASSWORD_AUTH through the pool's standard client; fails unless tokens come back at once. */
    public static AuthenticationResultType password(TestPool pool, TestUser user) {
        return password(pool.clientId(), user.username(), user.password());
    }

    public static AuthenticationResultType password(String clientId, String username, String password) {
        InitiateAuthResponse response = Cognito.anonymous().initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
        return tokens(response.challengeNameAsString(), response.authenticationResult());
    }

    /** USER_SRP_AUTH with the test-side SRP client; fails unless tokens come back after PASSWORD_VERIFIER. */
    public static AuthenticationResultType srp(TestPool pool, String username, String password) {
        CognitoSrp srp = new CognitoSrp(pool.id());
        InitiateAuthResponse challenge = Cognito.anonymous().initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", username, "SRP_A", srp.srpA())));
        if (challenge.challengeName() != ChallengeNameType.PASSWORD_VERIFIER) {
            throw new AssertionError("USER_SRP_AUTH answered " + challenge.challengeNameAsString()
                    + " instead of PASSWORD_VERIFIER");
        }
        RespondToAuthChallengeResponse response = Cognito.anonymous().respondToAuthChallenge(b -> b
                .clientId(pool.clientId())
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                .session(challenge.session())
                .challengeResponses(srp.passwordVerifier(challenge.challengeParameters(), password)));
        return tokens(response.challengeNameAsString(), response.authenticationResult());
    }

    private static AuthenticationResultType tokens(String challenge, AuthenticationResultType result) {
        if (challenge != null || result == null) {
            throw new AssertionError("expected tokens, got challenge " + challenge);
        }
        return result;
    }
}
