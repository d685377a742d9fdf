package io.cognate.userpool.credentials;

import java.math.BigInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.crypto.Aead;
import io.cognate.crypto.Purpose;
import io.cognate.userpool.repository.DeviceEntity;

/** A device's SRP verifier, sealed with the KEK and bound to its pool and device key, as a user's password is. */
@ApplicationScoped
public class DeviceVerifiers {
    private final Aead aead;

    public DeviceVerifiers(Aead aead) {
        this.aead = aead;
    }

    public void set(DeviceEntity device, BigInteger salt, BigInteger verifier) {
        device.salt = salt.toByteArray();
        device.verifier = aead.seal(Purpose.DEVICE_VERIFIER, context(device), verifier.toByteArray());
    }

    public BigInteger verifier(DeviceEntity device) {
        return new BigInteger(1, aead.open(Purpose.DEVICE_VERIFIER, context(device), device.verifier));
    }

    private static String context(DeviceEntity device) {
        return device.poolId + "/" + device.deviceKey;
    }
}
