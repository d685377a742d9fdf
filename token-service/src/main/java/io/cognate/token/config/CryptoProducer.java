package io.cognate.token.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.cognate.token.crypto.KeyEncryptionKey;
import io.cognate.token.crypto.RefreshTokenCodec;
import io.quarkus.runtime.Startup;

/** Builds the crypto objects from configuration; the KEK is checked at start so a bad value fails fast. */
public class CryptoProducer {

    @Produces
    @Singleton
    @Startup
    KeyEncryptionKey keyEncryptionKey(CognateConfig config) {
        return KeyEncryptionKey.fromBase64(config.kek().orElse(null));
    }

    @Produces
    @Singleton
    RefreshTokenCodec refreshTokenCodec(KeyEncryptionKey kek) {
        return new RefreshTokenCodec(kek);
    }
}
