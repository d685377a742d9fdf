package io.cognate.userpool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** A pool's resource servers; every query names the pool. */
@ApplicationScoped
public class ResourceServerRepository implements PanacheRepositoryBase<ResourceServerEntity, ResourceServerEntity.Key> {

    public Uni<ResourceServerEntity> find(String poolId, String identifier) {
        return find("poolId = ?1 and identifier = ?2", poolId, identifier).firstResult();
    }

    public Uni<List<ResourceServerEntity>> ofPool(String poolId) {
        return find("poolId = ?1", Sort.by("identifier"), poolId).list();
    }

    public Uni<List<ResourceServerEntity>> page(String poolId, String after, int limit) {
        if (after == null) {
            return find("poolId = ?1", Sort.by("identifier"), poolId).page(0, limit).list();
        }
        return find("poolId = ?1 and identifier > ?2", Sort.by("identifier"), poolId, after).page(0, limit).list();
    }

    public Uni<Long> delete(String poolId, String identifier) {
        return delete("poolId = ?1 and identifier = ?2", poolId, identifier);
    }
}
