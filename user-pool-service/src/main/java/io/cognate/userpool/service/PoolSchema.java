package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.cognate.userpool.model.SchemaAttribute;
import io.cognate.userpool.model.SchemaAttributeInput;

/**
 * A pool's schema as Cognito builds it: its standard attributes (whose required and mutable flags and string limits a
 * pool may change, never their type), and up to {@link #MAX_CUSTOM_ATTRIBUTES} custom ones, named {@code custom:<name>}.
 */
public final class PoolSchema {
    static final int MAX_CUSTOM_ATTRIBUTES = 50;
    private static final Pattern CUSTOM_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,20}");
    private static final Set<String> DATA_TYPES = Set.of("String", "Number", "DateTime", "Boolean");
    private static final int MAX_STRING_LENGTH = 2048;

    private PoolSchema() {
    }

    /** CreateUserPool's schema: the standard attributes, changed and extended as {@code requested} says. */
    public static List<SchemaAttribute> create(List<SchemaAttributeInput> requested) {
        Map<String, SchemaAttribute> schema = new LinkedHashMap<>();
        SchemaAttribute.STANDARD.forEach(a -> schema.put(a.name(), a));
        Set<String> named = new HashSet<>();
        for (SchemaAttributeInput input : requested) {
            if (input.name() == null) {
                throw INVALID_PARAMETER.withMessage("1 validation error detected: Value null at 'schema.member.name' "
                        + "failed to satisfy constraint: Member must not be null");
            }
            if (!named.add(input.name())) {
                throw INVALID_PARAMETER.withMessage("Attribute %s appears twice in the schema.", input.name());
            }
            SchemaAttribute standard = SchemaAttribute.standard(input.name());
            SchemaAttribute attribute = standard != null ? changedStandard(standard, input) : custom(input);
            if (standard == null && schema.containsKey(attribute.name())) {
                throw existing(attribute.name());
            }
            schema.put(attribute.name(), attribute);
        }
        return checkedCount(schema);
    }

    /** AddCustomAttributes: the schema with {@code added} custom attributes, none of them existing already. */
    public static List<SchemaAttribute> add(List<SchemaAttribute> existing, List<SchemaAttributeInput> added) {
        Map<String, SchemaAttribute> schema = new LinkedHashMap<>();
        existing.forEach(a -> schema.put(a.name(), a));
        for (SchemaAttributeInput input : added) {
            SchemaAttribute custom = custom(input);
            if (schema.containsKey(custom.name())) {
                throw existing(custom.name());
            }
            schema.put(custom.name(), custom);
        }
        return checkedCount(schema);
    }

    /** Cognito's words for a name the schema holds already. */
    private static RuntimeException existing(String name) {
        return INVALID_PARAMETER.withMessage("%s: Existing attribute already has name %s.", name, name);
    }

    private static List<SchemaAttribute> checkedCount(Map<String, SchemaAttribute> schema) {
        if (schema.values().stream().filter(SchemaAttribute::isCustom).count() > MAX_CUSTOM_ATTRIBUTES) {
            throw INVALID_PARAMETER.withMessage("The user pool has reached the limit of %d custom attributes.",
                    MAX_CUSTOM_ATTRIBUTES);
        }
        return List.copyOf(schema.values());
    }

    /** A standard attribute keeps its type; a pool may require it, fix it, and narrow a string's length. */
    private static SchemaAttribute changedStandard(SchemaAttribute standard, SchemaAttributeInput input) {
        if (input.dataType() != null && !input.dataType().equals(standard.dataType())) {
            throw INVALID_PARAMETER.withMessage("You can not change AttributeDataType or set developerOnlyAttribute "
                    + "for standard schema attribute %s", standard.name());
        }
        if (Boolean.TRUE.equals(input.developerOnly())) {
            throw INVALID_PARAMETER.withMessage("You can not change AttributeDataType or set developerOnlyAttribute "
                    + "for standard schema attribute %s", standard.name());
        }
        boolean string = "String".equals(standard.dataType());
        String min = string ? length(standard.name(), input.minLength(), standard.minLength()) : standard.minLength();
        String max = string ? length(standard.name(), input.maxLength(), standard.maxLength()) : standard.maxLength();
        checkRange(standard.name(), min, max, "length");
        return new SchemaAttribute(standard.name(), standard.dataType(),
                input.required() == null ? standard.required() : input.required(),
                input.mutable() == null ? standard.mutable() : input.mutable(), false, min, max, standard.minValue(),
                standard.maxValue());
    }

    private static SchemaAttribute custom(SchemaAttributeInput input) {
        String name = input.name() == null ? "" : input.name();
        if (!CUSTOM_NAME.matcher(name).matches()) {
            throw INVALID_PARAMETER.withMessage("Custom attribute names must be 1 to 20 characters: '%s'.", name);
        }
        if (input.dataType() == null || !DATA_TYPES.contains(input.dataType())) {
            throw INVALID_PARAMETER.withMessage("Invalid AttributeDataType input, consider using the provided "
                    + "AttributeDataType enum.");
        }
        if (Boolean.TRUE.equals(input.required())) {
            throw INVALID_PARAMETER.withMessage("Required custom attributes are not supported currently.");
        }
        String fullName = "custom:" + name;
        boolean string = "String".equals(input.dataType());
        boolean number = "Number".equals(input.dataType());
        String minLength = string ? length(fullName, input.minLength(), "0") : null;
        String maxLength = string ? length(fullName, input.maxLength(), "2048") : null;
        checkRange(fullName, minLength, maxLength, "length");
        String minValue = number ? number(fullName, input.minValue()) : null;
        String maxValue = number ? number(fullName, input.maxValue()) : null;
        checkRange(fullName, minValue, maxValue, "value");
        return new SchemaAttribute(fullName, input.dataType(), false, input.mutable() == null || input.mutable(),
                Boolean.TRUE.equals(input.developerOnly()), minLength, maxLength, minValue, maxValue);
    }

    /** A string length limit: a whole number from 0 to 2048, or {@code fallback} when not given. */
    private static String length(String attribute, String value, String fallback) {
        if (value == null) {
            return fallback;
        }
        int length;
        try {
            length = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw INVALID_PARAMETER.withMessage("Invalid StringAttributeConstraints for schema attribute %s", attribute);
        }
        if (length < 0) {
            throw INVALID_PARAMETER.withMessage("Invalid StringAttributeConstraints for schema attribute %s", attribute);
        }
        if (length > MAX_STRING_LENGTH) {
            throw INVALID_PARAMETER.withMessage("%s: String attributes cannot have a length of more than %d", attribute,
                    MAX_STRING_LENGTH);
        }
        return Integer.toString(length);
    }

    private static String number(String attribute, String value) {
        if (value == null) {
            return null;
        }
        try {
            new BigDecimal(value.strip());
            return value.strip();
        } catch (NumberFormatException e) {
            throw INVALID_PARAMETER.withMessage("Invalid NumberAttributeConstraints for schema attribute %s", attribute);
        }
    }

    private static void checkRange(String attribute, String min, String max, String what) {
        if (min != null && max != null && new BigDecimal(min).compareTo(new BigDecimal(max)) > 0) {
            throw INVALID_PARAMETER.withMessage("%s: Max %s cannot be less than min %s.", attribute, what, what);
        }
    }
}
