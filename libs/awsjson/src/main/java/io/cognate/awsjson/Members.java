package io.cognate.awsjson;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of one AWS JSON 1.1 request, read against the API's model: a wrong JSON type is a SerializationException
 * worded as AWS words it, a missing, too long, malformed or unknown value the API's validation error in AWS's wording
 * ({@code 1 validation error detected: Value 'x' at 'poolName' failed to satisfy constraint: ...}). Every member read
 * is remembered: a parser must read each member the request carries, so that none is silently dropped
 * ({@link #requireAllRead()}). Nested objects and list items are read through children of the same API with their
 * path. Each API (Cognito IdP, Cognito Identity) names its errors and its sensitive members in a subclass.
 */
public abstract class Members<S extends Members<S>> {
    private final ObjectNode node;
    private final String path;
    /** Whether this object lies within a sensitive member, so no value of it is shown. */
    private final boolean sensitive;
    /** Members whose values never appear in a message (AWS's sensitive members of the API). */
    private final Set<String> sensitiveMembers;
    private final Set<String> read = new LinkedHashSet<>();
    private final List<S> children = new ArrayList<>();

    protected Members(ObjectNode node, String path, boolean sensitive, Set<String> sensitiveMembers) {
        this.node = node;
        this.path = path;
        this.sensitive = sensitive;
        this.sensitiveMembers = sensitiveMembers;
    }

    /** A reader of a nested object, of the same API as this one. */
    protected abstract S child(ObjectNode node, String path, boolean sensitive);

    /** The API's error for a missing, malformed or unknown value (InvalidParameterException, ValidationException). */
    protected abstract RuntimeException invalid(String message);

    /** The API's error for a member this deployment does not implement: by default {@link #invalid}'s. */
    protected RuntimeException unsupported(String message) {
        return invalid(message);
    }

    /** The API's SerializationException: a value of the wrong JSON type. */
    protected abstract RuntimeException malformed(String message);

    /** A member's raw value, without reading it: for what looks at a request before it is parsed (rate limits). */
    public String peek(String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public String required(String field, int min, int max) {
        String value = optional(field, min, max);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    public String required(String field, int min, int max, Pattern pattern) {
        return matching(field, required(field, min, max), pattern);
    }

    public String optional(String field, int min, int max) {
        JsonNode value = take(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(value, "a String");
        }
        String text = value.textValue();
        if (text.length() < min) {
            throw violation(field, text, "Member must have length greater than or equal to " + min);
        }
        if (text.length() > max) {
            throw violation(field, text, "Member must have length less than or equal to " + max);
        }
        return text;
    }

    public String optional(String field, int min, int max, Pattern pattern) {
        String value = optional(field, min, max);
        return value == null ? null : matching(field, value, pattern);
    }

    public Integer optionalInt(String field, int min, int max) {
        JsonNode value = take(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrongType(value, "an Integer");
        }
        int number = value.intValue();
        if (number < min) {
            throw violation(field, Integer.toString(number), "Member must have value greater than or equal to " + min);
        }
        if (number > max) {
            throw violation(field, Integer.toString(number), "Member must have value less than or equal to " + max);
        }
        return number;
    }

    public int requiredInt(String field, int min, int max) {
        Integer value = optionalInt(field, min, max);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    public Boolean optionalBoolean(String field) {
        JsonNode value = take(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wrongType(value, "a Boolean");
        }
        return value.booleanValue();
    }

    public boolean requiredBoolean(String field) {
        Boolean value = optionalBoolean(field);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    /** A boolean member, false when absent. */
    public boolean flag(String field) {
        return Boolean.TRUE.equals(optionalBoolean(field));
    }

    public String optionalEnum(String field, List<String> allowed) {
        String value = optional(field, 1, 256);
        if (value != null && !allowed.contains(value)) {
            throw violation(field, value, "Member must satisfy enum value set: " + allowed);
        }
        return value;
    }

    public String requiredEnum(String field, List<String> allowed) {
        String value = optionalEnum(field, allowed);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    /** A list of strings, each {@code min} to {@code max} long; null when absent. */
    public List<String> stringList(String field, int min, int max) {
        JsonNode value = take(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw wrongType(value, "a List");
        }
        List<String> list = new ArrayList<>();
        int index = 0;
        for (JsonNode item : value) {
            index++;
            if (!item.isTextual()) {
                throw wrongType(item, "a String");
            }
            String text = item.textValue();
            if (text.length() < min || text.length() > max) {
                throw violation(field + "." + index + ".member", text, "Member must have length "
                        + (text.length() < min ? "greater than or equal to " + min : "less than or equal to " + max));
            }
            list.add(text);
        }
        return list;
    }

    /** A list of strings each in {@code allowed}; null when absent. */
    public List<String> enumList(String field, List<String> allowed) {
        List<String> values = stringList(field, 1, 256);
        if (values != null) {
            for (String value : values) {
                if (!allowed.contains(value)) {
                    throw violation(field, values.toString(), "Member must satisfy constraint: [Member must satisfy "
                            + "enum value set: " + allowed + "]");
                }
            }
        }
        return values;
    }

    /** The names of this object's members: the keys, where the object is a map of structures. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A nested object, read member by member; null when absent. */
    public S nested(String field) {
        JsonNode value = take(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongType(value, "a structure");
        }
        return child((ObjectNode) value, pathOf(field), field);
    }

    /** A list of objects, each read member by member with {@code reader}; null when absent. */
    public <T> List<T> objectList(String field, int maxItems, Function<S, T> reader) {
        JsonNode value = take(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw wrongType(value, "a List");
        }
        if (value.size() > maxItems) {
            throw violation(field, null, "Member must have length less than or equal to " + maxItems);
        }
        List<T> items = new ArrayList<>();
        int index = 0;
        for (JsonNode item : value) {
            index++;
            if (!item.isObject()) {
                throw wrongType(item, "a structure");
            }
            items.add(reader.apply(child((ObjectNode) item, pathOf(field) + "." + index + ".member", field)));
        }
        return items;
    }

    /** A map of strings, such as AuthParameters or ChallengeResponses; empty when absent. */
    public Map<String, String> stringMap(String field) {
        JsonNode value = take(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null) {
            return map;
        }
        if (!value.isObject()) {
            throw wrongType(value, "a Map");
        }
        value.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw wrongType(e.getValue(), "a String");
            }
            map.put(e.getKey(), e.getValue().textValue());
        });
        return map;
    }

    /** A map of strings that must be there (an empty one is there). */
    public Map<String, String> requiredMap(String field) {
        if (!has(field)) {
            throw missing(field);
        }
        return stringMap(field);
    }

    /** A blob (base64 in the JSON protocol), at most {@code maxBytes} once decoded; null when absent. */
    public byte[] blob(String field, int maxBytes) {
        JsonNode value = take(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(value, "a Blob");
        }
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(value.textValue());
        } catch (IllegalArgumentException e) {
            throw malformedf("Base64 encoded value of %s is invalid.", field);
        }
        if (bytes.length > maxBytes) {
            throw violation(field, null, "Member must have length less than or equal to " + maxBytes);
        }
        return bytes;
    }

    /** A document (any JSON value), as its JSON text; null when absent. */
    public String document(String field) {
        JsonNode value = take(field);
        return value == null || value.isNull() ? null : value.toString();
    }

    /** Refuses a member this deployment does not implement yet, when the request carries it. */
    public void refuse(String field, String what) {
        if (take(field) != null) {
            throw unsupportedf("%s is not supported by this deployment yet.", what);
        }
    }

    /**
     * Fails with InvalidParameterException naming the first member of the request (or of an object within it) that no
     * parser read: a member Cognate does not know is refused, never dropped.
     */
    public void requireAllRead() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name) && !node.get(name).isNull()) {
                throw invalidf("%s is not a member Cognate supports here; it is refused rather "
                        + "than ignored.", path.isEmpty() ? name : pathOf(name));
            }
        }
        children.forEach(Members::requireAllRead);
    }

    private JsonNode take(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private S child(ObjectNode value, String childPath, String field) {
        S child = child(value, childPath, sensitive || sensitiveMembers.contains(field));
        children.add(child);
        return child;
    }

    private String pathOf(String field) {
        String member = Character.toLowerCase(field.charAt(0)) + field.substring(1);
        return path.isEmpty() ? member : path + "." + member;
    }

    private String matching(String field, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            throw violation(field, value, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return value;
    }

    private RuntimeException missing(String field) {
        return invalidf("1 validation error detected: Value null at '%s' failed to satisfy "
                + "constraint: Member must not be null", pathOf(field));
    }

    /**
     * AWS's validation error for {@code field} (a member of this object, possibly with a list item's suffix such as
     * {@code .2.member}); the value is left out for sensitive members, as AWS leaves it out.
     */
    private RuntimeException violation(String field, String value, String constraint) {
        int dot = field.indexOf('.');
        String member = dot < 0 ? field : field.substring(0, dot);
        boolean shown = value != null && !sensitive && !sensitiveMembers.contains(member);
        return invalidf("1 validation error detected: Value %sat '%s' failed to satisfy "
                + "constraint: %s", shown ? "'" + value + "' " : "", pathOf(member) + (dot < 0 ? "" : field.substring(dot)),
                constraint);
    }

    /** AWS's SerializationException texts for a value of the wrong JSON type. */
    private RuntimeException wrongType(JsonNode value, String expected) {
        if (value.isObject()) {
            return malformedf("Start of structure or map found where not expected.");
        }
        if (value.isArray()) {
            return malformedf("Start of list found where not expected");
        }
        String token = value.isTextual() ? "STRING_VALUE"
                : value.isNumber() ? "NUMBER_VALUE"
                        : value.isBoolean() ? (value.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE") : "VALUE";
        return malformedf("%s can not be converted to %s", token, expected);
    }

    private RuntimeException invalidf(String format, Object... args) {
        return invalid(String.format(format, args));
    }

    private RuntimeException unsupportedf(String format, Object... args) {
        return unsupported(String.format(format, args));
    }

    private RuntimeException malformedf(String format, Object... args) {
        return malformed(String.format(format, args));
    }
}
