package io.cognate.userpool.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A pool's domain: a prefix ({@code custom} false) or a fully qualified custom domain. */
@Entity
@Table(name = "user_pool_domain")
public class DomainEntity {
    @Id
    public String domain;
    @Column(name = "pool_id")
    public String poolId;
    public boolean custom;
    @Column(name = "certificate_arn")
    public String certificateArn;
    @Column(name = "managed_login_version")
    public int managedLoginVersion;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
