package io.cognate.token;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;

import io.cognate.crypto.Kek;
import io.cognate.crypto.KeyRing;
import io.cognate.crypto.RsaKeys;

/** Key material for tests; RSA pairs are generated once per JVM, as generation is slow. */
public final class TestKeys {

    private static final KeyPair SIGNING = RsaKeys.generate();
    private static final KeyPair OTHER = RsaKeys.generate();

    private TestKeys() {
    }

    public static KeyPair signing() {
        return SIGNING;
    }

    /** A second pair, for "signed by someone else" cases. */
    public static KeyPair other() {
        return OTHER;
    }

    /** A ring of one fresh random key. */
    public static KeyRing ring() {
        return new KeyRing(kek(), List.of());
    }

    public static Kek kek() {
        byte[] bytes = new byte[Kek.KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Kek.of(bytes);
    }
}
