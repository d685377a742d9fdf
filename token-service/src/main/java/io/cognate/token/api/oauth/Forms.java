package io.cognate.token.api.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The forms the endpoints and pages take ({@code application/x-www-form-urlencoded}), read here rather than by the
 * framework, so that a malformed one is a 400 {@code invalid_request}, never a server error.
 */
public final class Forms {
    /** Longest form any endpoint or page takes. */
    private static final int MAX_LENGTH = 64 * 1024;

    /** A body that is not a well-formed form. */
    public static final class MalformedForm extends RuntimeException {
        MalformedForm(String message) {
            super(message, null, false, false);
        }
    }

    private Forms() {
    }

    public static MultivaluedMap<String, String> parse(String body) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        if (body.length() > MAX_LENGTH) {
            throw new MalformedForm("The form is too large.");
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (name.isEmpty()) {
                throw new MalformedForm("A form field has no name.");
            }
            form.add(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return form;
    }

    /** A form's first value of {@code name}; "" when absent (or no form). */
    public static String value(MultivaluedMap<String, String> form, String name) {
        String value = form == null ? null : form.getFirst(name);
        return value == null ? "" : value;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedForm("The form is not application/x-www-form-urlencoded.");
        }
    }
}
