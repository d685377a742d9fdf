package io.cognate.userpool.repository;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's membership of a group. */
@Entity
@Table(name = "group_member")
public class GroupMemberEntity {
    @Id
    public UUID id;
    @Column(name = "pool_id")
    public String poolId;
    @Column(name = "group_id")
    public UUID groupId;
    public UUID sub;
}
