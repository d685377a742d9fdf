package io.cognate.identitypool.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

/** Identities, always looked up within their pool where the caller names one. */
@ApplicationScoped
public class IdentityRepository extends Repository<IdentityEntity> {

    public IdentityRepository() {
        super(IdentityEntity.class);
    }

    /** A page of a pool's identities in id order after {@code afterId} (null: from the start). */
    public Uni<List<IdentityEntity>> page(String poolId, String afterId, int limit, boolean hideDisabled) {
        String disabled = hideDisabled ? " and disabled = false" : "";
        if (afterId == null) {
            return list("pool_id = $1" + disabled + " order by id limit $2", poolId, limit);
        }
        return list("pool_id = $1 and id > $2" + disabled + " order by id limit $3", poolId, afterId, limit);
    }

    /** The identities of these ids that exist, in any pool. */
    public Uni<List<IdentityEntity>> byIds(Collection<String> ids) {
        return list("id = any($1)", ids);
    }

    /** Deletes the identities of these ids, in any pool; answers how many. */
    public Uni<Long> deleteByIds(Collection<String> ids) {
        return deleteWhere("id = any($1)", ids);
    }

    /** Records that the identity changed (a login linked or unlinked). */
    public Uni<Integer> touch(String poolId, String identityId, Instant modifiedAt) {
        return execute("update identity set modified_at = $1 where id = $2 and pool_id = $3", modifiedAt, identityId,
                poolId).map(rows -> rows.rowCount());
    }

    /** Disables the identity (merged into another), recording the change. */
    public Uni<Integer> disable(String poolId, String identityId, Instant modifiedAt) {
        return execute("update identity set disabled = true, modified_at = $1 where id = $2 and pool_id = $3",
                modifiedAt, identityId, poolId).map(rows -> rows.rowCount());
    }

    /** Disables the identity (merged into another), leaving its modification time as it is. */
    public Uni<Integer> disable(String poolId, String identityId) {
        return execute("update identity set disabled = true where id = $1 and pool_id = $2", identityId, poolId)
                .map(rows -> rows.rowCount());
    }
}
