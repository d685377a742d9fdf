package io.cognate.userpool.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.crypto.Kek;
import io.cognate.crypto.KeyRing;

/**
 * Keyed hashes (HMAC-SHA256 under a key derived from the KEK): one-time codes are stored only as these, so the
 * database never holds a usable code, and a name no user has gets stable decoy SRP values from them. A code hashed
 * under a previous KEK still matches while that key is in the ring.
 */
@ApplicationScoped
public class KeyedHash {
    /** The derivation of the first release, kept so codes and decoys stay the same across the upgrade. */
    private static final String INFO = "cognate/user-pool/codes";

    private final KeyRing ring;

    public KeyedHash(KeyRing ring) {
        this.ring = ring;
    }

    /** The hash of {@code value} within {@code scope}, under the current KEK. */
    public byte[] hash(String scope, String value) {
        return hash(ring.current(), scope, value);
    }

    /** Whether {@code value} is what {@code stored} is the hash of, under any KEK of the ring; in constant time. */
    public boolean matches(String scope, String value, byte[] stored) {
        boolean match = false;
        for (Kek kek : ring.all()) {
            match |= MessageDigest.isEqual(stored, hash(kek, scope, value));
        }
        return match;
    }

    private static byte[] hash(Kek kek, String scope, String value) {
        return kek.mac(INFO, (scope + "\n" + value).getBytes(StandardCharsets.UTF_8));
    }
}
