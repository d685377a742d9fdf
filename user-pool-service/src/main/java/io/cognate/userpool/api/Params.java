package io.cognate.userpool.api;

import static io.cognate.userpool.api.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.api.CognitoError.SERIALIZATION;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The request body of one action, with Cognito's validation: a wrong type is a SerializationException, a missing,
 * too long or malformed value an InvalidParameterException worded as AWS words its validation errors.
 */
public final class Params {
    public static final Pattern USER_POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");
    public static final Pattern CLIENT_ID = Pattern.compile("[\\w+]+");
    public static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    public static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");

    private final ObjectNode node;

    public Params(ObjectNode node) {
        this.node = node;
    }

    public ObjectNode node() {
        return node;
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public String required(String field, int min, int max) {
        String value = optional(field, min, max);
        if (value == null) {
            throw violation(field, "Member must not be null");
        }
        return value;
    }

    public String required(String field, int min, int max, Pattern pattern) {
        String value = required(field, min, max);
        return matching(field, value, pattern);
    }

    public String optional(String field, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw SERIALIZATION.withMessage("Unexpected value type for field '%s': expected a string", field);
        }
        String text = value.textValue();
        if (text.length() < min) {
            throw violation(field, "Member must have length greater than or equal to " + min);
        }
        if (text.length() > max) {
            throw violation(field, "Member must have length less than or equal to " + max);
        }
        return text;
    }

    public String optional(String field, int min, int max, Pattern pattern) {
        String value = optional(field, min, max);
        return value == null ? null : matching(field, value, pattern);
    }

    public String userPoolId() {
        return required("UserPoolId", 1, 55, USER_POOL_ID);
    }

    public String clientId() {
        return required("ClientId", 1, 128, CLIENT_ID);
    }

    public String username() {
        return required("Username", 1, 128, USERNAME);
    }

    public String accessToken() {
        return required("AccessToken", 1, 8192);
    }

    public Integer optionalInt(String field, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw SERIALIZATION.withMessage("Unexpected value type for field '%s': expected an integer", field);
        }
        int number = value.intValue();
        if (number < min) {
            throw violation(field, "Member must have value greater than or equal to " + min);
        }
        if (number > max) {
            throw violation(field, "Member must have value less than or equal to " + max);
        }
        return number;
    }

    public Boolean optionalBoolean(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw SERIALIZATION.withMessage("Unexpected value type for field '%s': expected a boolean", field);
        }
        return value.booleanValue();
    }

    public String optionalEnum(String field, List<String> allowed) {
        String value = optional(field, 1, 256);
        if (value != null && !allowed.contains(value)) {
            throw violation(field, "Member must satisfy enum value set: " + allowed);
        }
        return value;
    }

    public List<String> stringList(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw SERIALIZATION.withMessage("Unexpected value type for field '%s': expected a list", field);
        }
        List<String> list = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw SERIALIZATION.withMessage("Unexpected value type in list '%s': expected strings", field);
            }
            list.add(item.textValue());
        }
        return list;
    }

    public ObjectNode object(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw SERIALIZATION.withMessage("Unexpected value type for field '%s': expected an object", field);
        }
        return (ObjectNode) value;
    }

    /** The same request without one field (for a builder that handles that field itself). */
    public Params without(String field) {
        ObjectNode copy = node.deepCopy();
        copy.remove(field);
        return new Params(copy);
    }

    public Params nested(String field) {
        ObjectNode value = object(field);
        return value == null ? null : new Params(value);
    }

    /** A map of strings, such as AuthParameters or ChallengeResponses. */
    public Map<String, String> stringMap(String field) {
        ObjectNode value = object(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (value != null) {
            value.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    throw SERIALIZATION.withMessage("Unexpected value type in map '%s': expected strings", field);
                }
                map.put(e.getKey(), e.getValue().textValue());
            });
        }
        return map;
    }

    /** Cognito's [{"Name": ..., "Value": ...}] list, in order, later duplicates winning. */
    public Map<String, String> attributes(String field) {
        JsonNode value = node.get(field);
        Map<String, String> attributes = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return attributes;
        }
        if (!value.isArray()) {
            throw SERIALIZATION.withMessage("Unexpected value type for field '%s': expected a list", field);
        }
        for (JsonNode item : value) {
            if (!item.isObject()) {
                throw SERIALIZATION.withMessage("Unexpected value type in list '%s': expected objects", field);
            }
            Params attribute = new Params((ObjectNode) item);
            String name = attribute.required("Name", 1, 32, NAME);
            String attributeValue = attribute.optional("Value", 0, 2048);
            attributes.put(name, attributeValue == null ? "" : attributeValue);
        }
        return attributes;
    }

    private static String matching(String field, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            throw violation(field, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return value;
    }

    private static CognitoException violation(String field, String constraint) {
        return INVALID_PARAMETER.withMessage("1 validation error detected: Value at '%s' failed to satisfy constraint: %s",
                lowerCamel(field), constraint);
    }

    private static String lowerCamel(String field) {
        return Character.toLowerCase(field.charAt(0)) + field.substring(1);
    }
}
