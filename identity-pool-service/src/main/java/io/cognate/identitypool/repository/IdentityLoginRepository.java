package io.cognate.identitypool.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The logins linked to identities, scoped to their pool. */
@ApplicationScoped
public class IdentityLoginRepository implements PanacheRepositoryBase<IdentityLoginEntity, IdentityLoginEntity.Key> {

    public Uni<IdentityLoginEntity> findLogin(String poolId, String provider, String subject) {
        return findById(new IdentityLoginEntity.Key(poolId, provider, subject));
    }

    public Uni<List<IdentityLoginEntity>> ofIdentity(String poolId, String identityId) {
        return list("poolId = ?1 and identityId = ?2 order by provider", poolId, identityId);
    }

    public Uni<List<IdentityLoginEntity>> ofIdentities(String poolId, Collection<String> identityIds) {
        return list("poolId = ?1 and identityId in ?2 order by provider", poolId, identityIds);
    }

    public Uni<List<IdentityLoginEntity>> ofProvider(String poolId, String provider, String identityId) {
        return list("poolId = ?1 and provider = ?2 and identityId = ?3 order by subject", poolId, provider,
                identityId);
    }

    /** Moves every login of {@code fromIdentity} to {@code toIdentity} (a merge). */
    public Uni<Integer> moveAll(String poolId, String fromIdentity, String toIdentity) {
        return update("identityId = ?1 where poolId = ?2 and identityId = ?3", toIdentity, poolId, fromIdentity);
    }
}
