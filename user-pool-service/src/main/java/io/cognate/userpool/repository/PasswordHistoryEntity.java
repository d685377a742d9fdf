package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.UUID;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** One earlier password of a user, as its salt and sealed SRP verifier (PasswordHistorySize). */
@Table("password_history")
public class PasswordHistoryEntity {
    @Id
    public UUID id;
    @Column("pool_id")
    public String poolId;
    public UUID sub;
    public byte[] salt;
    public byte[] verifier;
    @Column("created_at")
    public Instant createdAt;
}
