package io.cognate.token.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.cognate.crypto.Aead;
import io.cognate.crypto.KeyRing;
import io.cognate.token.crypto.RefreshTokenCodec;
import io.quarkus.runtime.Startup;

/** Builds the crypto objects from configuration; the KEKs are checked at start so a bad value fails fast. */
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
    RefreshTokenCodec refreshTokenCodec(KeyRing ring) {
        return new RefreshTokenCodec(ring);
    }
}
