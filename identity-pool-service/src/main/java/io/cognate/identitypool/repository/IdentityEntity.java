package io.cognate.identitypool.repository;

import java.time.Instant;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** An identity of a pool. */
@Table("identity")
public class IdentityEntity {
    @Id
    public String id;

    @Column("pool_id")
    public String poolId;

    public boolean disabled;

    @Column("created_at")
    public Instant createdAt;

    @Column("modified_at")
    public Instant modifiedAt;
}
