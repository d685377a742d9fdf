package io.cognate.userpool.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

/** Classic hosted UI customizations; every query names the pool. */
@ApplicationScoped
public class UiCustomizationRepository extends Repository<UiCustomizationEntity> {

    public UiCustomizationRepository() {
        super(UiCustomizationEntity.class);
    }

    public Uni<UiCustomizationEntity> find(String poolId, String clientId) {
        return first("pool_id = $1 and client_id = $2", poolId, clientId);
    }
}
