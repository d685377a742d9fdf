package io.cognate.identitypool.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An identity of a pool. */
@Entity
@Table(name = "identity")
public class IdentityEntity {
    @Id
    public String id;

    @Column(name = "pool_id", nullable = false)
    public String poolId;

    @Column(nullable = false)
    public boolean disabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    public Instant modifiedAt;
}
