package io.cognate.userpool.model;

import java.util.List;

/**
 * One attribute of a pool's schema, as Cognito's SchemaAttributeType. Constraints are Cognito's strings (null when not
 * set): string lengths for String attributes, values for Number attributes.
 */
public record SchemaAttribute(String name, String dataType, boolean required, boolean mutable, boolean developerOnly,
        String minLength, String maxLength, String minValue, String maxValue) {

    /** Cognito's standard attributes, in the order DescribeUserPool lists them. */
    public static final List<SchemaAttribute> STANDARD = List.of(
            new SchemaAttribute("sub", "String", true, false, false, "1", "2048", null, null),
            string("name"), string("given_name"), string("family_name"), string("middle_name"), string("nickname"),
            string("preferred_username"), string("profile"), string("picture"), string("website"), string("email"),
            new SchemaAttribute("email_verified", "Boolean", false, true, false, null, null, null, null),
            string("gender"), new SchemaAttribute("birthdate", "String", false, true, false, "10", "10", null, null),
            string("zoneinfo"), string("locale"), string("phone_number"),
            new SchemaAttribute("phone_number_verified", "Boolean", false, true, false, null, null, null, null),
            string("address"), new SchemaAttribute("updated_at", "Number", false, true, false, null, null, "0", null));

    private static SchemaAttribute string(String name) {
        return new SchemaAttribute(name, "String", false, true, false, "0", "2048", null, null);
    }

    public static SchemaAttribute standard(String name) {
        return STANDARD.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }

    public boolean isCustom() {
        return name.startsWith("custom:") || name.startsWith("dev:");
    }

    public SchemaAttribute withRequired(boolean newRequired) {
        return new SchemaAttribute(name, dataType, newRequired, mutable, developerOnly, minLength, maxLength, minValue,
                maxValue);
    }

    public SchemaAttribute withMutable(boolean newMutable) {
        return new SchemaAttribute(name, dataType, required, newMutable, developerOnly, minLength, maxLength, minValue,
                maxValue);
    }
}
