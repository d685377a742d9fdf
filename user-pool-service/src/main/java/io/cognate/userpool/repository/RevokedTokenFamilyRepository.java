package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.RowType;
import io.cognate.database.rows.Sessions;
import io.smallrye.mutiny.Uni;

/** Families RevokeToken ended; recording one twice (a retried RevokeToken) changes nothing. */
@ApplicationScoped
public class RevokedTokenFamilyRepository {

    public Uni<Void> record(String poolId, UUID originJti, Instant expiresAt) {
        return Sessions.current().execute("insert into revoked_token_family (origin_jti, pool_id, expires_at) "
                + "values ($1, $2, $3) on conflict do nothing", RowType.tuple(originJti, poolId, expiresAt))
                .replaceWithVoid();
    }
}
