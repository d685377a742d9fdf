package io.cognate.userpool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** A pool's external identity providers; every query names the pool. */
@ApplicationScoped
public class IdentityProviderRepository
        implements PanacheRepositoryBase<IdentityProviderEntity, IdentityProviderEntity.Key> {

    public Uni<IdentityProviderEntity> find(String poolId, String name) {
        return find("poolId = ?1 and providerName = ?2", poolId, name).firstResult();
    }

    public Uni<List<IdentityProviderEntity>> ofPool(String poolId) {
        return find("poolId = ?1", Sort.by("providerName"), poolId).list();
    }

    public Uni<List<IdentityProviderEntity>> page(String poolId, String after, int limit) {
        if (after == null) {
            return find("poolId = ?1", Sort.by("providerName"), poolId).page(0, limit).list();
        }
        return find("poolId = ?1 and providerName > ?2", Sort.by("providerName"), poolId, after).page(0, limit)
                .list();
    }

    public Uni<Long> delete(String poolId, String name) {
        return delete("poolId = ?1 and providerName = ?2", poolId, name);
    }
}
