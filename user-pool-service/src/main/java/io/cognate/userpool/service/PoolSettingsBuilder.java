package io.cognate.userpool.service;

import static io.cognate.userpool.api.CognitoError.INVALID_PARAMETER;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.userpool.api.Json;
import io.cognate.userpool.api.Params;

/**
 * Turns the input of CreateUserPool / UpdateUserPool into the pool's stored description, with Cognito's
 * validation and defaults. Settings this release cannot honour yet are refused, never silently stored.
 */
final class PoolSettingsBuilder {
    private static final Pattern CUSTOM_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,20}");
    private static final Set<String> USERNAME_ATTRIBUTES = Set.of("email", "phone_number");
    private static final Set<String> ALIAS_ATTRIBUTES = Set.of("email", "phone_number", "preferred_username");
    private static final Set<String> DATA_TYPES = Set.of("String", "Number", "DateTime", "Boolean");
    /** Stored as given and returned by DescribeUserPool; later releases act on them. */
    private static final List<String> PASSTHROUGH = List.of("UserPoolTags", "AccountRecoverySetting", "EmailConfiguration",
            "SmsConfiguration", "SmsVerificationMessage", "SmsAuthenticationMessage", "UserAttributeUpdateSettings",
            "UserPoolTier", "UserPoolAddOns", "DeviceConfiguration");
    static final int MAX_CUSTOM_ATTRIBUTES = 50;

    private PoolSettingsBuilder() {
    }

    /** The description of a new pool; the immutable parts (schema, sign-in attributes) are set only here. */
    static ObjectNode forCreate(Params request) {
        ObjectNode settings = mutableSettings(request);
        List<String> usernameAttributes = subset(request, "UsernameAttributes", USERNAME_ATTRIBUTES);
        List<String> aliasAttributes = subset(request, "AliasAttributes", ALIAS_ATTRIBUTES);
        if (!usernameAttributes.isEmpty() && !aliasAttributes.isEmpty()) {
            throw INVALID_PARAMETER.withMessage(
                    "Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.");
        }
        if (!usernameAttributes.isEmpty()) {
            settings.set("UsernameAttributes", Json.strings(usernameAttributes));
        }
        if (!aliasAttributes.isEmpty()) {
            settings.set("AliasAttributes", Json.strings(aliasAttributes));
        }
        Params usernameConfiguration = request.nested("UsernameConfiguration");
        if (usernameConfiguration != null) {
            Boolean caseSensitive = usernameConfiguration.optionalBoolean("CaseSensitive");
            settings.putObject("UsernameConfiguration").put("CaseSensitive", caseSensitive == null || caseSensitive);
        }
        settings.set("SchemaAttributes", schema(request.node().get("Schema")));
        return settings;
    }

    /** The description after UpdateUserPool: as Cognito does, what the request leaves out returns to its default. */
    static ObjectNode forUpdate(Params request, ObjectNode current) {
        String mfa = request.optionalEnum("MfaConfiguration", List.of("OFF", "ON", "OPTIONAL"));
        ObjectNode settings = mutableSettings(request.without("MfaConfiguration"));
        // The schema and sign-in attributes are fixed at creation; the MFA methods belong to SetUserPoolMfaConfig.
        for (String kept : List.of("UsernameAttributes", "AliasAttributes", "UsernameConfiguration",
                "SchemaAttributes", "SoftwareTokenMfaConfiguration", "EmailMfaConfiguration", "SmsMfaConfiguration",
                "MfaConfiguration")) {
            if (current.has(kept)) {
                settings.set(kept, current.get(kept));
            }
        }
        if (mfa != null) {
            boolean anyMethod = settings.path("SoftwareTokenMfaConfiguration").path("Enabled").asBoolean(false)
                    || settings.has("EmailMfaConfiguration") || settings.has("SmsMfaConfiguration");
            if (!"OFF".equals(mfa) && !anyMethod) {
                throw INVALID_PARAMETER.withMessage("MfaConfiguration %s needs an MFA method: enable SMS, a software "
                        + "token or email with SetUserPoolMfaConfig.", mfa);
            }
            settings.put("MfaConfiguration", mfa);
        }
        return settings;
    }

    /** Adds custom attributes to a schema, refusing names that exist and schemas past Cognito's limit. */
    static ArrayNode addCustomAttributes(ArrayNode schema, JsonNode customAttributes) {
        if (customAttributes == null || !customAttributes.isArray() || customAttributes.isEmpty()) {
            throw INVALID_PARAMETER.withMessage("CustomAttributes must hold between 1 and 25 attributes.");
        }
        Map<String, SchemaAttribute> byName = new LinkedHashMap<>();
        schema.forEach(a -> byName.put(a.path("Name").asText(), SchemaAttribute.fromJson(a)));
        for (JsonNode attribute : customAttributes) {
            SchemaAttribute custom = custom(attribute);
            if (byName.containsKey(custom.name())) {
                throw INVALID_PARAMETER.withMessage("Existing attribute already has name %s.", custom.name());
            }
            byName.put(custom.name(), custom);
        }
        if (byName.values().stream().filter(SchemaAttribute::isCustom).count() > MAX_CUSTOM_ATTRIBUTES) {
            throw INVALID_PARAMETER.withMessage("A user pool can have at most %d custom attributes.",
                    MAX_CUSTOM_ATTRIBUTES);
        }
        ArrayNode result = Json.array();
        byName.values().forEach(a -> result.add(a.toJson()));
        return result;
    }

    private static ObjectNode mutableSettings(Params request) {
        ObjectNode settings = Json.object();
        settings.putObject("Policies").set("PasswordPolicy", passwordPolicy(request.nested("Policies")).toJson());
        String deletionProtection = request.optionalEnum("DeletionProtection", List.of("ACTIVE", "INACTIVE"));
        settings.put("DeletionProtection", deletionProtection == null ? "INACTIVE" : deletionProtection);
        refuseUnsupported(request);
        settings.put("MfaConfiguration", "OFF");
        settings.putObject("LambdaConfig");
        List<String> autoVerified = subset(request, "AutoVerifiedAttributes", USERNAME_ATTRIBUTES);
        if (!autoVerified.isEmpty()) {
            settings.set("AutoVerifiedAttributes", Json.strings(autoVerified));
        }
        settings.set("VerificationMessageTemplate", verificationTemplate(request));
        for (String field : List.of("EmailVerificationMessage", "EmailVerificationSubject")) {
            String value = request.optional(field, 1, 20000);
            if (value != null) {
                settings.put(field, value);
            }
        }
        settings.set("AdminCreateUserConfig", adminCreateUserConfig(request.nested("AdminCreateUserConfig")));
        for (String field : PASSTHROUGH) {
            if (request.has(field)) {
                settings.set(field, request.node().get(field));
            }
        }
        return settings;
    }

    private static void refuseUnsupported(Params request) {
        String mfa = request.optionalEnum("MfaConfiguration", List.of("OFF", "ON", "OPTIONAL"));
        if (mfa != null && !"OFF".equals(mfa)) {
            throw INVALID_PARAMETER.withMessage("MfaConfiguration %s needs an MFA method: create the pool with OFF, "
                    + "then turn MFA on with SetUserPoolMfaConfig (SMS, software token or email).", mfa);
        }
        ObjectNode lambda = request.object("LambdaConfig");
        if (lambda != null && lambda.size() > 0) {
            throw INVALID_PARAMETER.withMessage("Lambda triggers (LambdaConfig) are not supported by this deployment yet.");
        }
    }

    private static PasswordPolicy passwordPolicy(Params policies) {
        Params policy = policies == null ? null : policies.nested("PasswordPolicy");
        if (policy == null) {
            return PasswordPolicy.fromJson(Json.object());
        }
        Integer minimumLength = policy.optionalInt("MinimumLength", 6, 99);
        Integer validityDays = policy.optionalInt("TemporaryPasswordValidityDays", 0, 365);
        return new PasswordPolicy(minimumLength == null ? 8 : minimumLength, flag(policy, "RequireUppercase"),
                flag(policy, "RequireLowercase"), flag(policy, "RequireNumbers"), flag(policy, "RequireSymbols"),
                validityDays == null ? 7 : validityDays);
    }

    /** A policy field left out of a given PasswordPolicy is false, as in Cognito. */
    private static boolean flag(Params policy, String field) {
        Boolean value = policy.optionalBoolean(field);
        return value != null && value;
    }

    private static ObjectNode verificationTemplate(Params request) {
        Params template = request.nested("VerificationMessageTemplate");
        ObjectNode node = Json.object();
        if (template != null) {
            String option = template.optionalEnum("DefaultEmailOption", List.of("CONFIRM_WITH_CODE", "CONFIRM_WITH_LINK"));
            String message = template.optional("EmailMessage", 6, 20000);
            if (message != null && !message.contains("{####}")) {
                throw INVALID_PARAMETER.withMessage("The verification email message must contain the {####} placeholder.");
            }
            String byLink = template.optional("EmailMessageByLink", 6, 20000);
            if (byLink != null && !SignUpService.LINK_PLACEHOLDER.matcher(byLink).find()) {
                throw INVALID_PARAMETER.withMessage("EmailMessageByLink must contain a {##link text##} placeholder.");
            }
            copy(template, node, "EmailMessage", "EmailSubject", "SmsMessage", "EmailMessageByLink",
                    "EmailSubjectByLink");
            node.put("DefaultEmailOption", option == null ? "CONFIRM_WITH_CODE" : option);
            return node;
        }
        node.put("DefaultEmailOption", "CONFIRM_WITH_CODE");
        return node;
    }

    private static ObjectNode adminCreateUserConfig(Params config) {
        ObjectNode node = Json.object();
        Boolean adminOnly = config == null ? null : config.optionalBoolean("AllowAdminCreateUserOnly");
        node.put("AllowAdminCreateUserOnly", adminOnly != null && adminOnly);
        Integer unusedDays = config == null ? null : config.optionalInt("UnusedAccountValidityDays", 0, 365);
        node.put("UnusedAccountValidityDays", unusedDays == null ? 7 : unusedDays);
        Params invite = config == null ? null : config.nested("InviteMessageTemplate");
        if (invite != null) {
            String message = invite.optional("EmailMessage", 6, 20000);
            if (message != null && (!message.contains("{####}") || !message.contains("{username}"))) {
                throw INVALID_PARAMETER.withMessage(
                        "The invitation email message must contain the {username} and {####} placeholders.");
            }
            ObjectNode template = node.putObject("InviteMessageTemplate");
            copy(invite, template, "EmailMessage", "EmailSubject", "SMSMessage");
        }
        return node;
    }

    private static ArrayNode schema(JsonNode requested) {
        Map<String, SchemaAttribute> schema = new LinkedHashMap<>();
        SchemaAttribute.STANDARD.forEach(a -> schema.put(a.name(), a));
        if (requested != null && !requested.isNull()) {
            if (!requested.isArray()) {
                throw INVALID_PARAMETER.withMessage("Schema must be a list of attributes.");
            }
            for (JsonNode attribute : requested) {
                String name = attribute.path("Name").asText("");
                SchemaAttribute standard = schema.get(name);
                if (standard != null && !standard.isCustom()) {
                    boolean required = attribute.path("Required").asBoolean(standard.required());
                    boolean mutable = attribute.path("Mutable").asBoolean(standard.mutable());
                    schema.put(name, standard.withRequired(required).withMutable(mutable));
                } else {
                    SchemaAttribute custom = custom(attribute);
                    if (schema.containsKey(custom.name())) {
                        throw INVALID_PARAMETER.withMessage("Existing attribute already has name %s.", custom.name());
                    }
                    schema.put(custom.name(), custom);
                }
            }
        }
        if (schema.values().stream().filter(SchemaAttribute::isCustom).count() > MAX_CUSTOM_ATTRIBUTES) {
            throw INVALID_PARAMETER.withMessage("A user pool can have at most %d custom attributes.",
                    MAX_CUSTOM_ATTRIBUTES);
        }
        ArrayNode result = Json.array();
        schema.values().forEach(a -> result.add(a.toJson()));
        return result;
    }

    private static SchemaAttribute custom(JsonNode attribute) {
        if (!attribute.isObject()) {
            throw INVALID_PARAMETER.withMessage("Each schema attribute must be an object.");
        }
        String name = attribute.path("Name").asText("");
        if (!CUSTOM_NAME.matcher(name).matches()) {
            throw INVALID_PARAMETER.withMessage("Custom attribute names must be 1 to 20 characters: '%s'.", name);
        }
        String dataType = attribute.path("AttributeDataType").asText("String");
        if (!DATA_TYPES.contains(dataType)) {
            throw INVALID_PARAMETER.withMessage("AttributeDataType must be one of %s.", DATA_TYPES);
        }
        if (attribute.path("Required").asBoolean(false)) {
            throw INVALID_PARAMETER.withMessage("Required custom attributes are not supported currently.");
        }
        JsonNode s = attribute.path("StringAttributeConstraints");
        JsonNode n = attribute.path("NumberAttributeConstraints");
        boolean string = "String".equals(dataType);
        return new SchemaAttribute("custom:" + name, dataType, false, attribute.path("Mutable").asBoolean(true),
                attribute.path("DeveloperOnlyAttribute").asBoolean(false),
                string ? s.path("MinLength").asText("0") : null, string ? s.path("MaxLength").asText("2048") : null,
                n.hasNonNull("MinValue") ? n.get("MinValue").asText() : null,
                n.hasNonNull("MaxValue") ? n.get("MaxValue").asText() : null);
    }

    private static List<String> subset(Params request, String field, Set<String> allowed) {
        List<String> values = request.stringList(field);
        if (values == null) {
            return List.of();
        }
        for (String value : values) {
            if (!allowed.contains(value)) {
                throw INVALID_PARAMETER.withMessage("%s may only hold %s, not '%s'.", field, allowed, value);
            }
        }
        return values.stream().distinct().toList();
    }

    private static void copy(Params from, ObjectNode to, String... fields) {
        for (String field : fields) {
            String value = from.optional(field, 1, 20000);
            if (value != null) {
                to.put(field, value);
            }
        }
    }
}
