package io.cognate.contracts.jose;

import java.util.Base64;

/** RFC 7515 §2: base64url without padding, the encoding of every JOSE part. */
public final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** @throws IllegalArgumentException when the text is not base64url */
    public static byte[] decode(String text) {
        return DECODER.decode(text);
    }
}
