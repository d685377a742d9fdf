package io.cognate.userpool.repository;

import java.util.UUID;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;

/** A user's membership of a group. */
@Table("group_member")
public class GroupMemberEntity {
    @Id
    public UUID id;
    @Column("pool_id")
    public String poolId;
    @Column("group_id")
    public UUID groupId;
    public UUID sub;
}
