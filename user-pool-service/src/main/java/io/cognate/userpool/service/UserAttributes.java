package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;
import static io.cognate.userpool.error.CognitoError.NOT_AUTHORIZED;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.cognate.userpool.model.SchemaAttribute;
import io.cognate.userpool.repository.UserEntity;

/** A user's attributes (stored as JSON beside the user) and Cognito's rules for writing them. */
public final class UserAttributes {
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern PHONE = Pattern.compile("\\+[0-9]{4,15}");
    private static final List<String> VERIFICATION_FLAGS = List.of("email_verified", "phone_number_verified");

    private UserAttributes() {
    }

    /** The user's attributes, without {@code sub} (which is the user's id). */
    public static Map<String, String> of(UserEntity user) {
        return user.attributes();
    }

    /** The attributes a trigger's event carries: {@code sub}, every attribute, and {@code cognito:user_status}. */
    public static Map<String, String> ofTrigger(UserEntity user) {
        Map<String, String> attributes = listed(user, List.of());
        attributes.put("cognito:user_status", user.status);
        return attributes;
    }

    /** The attributes as Cognito lists them: {@code sub} first, filtered to {@code readable} when it is not empty. */
    public static Map<String, String> listed(UserEntity user, List<String> readable) {
        Map<String, String> listed = new LinkedHashMap<>();
        if (readable.isEmpty() || readable.contains("sub")) {
            listed.put("sub", user.sub.toString());
        }
        of(user).forEach((name, value) -> {
            if (readable.isEmpty() || readable.contains(name)) {
                listed.put(name, value);
            }
        });
        return listed;
    }

    /** Stores the attributes on the user and refreshes the lookup keys derived from them. */
    public static void store(UserEntity user, UserPool pool, Map<String, String> attributes) {
        Map<String, String> stored = new LinkedHashMap<>(attributes);
        stored.remove("sub");
        user.attributes(stored);
        String email = attributes.get("email");
        user.emailKey = email == null ? null : email.toLowerCase(Locale.ROOT);
        user.phoneKey = attributes.get("phone_number");
        String preferred = attributes.get("preferred_username");
        user.preferredUsernameKey = preferred == null ? null : pool.usernameKey(preferred);
    }

    /**
     * Checks attributes a caller wants to write, and answers them as they are stored. Boolean values are true or false
     * in any case, kept as given (as Cognito keeps {@code "True"}): read them with {@link #isTrue}. An app user (admin false)
     * may write only what the client's
     * WriteAttributes allow and never the verification flags, which only verification or an admin sets.
     */
    public static Map<String, String> checkWritable(UserPool pool, AppClient client, Map<String, String> attributes,
            boolean admin) {
        Map<String, String> normalized = new LinkedHashMap<>();
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            String name = attribute.getKey();
            SchemaAttribute schema = pool.schema().get(name);
            if (schema == null) {
                throw INVALID_PARAMETER.withMessage("Invalid user attributes: %s: Attribute does not exist in the schema.",
                        name);
            }
            if ("sub".equals(name)) {
                throw INVALID_PARAMETER.withMessage("Invalid user attributes: sub: Attribute cannot be updated.");
            }
            if (!admin && (VERIFICATION_FLAGS.contains(name) || (client != null && !client.writeAttributes().isEmpty()
                    && !client.writeAttributes().contains(name)))) {
                throw NOT_AUTHORIZED.withMessage("A client attempted to write unauthorized attribute");
            }
            normalized.put(name, checkValue(schema, attribute.getValue()));
        }
        return normalized;
    }

    /** Whether a Boolean attribute's value (email_verified, ...) is true, in any case, as Cognito reads it. */
    public static boolean isTrue(String value) {
        return "true".equalsIgnoreCase(value);
    }

    /** Cognito refuses a user without a value for each required attribute. */
    public static void checkRequired(UserPool pool, Map<String, String> attributes) {
        for (SchemaAttribute schema : pool.schema().values()) {
            if (schema.required() && !"sub".equals(schema.name()) && isBlank(attributes.get(schema.name()))) {
                throw INVALID_PARAMETER.withMessage("Attributes did not conform to the schema: %s: The attribute is required",
                        schema.name());
            }
        }
    }

    /** An immutable attribute may be given a value once, at creation, and never changed after. */
    public static void checkMutable(UserPool pool, Map<String, String> current, Map<String, String> updates) {
        for (String name : updates.keySet()) {
            SchemaAttribute schema = pool.schema().get(name);
            if (schema != null && !schema.mutable() && current.containsKey(name)) {
                throw INVALID_PARAMETER.withMessage("Invalid user attributes: %s: Attribute cannot be updated. "
                        + "(changing an immutable attribute)", name);
            }
        }
    }

    /** The value as stored, or InvalidParameterException. */
    private static String checkValue(SchemaAttribute schema, String value) {
        String name = schema.name();
        if ("email".equals(name) && !EMAIL.matcher(value).matches()) {
            throw INVALID_PARAMETER.withMessage("Invalid email address format.");
        }
        if ("phone_number".equals(name) && !PHONE.matcher(value).matches()) {
            throw INVALID_PARAMETER.withMessage("Invalid phone number format.");
        }
        switch (schema.dataType()) {
            case "Boolean" -> {
                if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
                    throw INVALID_PARAMETER.withMessage("Invalid user attributes: %s: must be true or false.", name);
                }
            }
            case "Number" -> {
                BigDecimal number;
                try {
                    number = new BigDecimal(value.strip());
                } catch (NumberFormatException e) {
                    throw INVALID_PARAMETER.withMessage("Invalid user attributes: %s: must be a number.", name);
                }
                if ((schema.minValue() != null && number.compareTo(new BigDecimal(schema.minValue())) < 0)
                        || (schema.maxValue() != null && number.compareTo(new BigDecimal(schema.maxValue())) > 0)) {
                    throw INVALID_PARAMETER.withMessage("Invalid user attributes: %s: must be between %s and %s.", name,
                            schema.minValue(), schema.maxValue());
                }
            }
            default -> {
                int max = schema.maxLength() == null ? 2048 : Integer.parseInt(schema.maxLength());
                int min = schema.minLength() == null ? 0 : Integer.parseInt(schema.minLength());
                if (value.length() > max || value.length() < min) {
                    throw INVALID_PARAMETER.withMessage("Invalid user attributes: %s: length must be between %d and %d.",
                            name, min, max);
                }
            }
        }
        return value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
