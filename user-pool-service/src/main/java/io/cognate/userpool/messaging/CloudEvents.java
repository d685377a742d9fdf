package io.cognate.userpool.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** CloudEvents 1.0 in the structured JSON mode, as this service publishes them to Kafka. */
final class CloudEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The Kafka protocol binding's header of a structured-mode event (§3.3): what tells a CloudEvents SDK's
     * deserializer that the record's value is the whole event, in JSON.
     */
    static final List<Header> STRUCTURED = List.of(new RecordHeader("content-type",
            "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8)));

    private CloudEvents() {
    }

    /**
     * An event {@code io.cognate.userpool.<type>} from {@code /userpools/<poolId>}, its data the given fields in order.
     *
     * @param subject the event's subject (a user's sub), or null
     */
    static String event(String type, String poolId, String subject, Instant time, Map<String, String> data) {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/userpools/" + poolId).put("type", "io.cognate.userpool." + type);
        if (subject != null) {
            event.put("subject", subject);
        }
        event.put("time", DateTimeFormatter.ISO_INSTANT.format(time)).put("datacontenttype", "application/json");
        ObjectNode payload = event.putObject("data");
        data.forEach(payload::put);
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
