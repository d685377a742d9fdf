package io.cognate.awsjson;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small helpers for building AWS JSON 1.1 responses. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    public static ArrayNode strings(Collection<String> values) {
        ArrayNode array = array();
        values.forEach(array::add);
        return array;
    }

    /** AWS JSON protocols carry timestamps as epoch seconds. */
    public static double epochSeconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    /** Cognito's [{"Name": ..., "Value": ...}] attribute list. */
    public static ArrayNode attributeList(Map<String, String> attributes) {
        ArrayNode list = array();
        attributes.forEach((name, value) -> list.addObject().put("Name", name).put("Value", value));
        return list;
    }

    /** An object of one member, as many Cognito answers are ({"User": ...}, {"CodeDeliveryDetails": ...}). */
    public static ObjectNode wrap(String field, JsonNode value) {
        ObjectNode node = object();
        node.set(field, value);
        return node;
    }

    /** The answer of an action that answers nothing: {}. */
    public static ObjectNode empty(Object ignored) {
        return object();
    }

    /** A document a request carried (its JSON text, as stored), back as JSON. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("stored document is unreadable", e);
        }
    }

    /**
     * A JSON 1.1 request's body as its object (an empty body is {}), or the API's SerializationException from
     * {@code malformed} with AWS's text.
     */
    public static ObjectNode requestBody(byte[] body, Function<String, RuntimeException> malformed) {
        if (body == null || body.length == 0) {
            return object();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (Exception e) {
            throw malformed.apply("The request body is not valid JSON.");
        }
        if (node == null || node.isMissingNode()) {
            return object();
        }
        if (!(node instanceof ObjectNode request)) {
            throw malformed.apply("The request body must be a JSON object.");
        }
        if (holdsNul(request)) {
            throw malformed.apply("The request body holds the character U+0000, which no member accepts.");
        }
        return request;
    }

    /** Whether a string (a value or a member's name) anywhere in the node holds U+0000, which PostgreSQL cannot store. */
    private static boolean holdsNul(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf(0) >= 0;
        }
        if (node.isObject()) {
            for (var members = node.fields(); members.hasNext();) {
                var member = members.next();
                if (member.getKey().indexOf(0) >= 0 || holdsNul(member.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (holdsNul(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
