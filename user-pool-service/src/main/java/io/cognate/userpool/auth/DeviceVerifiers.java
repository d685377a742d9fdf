package io.cognate.userpool.auth;

import java.math.BigInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.userpool.crypto.Kek;
import io.cognate.userpool.repository.DeviceEntity;

/** A device's SRP verifier, sealed with the KEK and bound to its pool and device key, as a user's password is. */
@ApplicationScoped
public class DeviceVerifiers {
    private final Kek kek;

    public DeviceVerifiers(Kek kek) {
        this.kek = kek;
    }

    public void set(DeviceEntity device, BigInteger salt, BigInteger verifier) {
        device.salt = salt.toByteArray();
        device.verifier = kek.seal(verifier.toByteArray(), associatedData(device));
    }

    public BigInteger verifier(DeviceEntity device) {
        return new BigInteger(1, kek.open(device.verifier, associatedData(device)));
    }

    private static String associatedData(DeviceEntity device) {
        return "device-verifier/" + device.poolId + "/" + device.deviceKey;
    }
}
