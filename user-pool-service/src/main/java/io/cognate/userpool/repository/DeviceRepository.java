package io.cognate.userpool.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** A user's devices, always within the user's pool. */
@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<DeviceEntity, String> {

    /** @return the user's device with that key, or null */
    public Uni<DeviceEntity> findOfUser(String poolId, UUID sub, String deviceKey) {
        return find("poolId = ?1 and sub = ?2 and deviceKey = ?3", poolId, sub, deviceKey).firstResult();
    }

    /** One page of the user's confirmed devices, oldest first, after the device key {@code after} (or from the start). */
    public Uni<List<DeviceEntity>> listOfUser(String poolId, UUID sub, String after, int limit) {
        if (after == null) {
            return find("poolId = ?1 and sub = ?2 and confirmed = true order by deviceKey", poolId, sub).page(0, limit)
                    .list();
        }
        return find("poolId = ?1 and sub = ?2 and confirmed = true and deviceKey > ?3 order by deviceKey", poolId, sub,
                after).page(0, limit).list();
    }
}
