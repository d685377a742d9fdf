package io.cognate.token.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

/** Refresh-token families, always looked up within one user pool. */
@ApplicationScoped
public class RefreshTokenFamilyRepository extends Repository<RefreshTokenFamilyEntity> {

    public RefreshTokenFamilyRepository() {
        super(RefreshTokenFamilyEntity.class);
    }

    /** @return the family, or null */
    public Uni<RefreshTokenFamilyEntity> findInPool(String userPoolId, UUID familyId) {
        return first("user_pool_id = $1 and id = $2", userPoolId, familyId);
    }

    /** @return the family the tokens with this origin_jti belong to, or null */
    public Uni<RefreshTokenFamilyEntity> findByOriginJti(String userPoolId, UUID originJti) {
        return first("user_pool_id = $1 and origin_jti = $2", userPoolId, originJti);
    }

    /** @return 1 when the family was live and is now revoked, 0 when it was already revoked */
    public Uni<Integer> revoke(String userPoolId, UUID familyId, Instant now) {
        return execute("update refresh_token_family set revoked_at = $1 where user_pool_id = $2 and id = $3 "
                + "and revoked_at is null", now, userPoolId, familyId).map(rows -> rows.rowCount());
    }

    /** Global sign-out. @return how many live families were revoked */
    public Uni<Integer> revokeAllOfUser(String userPoolId, String sub, Instant now) {
        return execute("update refresh_token_family set revoked_at = $1 where user_pool_id = $2 and sub = $3 "
                + "and revoked_at is null", now, userPoolId, sub).map(rows -> rows.rowCount());
    }

    /** Deletes the pool's families (DeletePool). @return how many */
    public Uni<Long> deleteOfPool(String userPoolId) {
        return deleteWhere("user_pool_id = $1", userPoolId);
    }
}
