package io.cognate.token.api.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The otpauth:// URI (Google Authenticator's Key Uri Format) an authenticator app scans to add a TOTP secret. */
final class Authenticators {
    private Authenticators() {
    }

    /** {@code otpauth://totp/<issuer>:<account>?secret=<base32>&issuer=<issuer>}: 6 digits, 30 s, SHA-1 (the default). */
    static String uri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
