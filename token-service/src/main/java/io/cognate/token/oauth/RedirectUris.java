package io.cognate.token.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A redirect URI with parameters added: in its query (the code flow, errors) or its fragment (the implicit flow). */
public final class RedirectUris {
    private RedirectUris() {
    }

    /** {@code parameters} with empty values left out, in their order. */
    public static String withQuery(String uri, Map<String, String> parameters) {
        String encoded = encode(parameters);
        if (encoded.isEmpty()) {
            return uri;
        }
        return uri + (uri.contains("?") ? "&" : "?") + encoded;
    }

    public static String withFragment(String uri, Map<String, String> parameters) {
        return uri + "#" + encode(parameters);
    }

    /** The parameters as {@code application/x-www-form-urlencoded}, empty values left out. */
    public static String encode(Map<String, String> parameters) {
        StringBuilder encoded = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                encoded.append(encoded.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return encoded.toString();
    }
}
