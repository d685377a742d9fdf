package io.cognate.identitypool.api;

import static io.cognate.identitypool.error.IdentityError.MALFORMED_QUERY_STRING;
import static io.cognate.identitypool.error.IdentityError.VALIDATION_ERROR;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A query-protocol request (STS, IAM): its form parameters, read with the APIs' validation wording. A form that does
 * not decode is refused by {@link #requireWellFormed()}.
 */
final class QueryRequest {
    private final Map<String, String> form = new LinkedHashMap<>();
    private boolean malformed;

    QueryRequest(byte[] body, String query) {
        try {
            read(new String(body, StandardCharsets.UTF_8));
            if (query != null) {
                read(query);
            }
        } catch (IllegalArgumentException e) {
            malformed = true;
        }
    }

    void requireWellFormed() {
        if (malformed) {
            throw MALFORMED_QUERY_STRING.withMessage("The query string is malformed: a percent escape is incomplete or "
                    + "not hexadecimal.");
        }
    }

    private void read(String encoded) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(name, value);
        }
    }

    String action() {
        return form.get("Action");
    }

    String version() {
        return form.get("Version");
    }

    String optional(String name, int min, int max, Pattern pattern) {
        String value = form.get(name);
        if (value == null) {
            return null;
        }
        if (value.length() < min || value.length() > max || pattern != null && !pattern.matcher(value).matches()) {
            throw VALIDATION_ERROR.withMessage("1 validation error detected: Value at '%s' failed to satisfy constraint: "
                    + "Member must have length between %d and %d%s", member(name), min, max,
                    pattern == null ? "" : " and satisfy regular expression pattern: " + pattern.pattern());
        }
        return value;
    }

    String required(String name, int min, int max, Pattern pattern) {
        String value = optional(name, min, max, pattern);
        if (value == null) {
            throw VALIDATION_ERROR.withMessage("1 validation error detected: Value null at '%s' failed to satisfy "
                    + "constraint: Member must not be null", member(name));
        }
        return value;
    }

    Integer optionalInt(String name, int min, int max) {
        String value = form.get(name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw VALIDATION_ERROR.withMessage("1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: "
                + "Member must have value between %d and %d", value, member(name), min, max);
    }

    /** A list in the query protocol's form, {@code Name.member.1}, {@code Name.member.2}, …; empty when absent. */
    List<String> list(String name, int max) {
        List<String> values = new ArrayList<>();
        for (int i = 1; form.containsKey(name + ".member." + i); i++) {
            values.add(form.get(name + ".member." + i));
        }
        if (values.size() > max) {
            throw VALIDATION_ERROR.withMessage("1 validation error detected: Value at '%s' failed to satisfy constraint: "
                    + "Member must have length less than or equal to %d", member(name), max);
        }
        return values;
    }

    private static String member(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
