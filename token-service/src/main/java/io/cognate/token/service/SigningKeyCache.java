package io.cognate.token.service;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cognate.token.config.CognateConfig;

/**
 * Decrypted signing keys per pool, kept briefly so JWKS requests and signing do not reach the database each time.
 * Absence is cached too, for less long, so requests naming unknown pools cannot each turn into a query.
 */
@ApplicationScoped
public class SigningKeyCache {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final long negativeTtlNanos;
    private final int maxPools;

    @Inject
    public SigningKeyCache(CognateConfig config) {
        this(config.keyCache().ttl().toNanos(), config.keyCache().negativeTtl().toNanos(),
                config.keyCache().maxPools());
    }

    SigningKeyCache(long ttlNanos, long negativeTtlNanos, int maxPools) {
        this.ttlNanos = ttlNanos;
        this.negativeTtlNanos = negativeTtlNanos;
        this.maxPools = maxPools;
    }

    /** @return the pool's keys (perhaps {@link PoolKeys#none}) while fresh; empty when they must be loaded */
    public Optional<PoolKeys> lookup(String userPoolId) {
        Entry entry = entries.get(userPoolId);
        if (entry == null || System.nanoTime() - entry.expiresAtNanos > 0) {
            return Optional.empty();
        }
        return Optional.of(entry.keys);
    }

    public void put(PoolKeys keys) {
        String pool = keys.userPoolId();
        if (entries.size() >= maxPools && !entries.containsKey(pool)) {
            long now = System.nanoTime();
            entries.values().removeIf(e -> now - e.expiresAtNanos > 0);
            if (entries.size() >= maxPools) {
                if (!keys.exists()) {
                    return; // under a flood of unknown pools, stop remembering absences rather than real keys
                }
                entries.values().removeIf(e -> !e.keys.exists());
            }
        }
        long ttl = keys.exists() ? ttlNanos : negativeTtlNanos;
        entries.put(pool, new Entry(keys, System.nanoTime() + ttl));
    }

    public void invalidate(String userPoolId) {
        entries.remove(userPoolId);
    }

    private record Entry(PoolKeys keys, long expiresAtNanos) {
    }
}
