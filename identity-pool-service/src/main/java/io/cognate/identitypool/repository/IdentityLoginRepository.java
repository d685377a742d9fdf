package io.cognate.identitypool.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

/** The logins linked to identities, scoped to their pool. */
@ApplicationScoped
public class IdentityLoginRepository extends Repository<IdentityLoginEntity> {

    public IdentityLoginRepository() {
        super(IdentityLoginEntity.class);
    }

    public Uni<IdentityLoginEntity> findLogin(String poolId, String provider, String subject) {
        return first("pool_id = $1 and provider = $2 and subject = $3", poolId, provider, subject);
    }

    public Uni<List<IdentityLoginEntity>> ofIdentity(String poolId, String identityId) {
        return list("pool_id = $1 and identity_id = $2 order by provider", poolId, identityId);
    }

    public Uni<List<IdentityLoginEntity>> ofIdentities(String poolId, Collection<String> identityIds) {
        return list("pool_id = $1 and identity_id = any($2) order by provider", poolId,
                identityIds);
    }

    public Uni<List<IdentityLoginEntity>> ofProvider(String poolId, String provider, String identityId) {
        return list("pool_id = $1 and provider = $2 and identity_id = $3 order by subject", poolId, provider,
                identityId);
    }

    /** Moves every login of {@code fromIdentity} to {@code toIdentity} (a merge). */
    public Uni<Integer> moveAll(String poolId, String fromIdentity, String toIdentity) {
        return execute("update identity_login set identity_id = $1 where pool_id = $2 and identity_id = $3",
                toIdentity, poolId, fromIdentity).map(rows -> rows.rowCount());
    }

    /** Unlinks the identity's logins of the given providers; answers how many. */
    public Uni<Long> unlinkProviders(String poolId, String identityId, Collection<String> providers) {
        return deleteWhere("pool_id = $1 and identity_id = $2 and provider = any($3)", poolId, identityId,
                providers);
    }
}
