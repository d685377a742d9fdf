package io.cognate.identitypool.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.identitypool.config.CognateConfig;
import io.cognate.identitypool.model.IdentityPool;
import io.smallrye.mutiny.Uni;

/**
 * Identity pools' settings as the credential flows read them, kept for {@code cognate.config-cache-ttl}: a change
 * made on this replica is seen at once, one made on another within the TTL.
 */
@ApplicationScoped
public class PoolCache {
    private record Cached(IdentityPool pool, Instant loadedAt) {
    }

    private final Map<String, Cached> pools = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public PoolCache(CognateConfig config, Clock clock) {
        this.ttl = config.configCacheTtl();
        this.clock = clock;
    }

    Uni<IdentityPool> get(String poolId, Supplier<Uni<IdentityPool>> load) {
        Cached cached = pools.get(poolId);
        if (cached != null && clock.instant().isBefore(cached.loadedAt().plus(ttl))) {
            return Uni.createFrom().item(cached.pool());
        }
        return load.get().invoke(pool -> {
            if (!ttl.isZero()) {
                pools.put(poolId, new Cached(pool, clock.instant()));
            }
        });
    }

    void forget(String poolId) {
        pools.remove(poolId);
    }

    Duration ttl() {
        return ttl;
    }
}
