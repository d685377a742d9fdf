package io.cognate.userpool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

/** A pool's external identity providers; every query names the pool. */
@ApplicationScoped
public class IdentityProviderRepository extends Repository<IdentityProviderEntity> {

    public IdentityProviderRepository() {
        super(IdentityProviderEntity.class);
    }

    public Uni<IdentityProviderEntity> find(String poolId, String name) {
        return first("pool_id = $1 and provider_name = $2", poolId, name);
    }

    public Uni<List<IdentityProviderEntity>> ofPool(String poolId) {
        return list("pool_id = $1 order by provider_name", poolId);
    }

    public Uni<List<IdentityProviderEntity>> page(String poolId, String after, int limit) {
        if (after == null) {
            return list("pool_id = $1 order by provider_name limit $2", poolId, limit);
        }
        return list("pool_id = $1 and provider_name > $2 order by provider_name limit $3", poolId, after, limit);
    }

    public Uni<Long> delete(String poolId, String name) {
        return deleteWhere("pool_id = $1 and provider_name = $2", poolId, name);
    }
}
