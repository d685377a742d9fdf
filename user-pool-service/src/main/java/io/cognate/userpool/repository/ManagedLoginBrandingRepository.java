package io.cognate.userpool.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

/** Managed-login styles; every query names the pool. */
@ApplicationScoped
public class ManagedLoginBrandingRepository extends Repository<ManagedLoginBrandingEntity> {

    public ManagedLoginBrandingRepository() {
        super(ManagedLoginBrandingEntity.class);
    }

    public Uni<ManagedLoginBrandingEntity> find(String poolId, UUID id) {
        return first("pool_id = $1 and id = $2", poolId, id);
    }

    public Uni<ManagedLoginBrandingEntity> ofClient(String poolId, String clientId) {
        return first("pool_id = $1 and client_id = $2", poolId, clientId);
    }
}
