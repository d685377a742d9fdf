package io.cognate.userpool.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.cognate.crypto.Aead;
import io.cognate.crypto.KeyRing;
import io.cognate.crypto.KmsDataKeys;
import io.quarkus.runtime.Startup;

/** The key-encryption keys and the sealing built on them; checked at start, so a bad value fails fast. */
public class CryptoProducer {

    @Produces
    @Singleton
    @Startup
    KeyRing keyRing(CognateConfig config) {
        return KeyRing.fromBase64(config.kek(), config.previousKeks().orElse(null));
    }

    @Produces
    @Singleton
    Aead aead(KeyRing ring) {
        return new Aead(ring);
    }

    @Produces
    @Singleton
    KmsDataKeys kmsDataKeys(Aead aead) {
        return new KmsDataKeys(aead);
    }
}
