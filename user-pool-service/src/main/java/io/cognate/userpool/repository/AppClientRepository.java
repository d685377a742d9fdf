package io.cognate.userpool.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** App clients; every query names the pool, except the lookup by client id that public flows start from. */
@ApplicationScoped
public class AppClientRepository implements PanacheRepositoryBase<AppClientEntity, String> {

    public Uni<AppClientEntity> find(String poolId, String clientId) {
        return find("poolId = ?1 and clientId = ?2", poolId, clientId).firstResult();
    }

    public Uni<List<AppClientEntity>> page(String poolId, String afterId, int limit) {
        if (afterId == null) {
            return find("poolId = ?1", Sort.by("clientId"), poolId).page(0, limit).list();
        }
        return find("poolId = ?1 and clientId > ?2", Sort.by("clientId"), poolId, afterId).page(0, limit).list();
    }

    public Uni<Long> delete(String poolId, String clientId) {
        return delete("poolId = ?1 and clientId = ?2", poolId, clientId);
    }
}
