package io.cognate.it.support;

import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a JWT's header and claims without verifying it, for claim checks; {@link Tokens} verifies. */
public final class Jwt {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Jwt() {
    }

    public static JsonNode header(String jwt) {
        return part(jwt, 0);
    }

    public static JsonNode claims(String jwt) {
        return part(jwt, 1);
    }

    private static JsonNode part(String jwt, int index) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("not a JWS compact serialization (" + parts.length + " parts)");
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[index]));
        } catch (java.io.IOException e) {
            throw new AssertionError("JWT part " + index + " is not JSON", e);
        }
    }
}
