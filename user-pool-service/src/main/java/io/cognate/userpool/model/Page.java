package io.cognate.userpool.model;

import static io.cognate.userpool.error.CognitoError.INVALID_PARAMETER;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** One page of a listing, and the opaque token of the next (null on the last page). */
public record Page<T>(List<T> items, String nextToken) {

    /**
     * The first {@code size} of {@code fetched}, which holds up to one more item than a page so that a next page can
     * be told apart from none; the token names the last item shown, which the next page starts after.
     */
    public static <T> Page<T> of(List<T> fetched, int size, Function<T, String> key) {
        List<T> shown = fetched.subList(0, Math.min(size, fetched.size()));
        String next = fetched.size() > size ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(key.apply(shown.get(shown.size() - 1)).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(List.copyOf(shown), next);
    }

    /** The key a token names, which the page starts after; null for no token. A token not ours is InvalidParameterException. */
    public static String after(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        String key;
        try {
            key = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Base64.getUrlDecoder().decode(
                    token))).toString();
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            throw INVALID_PARAMETER.withMessage("The pagination token is invalid.");
        }
        // Every key a page is named by is printable text: a control character (U+0000 above all, which PostgreSQL
        // refuses) says the token was not made here.
        if (key.chars().anyMatch(Character::isISOControl)) {
            throw INVALID_PARAMETER.withMessage("The pagination token is invalid.");
        }
        return key;
    }
}
