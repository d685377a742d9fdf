package io.cognate.userpool.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Links from external identity providers' users to native users; every query names the pool. */
@ApplicationScoped
public class FederatedLinkRepository implements PanacheRepositoryBase<FederatedLinkEntity, FederatedLinkEntity.Key> {

    public Uni<FederatedLinkEntity> find(String poolId, String providerName, String subject) {
        return find("poolId = ?1 and providerName = ?2 and subject = ?3", poolId, providerName, subject)
                .firstResult();
    }

    public Uni<List<FederatedLinkEntity>> ofUser(String poolId, UUID sub) {
        return list("poolId = ?1 and sub = ?2", poolId, sub);
    }

    public Uni<Long> remove(String poolId, String providerName, String subject) {
        return delete("poolId = ?1 and providerName = ?2 and subject = ?3", poolId, providerName, subject);
    }
}
