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
    /** Wrong codes entered against this code. */
    public int attempts;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Codes of this purpose sent to the user since {@link #windowStartedAt} (the per-hour limit). */
    public int sends;
    @Column(name = "window_started_at")
    public Instant windowStartedAt;
}
