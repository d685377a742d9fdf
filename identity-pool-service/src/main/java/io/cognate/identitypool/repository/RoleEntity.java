package io.cognate.identitypool.repository;

import java.time.Instant;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** An IAM role: its trust policy (who may assume it) and identity. */
@Table("iam_role")
public class RoleEntity {
    @Id
    public String name;

    public String arn;

    @Column("role_id")
    public String roleId;

    public String path;

    public String description;

    @Column("assume_role_policy")
    public String assumeRolePolicy;

    @Column("max_session_duration")
    public int maxSessionDuration;

    @Column("created_at")
    public Instant createdAt;
}
