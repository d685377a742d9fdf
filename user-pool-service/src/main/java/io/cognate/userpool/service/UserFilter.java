package io.cognate.userpool.service;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cognito's ListUsers filter: {@code attribute = "value"} or {@code attribute ^= "prefix"}. */
record UserFilter(String attribute, boolean prefix, String rawValue) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*([\\w:]+)\\s*(\\^?=)\\s*\"(.*)\"\\s*");
    /** The filterable attributes and the SQL each searches; a closed list, never built from input. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("username", "username_key"),
            Map.entry("email", "lower(attributes::jsonb ->> 'email')"),
            Map.entry("phone_number", "attributes::jsonb ->> 'phone_number'"),
            Map.entry("name", "attributes::jsonb ->> 'name'"), Map.entry("given_name", "attributes::jsonb ->> 'given_name'"),
            Map.entry("family_name", "attributes::jsonb ->> 'family_name'"),
            Map.entry("preferred_username", "attributes::jsonb ->> 'preferred_username'"),
            Map.entry("cognito:user_status", "status"),
            Map.entry("status", "(case when enabled then 'Enabled' else 'Disabled' end)"),
            Map.entry("sub", "cast(sub as text)"));

    static UserFilter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return new UserFilter(null, false, null);
        }
        Matcher matcher = SYNTAX.matcher(filter);
        if (!matcher.matches()) {
            throw INVALID_PARAMETER.withMessage("Error while parsing filter.");
        }
        String attribute = matcher.group(1);
        if (!COLUMNS.containsKey(attribute)) {
            throw INVALID_PARAMETER.withMessage("Invalid search attribute: %s", attribute);
        }
        return new UserFilter(attribute, "^=".equals(matcher.group(2)), matcher.group(3).replace("\\\"", "\""));
    }

    String column(UserPool pool) {
        return attribute == null ? null : COLUMNS.get(attribute);
    }

    /** The value compared: lower-cased where the column is (usernames of case-insensitive pools, emails). */
    String value(UserPool pool) {
        if (attribute == null) {
            return null;
        }
        return switch (attribute) {
            case "username" -> pool.usernameKey(rawValue);
            case "email" -> rawValue.toLowerCase(Locale.ROOT);
            default -> rawValue;
        };
    }
}
