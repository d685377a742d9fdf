package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Families RevokeToken ended; recording one twice (a retried RevokeToken) changes nothing. */
@ApplicationScoped
public class RevokedTokenFamilyRepository {

    public Uni<Void> record(String poolId, UUID originJti, Instant expiresAt) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into revoked_token_family (origin_jti, pool_id, expires_at) "
                        + "values (:jti, :pool, :exp) on conflict do nothing").setParameter("jti", originJti)
                        .setParameter("pool", poolId).setParameter("exp", expiresAt).executeUpdate())
                .replaceWithVoid();
    }
}
