package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.UUID;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** A one-time code sent to a user (sign-up confirmation, ...), kept only as a keyed hash. */
@Table("user_code")
public class UserCodeEntity {
    @Id
    public UUID id;
    @Column("pool_id")
    public String poolId;
    public UUID sub;
    public String purpose;
    @Column("code_hash")
    public byte[] codeHash;
    @Column("expires_at")
    public Instant expiresAt;
    /** Wrong codes entered against this code. */
    public int attempts;
    @Column("created_at")
    public Instant createdAt;
    /** Codes of this purpose sent to the user since {@link #windowStartedAt} (the per-hour limit). */
    public int sends;
    @Column("window_started_at")
    public Instant windowStartedAt;
}
