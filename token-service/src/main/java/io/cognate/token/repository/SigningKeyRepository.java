package io.cognate.token.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

/** Signing keys, always looked up within one user pool. */
@ApplicationScoped
public class SigningKeyRepository extends Repository<SigningKeyEntity> {

    public SigningKeyRepository() {
        super(SigningKeyEntity.class);
    }

    /** Keys the JWKS publishes: every key not past its expiry, the active one first. */
    public Uni<List<SigningKeyEntity>> listPublished(String userPoolId, Instant now) {
        return list("user_pool_id = $1 and (expires_at is null or expires_at > $2) order by status asc, "
                + "created_at desc", userPoolId, now);
    }

    /**
     * Inserts a new key, without expiry, unless the pool already has an active one. A plain persist would abort the
     * transaction on the unique-index conflict a concurrent replica causes; ON CONFLICT DO NOTHING lets the loser carry
     * on and re-read.
     *
     * @return 1 when this key was stored, 0 when another active key already existed
     */
    public Uni<Integer> insertIfNoActiveKey(SigningKeyEntity key) {
        return execute("""
                insert into signing_key (kid, user_pool_id, status, public_key, private_key_sealed, created_at,
                                         expires_at)
                values ($1, $2, $3, $4, $5, $6, null)
                on conflict (user_pool_id) where status = 'ACTIVE' do nothing
                """, key.kid, key.userPoolId, key.status.name(), key.publicKey, key.privateKeySealed, key.createdAt)
                .map(rows -> rows.rowCount());
    }

    /** Deletes the pool's keys (DeletePool). @return how many */
    public Uni<Long> deleteOfPool(String userPoolId) {
        return deleteWhere("user_pool_id = $1", userPoolId);
    }
}
