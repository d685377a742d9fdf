package io.cognate.it.support;

import java.util.Map;

import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/** Software-token MFA set up through the public API, as an app does it. */
public final class TestMfa {
    private TestMfa() {
    }

    /** Turns on OPTIONAL MFA with software tokens for the pool. */
    public static void optionalTotp(TestPool pool) {
        Cognito.admin().setUserPoolMfaConfig(b -> b.userPoolId(pool.id()).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(s -> s.enabled(true)));
    }

    /**
     * A pool that remembers every confirmed device (DeviceOnlyRememberedOnUserPrompt false), with OPTIONAL TOTP MFA;
     * {@code rememberedDevicesSkipMfa} is its ChallengeRequiredOnNewDevice.
     */
    public static TestPool devicePool(boolean rememberedDevicesSkipMfa) {
        TestPool pool = TestPools.pool(b -> b.deviceConfiguration(d -> d
                .challengeRequiredOnNewDevice(rememberedDevicesSkipMfa).deviceOnlyRememberedOnUserPrompt(false)));
        optionalTotp(pool);
        return pool;
    }

    /**
     * Associates a software token, verifies it with the previous step's code, enables and prefers it; answers its
     * secret (so a test has the current and next step's codes left).
     */
    public static String enableTotp(TestPool pool, TestUser user) {
        String accessToken = SignIn.password(pool, user).accessToken();
        String secret = Cognito.anonymous().associateSoftwareToken(b -> b.accessToken(accessToken)).secretCode();
        VerifySoftwareTokenResponseType status = Cognito.anonymous().verifySoftwareToken(b -> b
                .accessToken(accessToken).userCode(TestTotp.code(secret, -1))).status();
        if (status != VerifySoftwareTokenResponseType.SUCCESS) {
            throw new AssertionError("VerifySoftwareToken answered " + status);
        }
        Cognito.anonymous().setUserMFAPreference(b -> b.accessToken(accessToken)
                .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));
        return secret;
    }

    /** Answers a SOFTWARE_TOKEN_MFA challenge. */
    public static RespondToAuthChallengeResponse answerTotp(TestPool pool, TestUser user, String session, String code) {
        return Cognito.anonymous().respondToAuthChallenge(b -> b.clientId(pool.clientId())
                .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA).session(session)
                .challengeResponses(Map.of("USERNAME", user.username(), "SOFTWARE_TOKEN_MFA_CODE", code)));
    }
}
