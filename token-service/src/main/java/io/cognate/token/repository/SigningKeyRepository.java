package io.cognate.token.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Signing keys, always looked up within one user pool. */
@ApplicationScoped
public class SigningKeyRepository implements PanacheRepositoryBase<SigningKeyEntity, String> {

    /** Keys the JWKS publishes: every key not past its expiry, the active one first. */
    public Uni<List<SigningKeyEntity>> listPublished(String userPoolId, Instant now) {
        return list("userPoolId = ?1 and (expiresAt is null or expiresAt > ?2) order by status asc, createdAt desc",
                userPoolId, now);
    }

    /**
     * Inserts a new key, without expiry, unless the pool already has an active one. A plain persist would abort the transaction
     * on the
     * unique-index conflict a concurrent replica causes; ON CONFLICT DO NOTHING lets the loser carry on and re-read.
     *
     * @return 1 when this key was stored, 0 when another active key already existed
     */
    public Uni<Integer> insertIfNoActiveKey(SigningKeyEntity key) {
        return getSession().chain(session -> session.createNativeQuery("""
                insert into signing_key (kid, user_pool_id, status, public_key, private_key_sealed, created_at,
                                         expires_at)
                values (:kid, :pool, :status, :publicKey, :sealed, :createdAt, null)
                on conflict (user_pool_id) where status = 'ACTIVE' do nothing
                """)
                .setParameter("kid", key.kid)
                .setParameter("pool", key.userPoolId)
                .setParameter("status", key.status.name())
                .setParameter("publicKey", key.publicKey)
                .setParameter("sealed", key.privateKeySealed)
                .setParameter("createdAt", key.createdAt)
                .executeUpdate());
    }
}
