package io.cognate.userpool.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

/** A user's devices, always within the user's pool. */
@ApplicationScoped
public class DeviceRepository extends Repository<DeviceEntity> {

    public DeviceRepository() {
        super(DeviceEntity.class);
    }

    /** @return the user's device with that key, or null */
    public Uni<DeviceEntity> findOfUser(String poolId, UUID sub, String deviceKey) {
        return first("pool_id = $1 and sub = $2 and device_key = $3", poolId, sub, deviceKey);
    }

    /** One page of the user's confirmed devices, oldest first, after the device key {@code after} (or from the start). */
    public Uni<List<DeviceEntity>> listOfUser(String poolId, UUID sub, String after, int limit) {
        if (after == null) {
            return list("pool_id = $1 and sub = $2 and confirmed order by device_key limit $3", poolId, sub, limit);
        }
        return list("pool_id = $1 and sub = $2 and confirmed and device_key > $3 order by device_key limit $4", poolId,
                sub, after, limit);
    }
}
