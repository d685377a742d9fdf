package io.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cognate.it.support.Cognito;
import io.cognate.it.support.CognitoSrp;
import io.cognate.it.support.Expect;
import io.cognate.it.support.SignIn;
import io.cognate.it.support.TestMfa;
import io.cognate.it.support.TestPool;
import io.cognate.it.support.TestPools;
import io.cognate.it.support.TestTotp;
import io.cognate.it.support.TestUser;
import io.cognate.it.support.TestUsers;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceRememberedStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NewDeviceMetadataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * Remembered devices: NewDeviceMetadata, ConfirmDevice with the device's SRP verifier, DEVICE_SRP_AUTH and
 * DEVICE_PASSWORD_VERIFIER (computed here as the JS library does), skipping MFA where ChallengeRequiredOnNewDevice
 * allows it and following MFA where not, and the device management calls.
 */
class DevicesTest {
    private static final String DEVICE_PASSWORD = "device-secret-1";

    private final CognitoIdentityProviderClient anonymous = Cognito.anonymous();

    @Test
    void rememberedDeviceSignsInWithDeviceSrpAndSkipsMfaUntilForgotten() {
        TestTotp.awaitFreshStep();
        TestPool pool = TestMfa.devicePool(true);
        TestUser user = TestUsers.confirmed(pool);
        String secret = TestMfa.enableTotp(pool, user);

        // First sign-in: password, TOTP, and a new device to confirm.
        FirstSignIn first = firstSignInConfirmingDevice(pool, user, secret);
        assertFalse(first.userConfirmationNecessary());
        NewDeviceMetadataType metadata = first.device();
        DeviceType listed = anonymous.listDevices(b -> b.accessToken(first.tokens().accessToken())).devices().get(0);
        assertEquals(metadata.deviceKey(), listed.deviceKey());
        assertEquals("laptop", TestUsers.attribute(listed.deviceAttributes(), "device_name"));

        // Second sign-in with the device: DEVICE_SRP_AUTH, then tokens without MFA and without new metadata.
        AuthenticationResultType second = deviceSignIn(pool, user, metadata, DEVICE_PASSWORD).authenticationResult();
        assertNotNull(second.accessToken());
        assertNull(second.newDeviceMetadata());
        Expect.error(NotAuthorizedException.class, () -> deviceSignIn(pool, user, metadata, "wrong-device-secret"));

        // Not remembered: MFA is asked again, and the device proves itself after it.
        anonymous.updateDeviceStatus(b -> b.accessToken(second.accessToken()).deviceKey(metadata.deviceKey())
                .deviceRememberedStatus(DeviceRememberedStatusType.NOT_REMEMBERED));
        InitiateAuthResponse mfaFirst = passwordSignIn(pool, user, metadata.deviceKey());
        assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, mfaFirst.challengeName());
        RespondToAuthChallengeResponse deviceStep = TestMfa.answerTotp(pool, user, mfaFirst.session(),
                TestTotp.code(secret, 1));
        assertEquals(ChallengeNameType.DEVICE_SRP_AUTH, deviceStep.challengeName());
        AuthenticationResultType third = deviceProof(pool, user, metadata, DEVICE_PASSWORD, deviceStep.session())
                .authenticationResult();
        assertNotNull(third.accessToken());
        assertNull(third.newDeviceMetadata());

