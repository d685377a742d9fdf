package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.error.CognitoError.RESOURCE_NOT_FOUND;

import java.math.BigInteger;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Transactions;
import io.cognate.userpool.credentials.DeviceVerifiers;
import io.cognate.userpool.credentials.Srp;
import io.cognate.userpool.model.Page;
import io.cognate.userpool.repository.DeviceEntity;
import io.cognate.userpool.repository.DeviceRepository;
import io.cognate.userpool.repository.UserEntity;
import io.smallrye.mutiny.Uni;

/**
 * Remembered devices: ConfirmDevice (the device's SRP verifier), GetDevice, ListDevices, ForgetDevice and
 * UpdateDeviceStatus, and their Admin variants. A device exists from the sign-in that handed out its
 * NewDeviceMetadata; it can sign in with DEVICE_SRP_AUTH once confirmed. The caller is the user an access token
 * names ({@link #ofToken}) or one an admin names ({@link #ofAdmin}).
 */
@ApplicationScoped
public class DeviceService {
    private final AccessTokens accessTokens;
    private final UserPoolService pools;
    private final UserLookup lookup;
    private final DeviceRepository devices;
    private final DeviceVerifiers verifiers;
    private final Transactions transactions;

    public DeviceService(AccessTokens accessTokens, UserPoolService pools, UserLookup lookup, DeviceRepository devices,
            DeviceVerifiers verifiers, Transactions transactions) {
        this.accessTokens = accessTokens;
        this.pools = pools;
        this.lookup = lookup;
        this.devices = devices;
        this.verifiers = verifiers;
        this.transactions = transactions;
    }

    /** Whose devices: the user of an access token, or a user an admin names. */
    public interface Owner {
        Uni<UserEntity> resolve(DeviceService service);
    }

    public static Owner ofToken(String accessToken) {
        return service -> service.accessTokens.authenticate(accessToken).map(AccessTokens.Caller::user);
    }

    public static Owner ofAdmin(String poolId, String username) {
        return service -> service.pools.require(poolId).chain(pool -> service.lookup.require(pool, username));
    }

    /** ConfirmDevice; answers whether the user must still be asked to remember it (UserConfirmationNecessary). */
    public Uni<Boolean> confirmDevice(String accessToken, String deviceKey, String name, BigInteger salt,
            BigInteger verifier) {
        if (verifier.signum() == 0 || verifier.compareTo(Srp.N) >= 0) {
            throw INVALID_PARAMETER.withMessage("DeviceSecretVerifierConfig.PasswordVerifier is not a valid verifier.");
        }
        return transactions.transaction(() -> accessTokens.authenticate(accessToken).chain(caller -> pools
                .cached(caller.poolId()).chain(pool -> device(caller.user(), deviceKey, true).chain(device -> {
                    verifiers.set(device, salt, verifier);
                    device.deviceName = name;
                    device.confirmed = true;
                    device.remembered = !pool.remembersDevicesOnlyOnPrompt();
                    device.updatedAt = Instant.now();
                    return devices.persist(device).map(saved -> pool.remembersDevicesOnlyOnPrompt());
                }))));
    }

    public Uni<DeviceEntity> get(Owner owner, String deviceKey) {
        return transactions.session(() -> owner.resolve(this).chain(user -> device(user, deviceKey, false)));
    }

    public Uni<Page<DeviceEntity>> list(Owner owner, int limit, String paginationToken) {
        String after = Page.after(paginationToken);
        return transactions.session(() -> owner.resolve(this).chain(user -> devices.listOfUser(user.poolId, user.sub,
                after, limit + 1))).map(page -> Page.of(page, limit, device -> device.deviceKey));
    }

    public Uni<Void> forget(Owner owner, String deviceKey) {
        return transactions.transaction(() -> owner.resolve(this).chain(user -> device(user, deviceKey, false))
                .chain(devices::delete));
    }

    /** UpdateDeviceStatus: remembered or not_remembered (null: unchanged). */
    public Uni<Void> updateStatus(Owner owner, String deviceKey, String status) {
        return transactions.transaction(() -> owner.resolve(this).chain(user -> device(user, deviceKey, false))
                .chain(device -> {
                    if (status != null) {
                        device.remembered = "remembered".equals(status);
                        device.updatedAt = Instant.now();
                    }
                    return devices.persist(device).replaceWithVoid();
                }));
    }

    /** The user's device; unconfirmed devices exist only for ConfirmDevice. */
    private Uni<DeviceEntity> device(UserEntity user, String deviceKey, boolean unconfirmedToo) {
        return devices.findOfUser(user.poolId, user.sub, deviceKey).map(device -> {
            if (device == null || (!device.confirmed && !unconfirmedToo)) {
                throw RESOURCE_NOT_FOUND.withMessage("Device not found.");
            }
            return device;
        });
    }
}
