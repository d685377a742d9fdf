package io.cognate.userpool.service;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * A short-lived, per-replica cache of configuration (pools, app clients) for the read paths that run on every
 * sign-in, refresh and GetUser. Writes on this replica invalidate at once; a change made through another replica
 * is seen here within the time to live.
 */
final class ConfigCache<V> {
    private static final int MAX_ENTRIES = 10_000;

    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final long ttlNanos;
    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();

    ConfigCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** The cached value, or what {@code loader} finds (a failure, such as not found, is not cached). */
    Uni<V> get(String key, Supplier<Uni<V>> loader) {
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.expiresAtNanos() - System.nanoTime() > 0) {
            return Uni.createFrom().item(entry.value());
        }
        return loader.get().invoke(value -> {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, System.nanoTime() + ttlNanos));
        });
    }

    void invalidate(String key) {
        entries.remove(key);
    }
}
