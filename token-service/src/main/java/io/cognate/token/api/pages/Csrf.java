package io.cognate.token.api.pages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * CSRF protection of the pages' forms (double submit): a random token in a cookie of the domain (HttpOnly,
 * SameSite=Lax) and in each form; a POST whose form does not carry the cookie's token is refused. Another site can
 * neither read the cookie nor set it, so it cannot forge the pair.
 */
final class Csrf {
    static final String COOKIE = "XSRF-TOKEN";
    static final String FIELD = "_csrf";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    /** The cookie's token when it is well formed, else null. */
    static String valid(String cookie) {
        return cookie != null && TOKEN.matcher(cookie).matches() ? cookie : null;
    }

    static String newToken() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** Whether the form's token is the cookie's. */
    static boolean matches(String cookie, String field) {
        return valid(cookie) != null && field != null && MessageDigest.isEqual(
                cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    }
}
