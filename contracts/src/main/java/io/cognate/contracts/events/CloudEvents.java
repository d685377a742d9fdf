package io.cognate.contracts.events;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * CloudEvents 1.0 in the structured JSON mode, as the services publish them to Kafka (the catalogue:
 * {@code contracts/src/main/resources/events/README.md}).
 */
public final class CloudEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The value of the Kafka protocol binding's {@code content-type} header for a structured-mode event (§3.3): what
     * tells a CloudEvents SDK's deserializer that the record's value is the whole event, in JSON.
     */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private CloudEvents() {
    }

    /**
     * An event of {@code type} (e.g. {@code io.cognate.userpool.SignUp}) from {@code /userpools/<poolId>}, its data
     * the given fields in order (strings, numbers, booleans).
     *
     * @param subject the event's subject (a user's sub), or null
     */
    public static String event(String type, String poolId, String subject, Instant time, Map<String, ?> data) {
        return from("/userpools/" + poolId, type, subject, time, data);
    }

    /** An event of {@code type} from {@code source} (e.g. {@code /identitypools/<identityPoolId>}). */
    public static String from(String source, String type, String subject, Instant time, Map<String, ?> data) {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", source).put("type", type);
        if (subject != null) {
            event.put("subject", subject);
        }
        event.put("time", DateTimeFormatter.ISO_INSTANT.format(time)).put("datacontenttype", "application/json");
        ObjectNode payload = event.putObject("data");
        data.forEach((name, value) -> payload.set(name, JSON.valueToTree(value)));
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
