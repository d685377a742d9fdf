package io.cognate.token.oauth;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * A short-lived, per-replica copy of what user-pool-service says about clients and domains, so that the authorize,
 * token and page requests of a busy client need no call. A change made there is seen here within the time to live.
 * "Not found" is kept too (an empty answer); failures are not.
 */
final class ConfigCache<V> {
    private static final int MAX_ENTRIES = 10_000;

    private record Entry<V>(Optional<V> value, long expiresAtNanos) {
    }

    private final long ttlNanos;
    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();

    ConfigCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    Uni<Optional<V>> get(String key, Supplier<Uni<Optional<V>>> loader) {
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
}
