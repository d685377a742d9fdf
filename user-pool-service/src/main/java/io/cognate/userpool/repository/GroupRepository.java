package io.cognate.userpool.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class GroupRepository extends Repository<GroupEntity> {

    public GroupRepository() {
        super(GroupEntity.class);
    }

    public Uni<GroupEntity> findByName(String poolId, String groupName) {
        return first("pool_id = $1 and group_name = $2", poolId, groupName);
    }

    public Uni<List<GroupEntity>> page(String poolId, String afterName, int limit) {
        if (afterName == null) {
            return list("pool_id = $1 order by group_name limit $2", poolId, limit);
        }
        return list("pool_id = $1 and group_name > $2 order by group_name limit $3", poolId, afterName, limit);
    }

    /** A user's groups in token order: by precedence (groups without one last), then by name. */
    public Uni<List<GroupEntity>> groupsOf(String poolId, UUID sub) {
        return list("pool_id = $1 and id in (select m.group_id from group_member m where m.pool_id = $1 and m.sub = $2) "
                + "order by precedence asc nulls last, group_name asc", poolId, sub);
    }
}
