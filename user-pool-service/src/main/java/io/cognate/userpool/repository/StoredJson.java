package io.cognate.userpool.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading and writing the JSON columns (settings, attributes): null-tolerant helpers over Jackson's tree. */
public final class StoredJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private StoredJson() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ObjectNode parse(String json) {
        if (json == null || json.isEmpty()) {
            return object();
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            return node instanceof ObjectNode o ? o : object();
        } catch (Exception e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    /** Any stored JSON value (a list, say); an empty list for none. */
    static JsonNode tree(String json) {
        if (json == null || json.isEmpty()) {
            return MAPPER.createArrayNode();
        }
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A flat object of strings, such as a user's attributes. */
    public static Map<String, String> strings(String json) {
        Map<String, String> map = new LinkedHashMap<>();
        parse(json).fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    public static String write(Map<String, String> strings) {
        ObjectNode node = object();
        strings.forEach(node::put);
        return write(node);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asBoolean();
    }

    /** The list of strings at {@code field}, or null when absent. */
    static List<String> list(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            return null;
        }
        List<String> list = new ArrayList<>();
        value.forEach(v -> list.add(v.asText()));
        return List.copyOf(list);
    }

    /** The object at {@code field}, or null when absent. */
    static JsonNode child(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isObject() ? null : value;
    }

    static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static void put(ObjectNode node, String field, Boolean value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static void put(ObjectNode node, String field, List<String> values) {
        if (values != null) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }

    /** A list of strings, such as a provider's IdP identifiers; empty for none. */
    public static List<String> stringList(String json) {
        List<String> list = new ArrayList<>();
        tree(json).forEach(node -> list.add(node.asText()));
        return List.copyOf(list);
    }

    public static String writeList(List<String> strings) {
        ArrayNode array = MAPPER.createArrayNode();
        strings.forEach(array::add);
        return write(array);
    }
}
