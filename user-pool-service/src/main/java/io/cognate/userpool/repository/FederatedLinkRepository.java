package io.cognate.userpool.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

/** Links from external identity providers' users to native users; every query names the pool. */
@ApplicationScoped
public class FederatedLinkRepository extends Repository<FederatedLinkEntity> {

    public FederatedLinkRepository() {
        super(FederatedLinkEntity.class);
    }

    public Uni<FederatedLinkEntity> find(String poolId, String providerName, String attributeName, String value) {
        return first("pool_id = $1 and provider_name = $2 and attribute_name = $3 and subject = $4", poolId,
                providerName, attributeName, value);
    }

    /** The provider's links by a claim other than {@code subjectName} whose value is one of {@code values}. */
    public Uni<List<FederatedLinkEntity>> byClaimValues(String poolId, String providerName, String subjectName,
            Collection<String> values) {
        if (values.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("pool_id = $1 and provider_name = $2 and attribute_name <> $3 and subject = any($4)", poolId,
                providerName, subjectName, values);
    }

    public Uni<List<FederatedLinkEntity>> ofUser(String poolId, UUID sub) {
        return list("pool_id = $1 and sub = $2", poolId, sub);
    }

    public Uni<Long> remove(String poolId, String providerName, String attributeName, String value) {
        return deleteWhere("pool_id = $1 and provider_name = $2 and attribute_name = $3 and subject = $4", poolId,
                providerName, attributeName, value);
    }
}
