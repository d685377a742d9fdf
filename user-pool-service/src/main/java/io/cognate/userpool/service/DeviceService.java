package io.cognate.userpool.service;

import static io.cognate.userpool.api.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.api.CognitoError.RESOURCE_NOT_FOUND;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.auth.DeviceVerifiers;
import io.cognate.userpool.auth.Srp;
import io.cognate.userpool.repository.DeviceEntity;
import io.cognate.userpool.repository.DeviceRepository;
import io.cognate.userpool.repository.UserEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Remembered devices: ConfirmDevice (the device's SRP verifier), GetDevice, ListDevices, ForgetDevice and
 * UpdateDeviceStatus, and their Admin variants. A device exists from the sign-in that handed out its
 * NewDeviceMetadata; it can sign in with DEVICE_SRP_AUTH once confirmed.
 */
@ApplicationScoped
public class DeviceService {
    private static final List<String> STATUSES = List.of("remembered", "not_remembered");

    private final AccessTokens accessTokens;
    private final UserPoolService pools;
    private final UserAdminService admin;
    private final DeviceRepository devices;
    private final DeviceVerifiers verifiers;

    public DeviceService(AccessTokens accessTokens, UserPoolService pools, UserAdminService admin,
            DeviceRepository devices, DeviceVerifiers verifiers) {
        this.accessTokens = accessTokens;
        this.pools = pools;
        this.admin = admin;
        this.devices = devices;
        this.verifiers = verifiers;
    }

    public Uni<ObjectNode> confirmDevice(Params request) {
        String accessToken = request.accessToken();
        String deviceKey = request.required("DeviceKey", 1, 55);
        String name = request.optional("DeviceName", 1, 1024);
        Params config = request.nested("DeviceSecretVerifierConfig");
        BigInteger verifier = base64Number(config, "PasswordVerifier");
        BigInteger salt = base64Number(config, "Salt");
        if (verifier.signum() == 0 || verifier.compareTo(Srp.N) >= 0) {
            throw INVALID_PARAMETER.withMessage("DeviceSecretVerifierConfig.PasswordVerifier is not a valid verifier.");
        }
        return Panache.withTransaction(() -> accessTokens.authenticate(accessToken).chain(caller -> pools
                .cached(caller.poolId()).chain(pool -> device(caller.user(), deviceKey, true).chain(device -> {
                    verifiers.set(device, salt, verifier);
                    device.deviceName = name;
                    device.confirmed = true;
                    device.remembered = !pool.remembersDevicesOnlyOnPrompt();
                    device.updatedAt = Instant.now();
                    return devices.persist(device).map(saved -> Json.object().put("UserConfirmationNecessary",
                            pool.remembersDevicesOnlyOnPrompt()));
                }))));
    }

    public Uni<ObjectNode> getDevice(Params request) {
        String accessToken = request.accessToken();
        String deviceKey = request.required("DeviceKey", 1, 55);
        return Panache.withSession(() -> accessTokens.authenticate(accessToken)
                .chain(caller -> device(caller.user(), deviceKey, false))).map(DeviceService::deviceResponse);
    }

    public Uni<ObjectNode> adminGetDevice(Params request) {
        String deviceKey = request.required("DeviceKey", 1, 55);
        return Panache.withSession(() -> adminUser(request).chain(user -> device(user, deviceKey, false)))
                .map(DeviceService::deviceResponse);
    }

    public Uni<ObjectNode> listDevices(Params request) {
        String accessToken = request.accessToken();
        return Panache.withSession(() -> accessTokens.authenticate(accessToken)
                .chain(caller -> list(caller.user(), request, "PaginationToken")));
    }

    public Uni<ObjectNode> adminListDevices(Params request) {
        return Panache.withSession(() -> adminUser(request).chain(user -> list(user, request, "PaginationToken")));
    }

    public Uni<Void> forgetDevice(Params request) {
        String accessToken = request.accessToken();
        String deviceKey = request.required("DeviceKey", 1, 55);
        return Panache.withTransaction(() -> accessTokens.authenticate(accessToken)
                .chain(caller -> device(caller.user(), deviceKey, false)).chain(devices::delete));
    }

    public Uni<Void> adminForgetDevice(Params request) {
        String deviceKey = request.required("DeviceKey", 1, 55);
        return Panache.withTransaction(() -> adminUser(request).chain(user -> device(user, deviceKey, false))
                .chain(devices::delete));
    }

    public Uni<Void> updateDeviceStatus(Params request) {
        String accessToken = request.accessToken();
        String deviceKey = request.required("DeviceKey", 1, 55);
        String status = request.optionalEnum("DeviceRememberedStatus", STATUSES);
        return Panache.withTransaction(() -> accessTokens.authenticate(accessToken)
                .chain(caller -> device(caller.user(), deviceKey, false)).chain(device -> setStatus(device, status)));
    }

    public Uni<Void> adminUpdateDeviceStatus(Params request) {
        String deviceKey = request.required("DeviceKey", 1, 55);
        String status = request.optionalEnum("DeviceRememberedStatus", STATUSES);
        return Panache.withTransaction(() -> adminUser(request).chain(user -> device(user, deviceKey, false))
                .chain(device -> setStatus(device, status)));
    }

    private Uni<Void> setStatus(DeviceEntity device, String status) {
        if (status != null) {
            device.remembered = "remembered".equals(status);
            device.updatedAt = Instant.now();
        }
        return devices.persist(device).replaceWithVoid();
    }

    private Uni<ObjectNode> list(UserEntity user, Params request, String tokenField) {
        Integer limit = request.optionalInt("Limit", 0, 60);
        int pageSize = limit == null || limit == 0 ? 60 : limit;
        String after = PageTokens.decode(request.optional(tokenField, 1, 4096));
        return devices.listOfUser(user.poolId, user.sub, after, pageSize + 1).map(page -> {
            ObjectNode response = Json.object();
            ArrayNode list = response.putArray("Devices");
            List<DeviceEntity> shown = page.subList(0, Math.min(pageSize, page.size()));
            shown.forEach(device -> list.add(deviceType(device)));
            if (page.size() > pageSize) {
                response.put(tokenField, PageTokens.encode(shown.get(shown.size() - 1).deviceKey));
            }
            return response;
        });
    }

    private Uni<UserEntity> adminUser(Params request) {
        String poolId = request.userPoolId();
        String username = request.username();
        return pools.require(poolId).chain(pool -> admin.require(pool, username));
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

    private static ObjectNode deviceResponse(DeviceEntity device) {
        ObjectNode response = Json.object();
        response.set("Device", deviceType(device));
        return response;
    }

    /** Cognito's DeviceType. */
    static ObjectNode deviceType(DeviceEntity device) {
        ObjectNode node = Json.object().put("DeviceKey", device.deviceKey);
        ArrayNode attributes = node.putArray("DeviceAttributes");
        attributes.addObject().put("Name", "device_status").put("Value", "valid");
        attributes.addObject().put("Name", "dev:device_remembered_status")
                .put("Value", device.remembered ? "remembered" : "not_remembered");
        if (device.deviceName != null) {
            attributes.addObject().put("Name", "device_name").put("Value", device.deviceName);
        }
        node.put("DeviceCreateDate", Json.epochSeconds(device.createdAt))
                .put("DeviceLastModifiedDate", Json.epochSeconds(device.updatedAt));
        if (device.lastAuthenticatedAt != null) {
            node.put("DeviceLastAuthenticatedDate", Json.epochSeconds(device.lastAuthenticatedAt));
        }
        return node;
    }

    private static BigInteger base64Number(Params config, String field) {
        if (config == null) {
            throw INVALID_PARAMETER.withMessage("DeviceSecretVerifierConfig is required to confirm a device.");
        }
        String value = config.required(field, 1, 2048);
        try {
            return new BigInteger(1, Base64.getDecoder().decode(value));
        } catch (IllegalArgumentException e) {
            throw INVALID_PARAMETER.withMessage("DeviceSecretVerifierConfig.%s must be base64.", field);
        }
    }
}
