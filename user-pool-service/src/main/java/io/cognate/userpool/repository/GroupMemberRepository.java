package io.cognate.userpool.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class GroupMemberRepository extends Repository<GroupMemberEntity> {
    public GroupMemberRepository() {
        super(GroupMemberEntity.class);
    }

    public Uni<GroupMemberEntity> find(String poolId, UUID groupId, UUID sub) {
        return first("pool_id = $1 and group_id = $2 and sub = $3", poolId, groupId, sub);
    }

    public Uni<Long> remove(String poolId, UUID groupId, UUID sub) {
        return deleteWhere("pool_id = $1 and group_id = $2 and sub = $3", poolId, groupId, sub);
    }
}
