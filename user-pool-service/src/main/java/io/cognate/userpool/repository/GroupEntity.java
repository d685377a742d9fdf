package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.UUID;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** A group of a user pool, with the IAM role and precedence Cognito carries into tokens. */
@Table("user_group")
public class GroupEntity {
    @Id
    public UUID id;
    @Column("pool_id")
    public String poolId;
    @Column("group_name")
    public String groupName;
    public String description;
    @Column("role_arn")
    public String roleArn;
    public Integer precedence;
    @Column("created_at")
    public Instant createdAt;
    @Column("updated_at")
    public Instant updatedAt;
}
