package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.UUID;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/**
 * A refresh-token family ended by RevokeToken, named by the {@code origin_jti} its access tokens carry; kept until
 * the last access token minted from it has expired.
 */
@Table("revoked_token_family")
public class RevokedTokenFamilyEntity {
    @Id
    @Column("origin_jti")
    public UUID originJti;
    @Column("pool_id")
    public String poolId;
    @Column("expires_at")
    public Instant expiresAt;
}
