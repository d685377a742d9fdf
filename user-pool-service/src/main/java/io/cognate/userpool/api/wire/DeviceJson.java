package io.cognate.userpool.api.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Json;
import io.cognate.userpool.repository.DeviceEntity;

/** Devices as Cognito's DeviceType shows them. */
public final class DeviceJson {
    private DeviceJson() {
    }

    public static ObjectNode deviceType(DeviceEntity device) {
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
}
