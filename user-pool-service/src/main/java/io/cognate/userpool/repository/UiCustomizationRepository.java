package io.cognate.userpool.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Classic hosted UI customizations; every query names the pool. */
@ApplicationScoped
public class UiCustomizationRepository implements PanacheRepositoryBase<UiCustomizationEntity, UiCustomizationEntity.Key> {

    public Uni<UiCustomizationEntity> find(String poolId, String clientId) {
        return find("poolId = ?1 and clientId = ?2", poolId, clientId).firstResult();
    }
}
