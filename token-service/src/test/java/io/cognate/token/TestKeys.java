package io.cognate.token;

import java.security.KeyPair;
import java.security.SecureRandom;

import io.cognate.token.crypto.KeyEncryptionKey;
import io.cognate.token.crypto.RsaKeys;

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

    public static KeyEncryptionKey kek() {
        byte[] bytes = new byte[KeyEncryptionKey.KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new KeyEncryptionKey(bytes);
    }
}
