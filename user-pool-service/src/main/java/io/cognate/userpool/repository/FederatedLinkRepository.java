package io.cognate.userpool.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Links from external identity providers' users to native users; every query names the pool. */
@ApplicationScoped
public class FederatedLinkRepository implements PanacheRepositoryBase<FederatedLinkEntity, FederatedLinkEntity.Key> {

    public Uni<FederatedLinkEntity> find(String poolId, String providerName, String attributeName, String value) {
        return find("poolId = ?1 and providerName = ?2 and attributeName = ?3 and subject = ?4", poolId, providerName,
                attributeName, value).firstResult();
    }

    /** The provider's links by a claim other than {@code subjectName} whose value is one of {@code values}. */
    public Uni<List<FederatedLinkEntity>> byClaimValues(String poolId, String providerName, String subjectName,
            Collection<String> values) {
        if (values.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("poolId = ?1 and providerName = ?2 and attributeName <> ?3 and subject in ?4", poolId,
                providerName, subjectName, values);
    }

    public Uni<List<FederatedLinkEntity>> ofUser(String poolId, UUID sub) {
        return list("poolId = ?1 and sub = ?2", poolId, sub);
    }

    public Uni<Long> remove(String poolId, String providerName, String attributeName, String value) {
        return delete("poolId = ?1 and providerName = ?2 and attributeName = ?3 and subject = ?4", poolId,
                providerName, attributeName, value);
    }
}
