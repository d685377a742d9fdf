package io.cognate.userpool.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cognate.userpool.credentials.Srp;
import io.cognate.userpool.error.CognitoException;
import io.cognate.userpool.error.Refusal;
import io.cognate.userpool.model.PoolSettings;
import io.cognate.userpool.repository.DeviceEntity;
import io.cognate.userpool.repository.UserEntity;

class DeviceFlowTest {
    private static final String DEVICE_PASSWORD = "device-password";
    private static final String TIMESTAMP = "Mon Jan 1 00:00:00 UTC 2024";

    private final TestSignIn signIn = new TestSignIn();

    /** A device of the user, confirmed with its verifier (as ConfirmDevice stores it) and remembered or not. */
    private DeviceEntity device(UserEntity user, boolean remembered) {
        DeviceEntity device = new DeviceEntity();
        device.deviceKey = "us-east-1_" + java.util.UUID.randomUUID();
        device.deviceGroupKey = "-group";
        device.poolId = user.poolId;
        device.sub = user.sub;
        BigInteger salt = Srp.newSalt();
        signIn.deviceVerifiers.set(device, salt, Srp.verifier(Srp.x(device.deviceGroupKey, device.deviceKey,
                DEVICE_PASSWORD, salt)));
        device.confirmed = true;
        device.remembered = remembered;
        device.createdAt = Instant.now();
        device.updatedAt = device.createdAt;
        signIn.devices.persist(device).await().indefinitely();
        return device;
    }

    private SignInOutcome signInWith(DeviceEntity device) {
        return signIn.passwordFlow.signIn(signIn.pool(), signIn.client(), Map.of("USERNAME", "alice", "PASSWORD",
                TestSignIn.PASSWORD, "DEVICE_KEY", device.deviceKey), AuthFlow.USER_PASSWORD_AUTH, Map.of()).await()
                .indefinitely();
    }

    /** DEVICE_SRP_AUTH then DEVICE_PASSWORD_VERIFIER, as the device proves itself with {@code password}. */
    private SignInOutcome proveDevice(SignInOutcome.Challenge deviceChallenge, DeviceEntity device, String password) {
        TestSignIn.SrpClient client = new TestSignIn.SrpClient();
        SignInOutcome.Challenge verifier = assertInstanceOf(SignInOutcome.Challenge.class, signIn.deviceFlow.start(
                signIn.pool(), signIn.client(), deviceChallenge.session(), Map.of("SRP_A", client.srpA(), "DEVICE_KEY",
                        device.deviceKey))
                .await().indefinitely());
        Map<String, Object> p = verifier.parameters();
        String signature = client.signature(device.deviceGroupKey, device.deviceKey, password, (String) p.get("SALT"),
                (String) p.get("SRP_B"), (String) p.get("SECRET_BLOCK"), TIMESTAMP);
        return signIn.deviceFlow.verify(signIn.pool(), signIn.client(), Map.of("PASSWORD_CLAIM_SECRET_BLOCK",
                (String) p.get("SECRET_BLOCK"), "PASSWORD_CLAIM_SIGNATURE", signature, "TIMESTAMP", TIMESTAMP,
                "DEVICE_KEY", device.deviceKey)).await().indefinitely();
    }

    @Test
    void signInWhenRememberedDeviceStandsInForMfaThenDeviceChallengeAndItsProofGivesTokens() {
        signIn.poolDevices = new PoolSettings.Devices(true, false);
        signIn.poolMfa = new PoolSettings.Mfa("ON", true, null, null);
        UserEntity user = signIn.user("alice");
        signIn.withTotp(user);
        DeviceEntity device = device(user, true);

        SignInOutcome.Challenge challenge = assertInstanceOf(SignInOutcome.Challenge.class, signInWith(device));
        SignInOutcome.Tokens tokens = assertInstanceOf(SignInOutcome.Tokens.class, proveDevice(challenge, device,
                DEVICE_PASSWORD));

        assertEquals("DEVICE_SRP_AUTH", challenge.name());
        assertNull(tokens.newDevice(), "a known device's sign-in makes no new device");
        assertNotNull(device.lastAuthenticatedAt);
    }

    @Test
    void signInWhenDeviceNotRememberedThenMfaFirst() {
        signIn.poolDevices = new PoolSettings.Devices(true, false);
        signIn.poolMfa = new PoolSettings.Mfa("ON", true, null, null);
        UserEntity user = signIn.user("alice");
        signIn.withTotp(user);

        assertEquals("SOFTWARE_TOKEN_MFA", assertInstanceOf(SignInOutcome.Challenge.class,
                signInWith(device(user, false))).name());
    }

    @Test
    void verifyWhenDeviceProofWrongThenWrongCredentialsCounted() {
        signIn.poolDevices = new PoolSettings.Devices(false, false);
        DeviceEntity device = device(signIn.user("alice"), true);
        SignInOutcome.Challenge challenge = assertInstanceOf(SignInOutcome.Challenge.class, signInWith(device));

        CognitoException e = assertThrows(CognitoException.class, () -> proveDevice(challenge, device, "other"));

        assertEquals(Refusal.WRONG_CREDENTIALS, e.refusal());
        assertEquals(1, signIn.failedSignIns.recorded.size());
    }

    @Test
    void signInWhenPoolTracksDevicesAndNoneNamedThenNewDeviceMetadata() {
        signIn.poolDevices = new PoolSettings.Devices(false, false);
        signIn.user("alice");

        SignInOutcome.Tokens tokens = assertInstanceOf(SignInOutcome.Tokens.class,
                signIn.passwordSignIn("alice", TestSignIn.PASSWORD));

        assertNotNull(tokens.newDevice());
        assertEquals(1, signIn.devices.rows.size());
    }
}
