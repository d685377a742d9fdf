package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A refresh-token family ended by RevokeToken, named by the {@code origin_jti} its access tokens carry; kept until
 * the last access token minted from it has expired.
 */
@Entity
@Table(name = "revoked_token_family")
public class RevokedTokenFamilyEntity {
    @Id
    @Column(name = "origin_jti")
    public UUID originJti;
    @Column(name = "pool_id")
    public String poolId;
    @Column(name = "expires_at")
    public Instant expiresAt;
}