        // Forgotten: gone from the list, and the key no longer leads to DEVICE_SRP_AUTH.
        Cognito.admin().adminForgetDevice(b -> b.userPoolId(pool.id()).username(user.username())
                .deviceKey(metadata.deviceKey()));
        assertEquals(0, Cognito.admin().adminListDevices(b -> b.userPoolId(pool.id()).username(user.username()))
                .devices().size());
        Expect.error(ResourceNotFoundException.class, () -> Cognito.admin().adminGetDevice(b -> b
                .userPoolId(pool.id()).username(user.username()).deviceKey(metadata.deviceKey())));
        assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA,
                passwordSignIn(pool, user, metadata.deviceKey()).challengeName());
    }

    @Test
    void challengeNotWaivedThenRememberedDeviceAnswersMfaFirstAndMayReuseTheMfaSessionOnce() {
        TestTotp.awaitFreshStep();
        TestPool pool = TestMfa.devicePool(false);
        TestUser user = TestUsers.confirmed(pool);
        String secret = TestMfa.enableTotp(pool, user);
        NewDeviceMetadataType metadata = firstSignInConfirmingDevice(pool, user, secret).device();
        assertEquals("remembered", TestUsers.attribute(Cognito.admin().adminGetDevice(b -> b.userPoolId(pool.id())
                .username(user.username()).deviceKey(metadata.deviceKey())).device().deviceAttributes(),
                "dev:device_remembered_status"));

        // Remembered, yet MFA comes first; an MFA session not yet answered does not open the device step.
        InitiateAuthResponse mfaFirst = passwordSignIn(pool, user, metadata.deviceKey());
        assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, mfaFirst.challengeName());
        Expect.error(NotAuthorizedException.class, () -> deviceSrp(pool, user, metadata, mfaFirst.session(),
                CognitoSrp.forDevice(metadata.deviceGroupKey())));
        RespondToAuthChallengeResponse deviceStep = TestMfa.answerTotp(pool, user, mfaFirst.session(),
                TestTotp.code(secret, 1));
        assertEquals(ChallengeNameType.DEVICE_SRP_AUTH, deviceStep.challengeName());

        // amazon-cognito-identity-js answers DEVICE_SRP_AUTH with the MFA challenge's Session: accepted, once.
        AuthenticationResultType tokens = deviceProof(pool, user, metadata, DEVICE_PASSWORD, mfaFirst.session())
                .authenticationResult();
        assertNotNull(tokens.accessToken());
        assertNull(tokens.newDeviceMetadata());
        Expect.error(NotAuthorizedException.class, () -> deviceProof(pool, user, metadata, DEVICE_PASSWORD,
                deviceStep.session()));
    }

    @Test
    void poolWithoutDeviceTrackingThenNoNewDeviceMetadata() {
        TestPool pool = TestPools.pool();
        TestUser user = TestUsers.confirmed(pool);

        assertNull(SignIn.password(pool, user).newDeviceMetadata());
    }

    /** The first sign-in (password, then the current step's TOTP code) and ConfirmDevice of its new device. */
    private FirstSignIn firstSignInConfirmingDevice(TestPool pool, TestUser user, String secret) {
        AuthenticationResultType tokens = TestMfa.answerTotp(pool, user, passwordSignIn(pool, user, null).session(),
                TestTotp.code(secret, 0)).authenticationResult();
        NewDeviceMetadataType device = tokens.newDeviceMetadata();
        assertNotNull(device, "a pool that tracks devices hands out NewDeviceMetadata");
        Map<String, String> config = CognitoSrp.deviceSecretVerifierConfig(device.deviceGroupKey(), device.deviceKey(),
                DEVICE_PASSWORD);
        boolean confirmationNecessary = anonymous.confirmDevice(b -> b.accessToken(tokens.accessToken())
                .deviceKey(device.deviceKey()).deviceName("laptop").deviceSecretVerifierConfig(v -> v
                        .passwordVerifier(config.get("PasswordVerifier")).salt(config.get("Salt"))))
                .userConfirmationNecessary();
        return new FirstSignIn(tokens, device, confirmationNecessary);
    }

    private record FirstSignIn(AuthenticationResultType tokens, NewDeviceMetadataType device,
            boolean userConfirmationNecessary) {
    }

    /** USER_PASSWORD_AUTH with DEVICE_KEY of a device that skips MFA: DEVICE_SRP_AUTH at once, then the proof. */
    private RespondToAuthChallengeResponse deviceSignIn(TestPool pool, TestUser user, NewDeviceMetadataType device,
            String devicePassword) {
        InitiateAuthResponse started = passwordSignIn(pool, user, device.deviceKey());
        assertEquals(ChallengeNameType.DEVICE_SRP_AUTH, started.challengeName());
        return deviceProof(pool, user, device, devicePassword, started.session());
    }

    /** DEVICE_SRP_AUTH answered with {@code session}, then DEVICE_PASSWORD_VERIFIER. */
    private RespondToAuthChallengeResponse deviceProof(TestPool pool, TestUser user, NewDeviceMetadataType device,
            String devicePassword, String session) {
        CognitoSrp srp = CognitoSrp.forDevice(device.deviceGroupKey());
        RespondToAuthChallengeResponse verifier = deviceSrp(pool, user, device, session, srp);
        assertEquals(ChallengeNameType.DEVICE_PASSWORD_VERIFIER, verifier.challengeName());
        return anonymous.respondToAuthChallenge(b -> b.clientId(pool.clientId())
                .challengeName(ChallengeNameType.DEVICE_PASSWORD_VERIFIER).session(verifier.session())
                .challengeResponses(srp.devicePasswordVerifier(verifier.challengeParameters(), user.username(),
                        device.deviceKey(), devicePassword)));
    }

    private RespondToAuthChallengeResponse deviceSrp(TestPool pool, TestUser user, NewDeviceMetadataType device,
            String session, CognitoSrp srp) {
        return anonymous.respondToAuthChallenge(b -> b.clientId(pool.clientId())
                .challengeName(ChallengeNameType.DEVICE_SRP_AUTH).session(session)
                .challengeResponses(Map.of("USERNAME", user.username(), "DEVICE_KEY", device.deviceKey(), "SRP_A",
                        srp.srpA())));
    }

    private InitiateAuthResponse passwordSignIn(TestPool pool, TestUser user, String deviceKey) {
        Map<String, String> parameters = deviceKey == null
                ? Map.of("USERNAME", user.username(), "PASSWORD", user.password())
                : Map.of("USERNAME", user.username(), "PASSWORD", user.password(), "DEVICE_KEY", deviceKey);
        return anonymous.initiateAuth(b -> b.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(parameters));
    }

}
