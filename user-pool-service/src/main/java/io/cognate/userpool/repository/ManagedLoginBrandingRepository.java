package io.cognate.userpool.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Managed-login styles; every query names the pool. */
@ApplicationScoped
public class ManagedLoginBrandingRepository implements PanacheRepositoryBase<ManagedLoginBrandingEntity, UUID> {

    public Uni<ManagedLoginBrandingEntity> find(String poolId, UUID id) {
        return find("poolId = ?1 and id = ?2", poolId, id).firstResult();
    }

    public Uni<ManagedLoginBrandingEntity> ofClient(String poolId, String clientId) {
        return find("poolId = ?1 and clientId = ?2", poolId, clientId).firstResult();
    }
}
