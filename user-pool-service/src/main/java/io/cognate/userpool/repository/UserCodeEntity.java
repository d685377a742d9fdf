package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A one-time code sent to a user (sign-up confirmation, ...), kept only as a keyed hash. */
@Entity
@Table(name = "user_code")
public class UserCodeEntity {
    @Id
    public UUID id;
    @Column(name = "pool_id")
    public String poolId;
    public UUID sub;
    public String purpose;
    @Column(name = "code_hash")
    public byte[] codeHash;
    @Column(name = "expires_at")
    public Instant expiresAt;
    public int attempts;
    @Column(name = "created_at")
    public Instant createdAt;
}
