package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A group of a user pool, with the IAM role and precedence Cognito carries into tokens. */
@Entity
@Table(name = "user_group")
public class GroupEntity {
    @Id
    public UUID id;
    @Column(name = "pool_id")
    public String poolId;
    @Column(name = "group_name")
    public String groupName;
    public String description;
    @Column(name = "role_arn")
    public String roleArn;
    public Integer precedence;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
