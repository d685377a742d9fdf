package io.cognate.userpool.api.actions;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import java.math.BigInteger;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Json;
import io.cognate.userpool.api.ActionGroup;
import io.cognate.userpool.api.ActionRegistry;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.api.wire.DeviceJson;
import io.cognate.userpool.api.wire.Pages;
import io.cognate.userpool.model.Page;
import io.cognate.userpool.repository.DeviceEntity;
import io.cognate.userpool.service.DeviceService;
import io.smallrye.mutiny.Uni;

/** Remembered devices: the user's own (access token) and an admin's view of any user's. */
@ApplicationScoped
public class DeviceActions implements ActionGroup {
    private static final List<String> STATUSES = List.of("remembered", "not_remembered");

    private final DeviceService devices;

    public DeviceActions(DeviceService devices) {
        this.devices = devices;
    }

    record Confirmation(String accessToken, String deviceKey, String name, BigInteger salt, BigInteger verifier) {
    }

    record OwnedDevice(DeviceService.Owner owner, String deviceKey, String status) {
    }

    record OwnedDevices(DeviceService.Owner owner, Keys.Listing listing) {
    }

    @Override
    public void register(ActionRegistry registry) {
        registry.open("ConfirmDevice", DeviceActions::confirmation,
                c -> devices.confirmDevice(c.accessToken(), c.deviceKey(), c.name(), c.salt(), c.verifier()),
                necessary -> Json.object().put("UserConfirmationNecessary", necessary));
        registry.open("GetDevice", p -> device(ofToken(p), p, false), d -> devices.get(d.owner(), d.deviceKey()),
                device -> Json.wrap("Device", DeviceJson.deviceType(device)));
        registry.iam("AdminGetDevice", p -> device(ofAdmin(p), p, false), d -> devices.get(d.owner(), d.deviceKey()),
                device -> Json.wrap("Device", DeviceJson.deviceType(device)));
        registry.open("ListDevices", p -> listing(ofToken(p), p), this::list, this::page);
        registry.iam("AdminListDevices", p -> listing(ofAdmin(p), p), this::list, this::page);
        registry.open("ForgetDevice", p -> device(ofToken(p), p, false), d -> devices.forget(d.owner(), d.deviceKey()),
                Json::empty);
        registry.iam("AdminForgetDevice", p -> device(ofAdmin(p), p, false),
                d -> devices.forget(d.owner(), d.deviceKey()), Json::empty);
        registry.open("UpdateDeviceStatus", p -> device(ofToken(p), p, true),
                d -> devices.updateStatus(d.owner(), d.deviceKey(), d.status()), Json::empty);
        registry.iam("AdminUpdateDeviceStatus", p -> device(ofAdmin(p), p, true),
                d -> devices.updateStatus(d.owner(), d.deviceKey(), d.status()), Json::empty);
    }

    private Uni<Page<DeviceEntity>> list(OwnedDevices request) {
        return devices.list(request.owner(), request.listing().limit(), request.listing().nextToken());
    }

    private ObjectNode page(Page<DeviceEntity> page) {
        return Pages.write(page, "Devices", "PaginationToken", DeviceJson::deviceType);
    }

    private static DeviceService.Owner ofToken(Params p) {
        return DeviceService.ofToken(p.accessToken());
    }

    private static DeviceService.Owner ofAdmin(Params p) {
        Keys.PoolUser user = Keys.PoolUser.of(p);
        return DeviceService.ofAdmin(user.poolId(), user.username());
    }

    private static OwnedDevice device(DeviceService.Owner owner, Params p, boolean status) {
        return new OwnedDevice(owner, p.required("DeviceKey", 1, 55),
                status ? p.optionalEnum("DeviceRememberedStatus", STATUSES) : null);
    }

    private static OwnedDevices listing(DeviceService.Owner owner, Params p) {
        return new OwnedDevices(owner, Keys.Listing.of(null, p, "Limit", "PaginationToken"));
    }

    private static Confirmation confirmation(Params p) {
        String accessToken = p.accessToken();
        String deviceKey = p.required("DeviceKey", 1, 55);
        Params config = p.nested("DeviceSecretVerifierConfig");
        String name = p.optional("DeviceName", 1, 1024);
        if (config == null) {
            throw INVALID_PARAMETER.withMessage("DeviceSecretVerifierConfig is required to confirm a device.");
        }
        return new Confirmation(accessToken, deviceKey, name, base64Number(config, "Salt"),
                base64Number(config, "PasswordVerifier"));
    }

    private static BigInteger base64Number(Params config, String field) {
        String value = config.required(field, 1, 2048);
        try {
            return new BigInteger(1, Base64.getDecoder().decode(value));
        } catch (IllegalArgumentException e) {
            throw INVALID_PARAMETER.withMessage("DeviceSecretVerifierConfig.%s must be base64.", field);
        }
    }
}
