package io.cognate.userpool.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What OAuth scopes grant of a user's attributes, in the ID token and at userInfo alike (Cognito's "Scopes" page):
 * openid alone, or with profile, every attribute the client can read; email and phone only their own claims.
 */
public final class OAuthScopes {
    public static final String OPENID = "openid";
    private static final Set<String> EMAIL = Set.of("email", "email_verified");
    private static final Set<String> PHONE = Set.of("phone_number", "phone_number_verified");

    private OAuthScopes() {
    }

    /** The attributes of {@code readable} (what the client can read) that {@code scopes} grant; sub always. */
    public static Map<String, String> claims(List<String> scopes, Map<String, String> readable) {
        boolean email = scopes.contains("email");
        boolean phone = scopes.contains("phone");
        if (scopes.contains("profile") || !email && !phone) {
            return readable;
        }
        Map<String, String> granted = new LinkedHashMap<>();
        readable.forEach((name, value) -> {
            if ("sub".equals(name) || email && EMAIL.contains(name) || phone && PHONE.contains(name)) {
                granted.put(name, value);
            }
        });
        return granted;
    }
}
