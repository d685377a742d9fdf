package io.cognate.identitypool.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.cognate.crypto.Aead;
import io.cognate.crypto.KeyRing;
import io.quarkus.runtime.Startup;

/** The KEKs (checked at start, so a bad value fails fast), the sealing built on them, and the clock. */
public class CryptoProducer {

    @Produces
    @Singleton
    @Startup
    KeyRing keyRing(CognateConfig config) {
        return KeyRing.fromBase64(config.kek().orElse(null), config.previousKeks().orElse(null));
    }

    @Produces
    @Singleton
    Aead aead(KeyRing ring) {
        return new Aead(ring);
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
