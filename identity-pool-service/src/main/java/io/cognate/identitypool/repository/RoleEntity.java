package io.cognate.identitypool.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An IAM role: its trust policy (who may assume it) and identity. */
@Entity
@Table(name = "iam_role")
public class RoleEntity {
    @Id
    public String name;

    @Column(nullable = false)
    public String arn;

    @Column(name = "role_id", nullable = false)
    public String roleId;

    @Column(nullable = false)
    public String path;

    public String description;

    @Column(name = "assume_role_policy", nullable = false)
    public String assumeRolePolicy;

    @Column(name = "max_session_duration", nullable = false)
    public int maxSessionDuration;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
