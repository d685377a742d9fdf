package io.cognate.userpool.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UserCodeRepository implements PanacheRepositoryBase<UserCodeEntity, UUID> {

    public Uni<UserCodeEntity> find(String poolId, UUID sub, String purpose) {
        return find("poolId = ?1 and sub = ?2 and purpose = ?3", poolId, sub, purpose).firstResult();
    }

    public Uni<Long> deleteCode(String poolId, UUID sub, String purpose) {
        return delete("poolId = ?1 and sub = ?2 and purpose = ?3", poolId, sub, purpose);
    }
}
