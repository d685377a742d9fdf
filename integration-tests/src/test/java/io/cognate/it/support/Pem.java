package io.cognate.it.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** DER as PEM, how the test IdPs in Node take keys and certificates made here. */
public final class Pem {
    private Pem() {
    }

    public static String of(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
