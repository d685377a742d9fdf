package io.cognate.userpool.service;

import static io.cognate.userpool.api.CognitoError.INVALID_PARAMETER;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque pagination tokens: the key of the last item shown, which the next page starts after. */
public final class PageTokens {
    private PageTokens() {
    }

    public static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The key a token names, or null for no token; a token that is not ours is InvalidParameterException. */
    public static String decode(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw INVALID_PARAMETER.withMessage("The pagination token is invalid.");
        }
    }
}
