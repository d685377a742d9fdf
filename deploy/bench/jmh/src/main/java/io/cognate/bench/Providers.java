package io.cognate.bench;

import java.security.Provider;
import java.security.Security;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

/** The JCA providers the benchmarks compare, by a short name. */
final class Providers {
    private Providers() {
    }

    static Provider named(String name) {
        if ("ACCP".equals(name)) {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            accp.assertHealthy(); // throws when the native library did not load on this platform
            return accp;
        }
        Provider provider = Security.getProvider(name);
        if (provider == null) {
            throw new IllegalStateException("no provider " + name);
        }
        return provider;
    }
}
