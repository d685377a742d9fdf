package io.cognate.userpool.repository;

import java.time.Instant;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** A pool's domain: a prefix ({@code custom} false) or a fully qualified custom domain. */
@Table("user_pool_domain")
public class DomainEntity {
    @Id
    public String domain;
    @Column("pool_id")
    public String poolId;
    public boolean custom;
    @Column("certificate_arn")
    public String certificateArn;
    @Column("managed_login_version")
    public int managedLoginVersion;
    @Column("created_at")
    public Instant createdAt;
    @Column("updated_at")
    public Instant updatedAt;
}
