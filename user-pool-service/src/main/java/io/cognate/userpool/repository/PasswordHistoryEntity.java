package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One earlier password of a user, as its salt and sealed SRP verifier (PasswordHistorySize). */
@Entity
@Table(name = "password_history")
public class PasswordHistoryEntity {
    @Id
    public UUID id;
    @Column(name = "pool_id")
    public String poolId;
    public UUID sub;
    public byte[] salt;
    public byte[] verifier;
    @Column(name = "created_at")
    public Instant createdAt;
}
