package io.cognate.userpool.service;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;

/** One attribute of a pool's schema, as Cognito's SchemaAttributeType. */
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

    public boolean isCustom() {
        return name.startsWith("custom:") || name.startsWith("dev:");
    }

    public SchemaAttribute withRequired(boolean required) {
        return new SchemaAttribute(name, dataType, required, mutable, developerOnly, minLength, maxLength, minValue,
                maxValue);
    }

    public SchemaAttribute withMutable(boolean mutable) {
        return new SchemaAttribute(name, dataType, required, mutable, developerOnly, minLength, maxLength, minValue,
                maxValue);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("Name", name).put("AttributeDataType", dataType)
                .put("DeveloperOnlyAttribute", developerOnly).put("Mutable", mutable).put("Required", required);
        if (minLength != null || maxLength != null) {
            ObjectNode constraints = node.putObject("StringAttributeConstraints");
            putIfPresent(constraints, "MinLength", minLength);
            putIfPresent(constraints, "MaxLength", maxLength);
        }
        if ("Number".equals(dataType) && (minValue != null || maxValue != null)) {
            ObjectNode constraints = node.putObject("NumberAttributeConstraints");
            putIfPresent(constraints, "MinValue", minValue);
            putIfPresent(constraints, "MaxValue", maxValue);
        }
        return node;
    }

    public static SchemaAttribute fromJson(JsonNode node) {
        JsonNode s = node.path("StringAttributeConstraints");
        JsonNode n = node.path("NumberAttributeConstraints");
        return new SchemaAttribute(node.path("Name").asText(), node.path("AttributeDataType").asText("String"),
                node.path("Required").asBoolean(false), node.path("Mutable").asBoolean(true),
                node.path("DeveloperOnlyAttribute").asBoolean(false), text(s, "MinLength"), text(s, "MaxLength"),
                text(n, "MinValue"), text(n, "MaxValue"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
