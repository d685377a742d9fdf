package io.cognate.userpool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

/** A pool's resource servers; every query names the pool. */
@ApplicationScoped
public class ResourceServerRepository extends Repository<ResourceServerEntity> {

    public ResourceServerRepository() {
        super(ResourceServerEntity.class);
    }

    public Uni<ResourceServerEntity> find(String poolId, String identifier) {
        return first("pool_id = $1 and identifier = $2", poolId, identifier);
    }

    public Uni<List<ResourceServerEntity>> ofPool(String poolId) {
        return list("pool_id = $1 order by identifier", poolId);
    }

    public Uni<List<ResourceServerEntity>> page(String poolId, String after, int limit) {
        if (after == null) {
            return list("pool_id = $1 order by identifier limit $2", poolId, limit);
        }
        return list("pool_id = $1 and identifier > $2 order by identifier limit $3", poolId, after, limit);
    }

    public Uni<Long> delete(String poolId, String identifier) {
        return deleteWhere("pool_id = $1 and identifier = $2", poolId, identifier);
    }
}
