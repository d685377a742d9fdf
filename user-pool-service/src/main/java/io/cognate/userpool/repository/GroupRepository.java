package io.cognate.userpool.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class GroupRepository implements PanacheRepositoryBase<GroupEntity, UUID> {

    public Uni<GroupEntity> findByName(String poolId, String groupName) {
        return find("poolId = ?1 and groupName = ?2", poolId, groupName).firstResult();
    }

    public Uni<List<GroupEntity>> page(String poolId, String afterName, int limit) {
        if (afterName == null) {
            return find("poolId = ?1", Sort.by("groupName"), poolId).page(0, limit).list();
        }
        return find("poolId = ?1 and groupName > ?2", Sort.by("groupName"), poolId, afterName).page(0, limit).list();
    }

    /** A user's groups in token order: by precedence (groups without one last), then by name. */
    public Uni<List<GroupEntity>> groupsOf(String poolId, UUID sub) {
        return list("select g from GroupEntity g where g.poolId = ?1 and g.id in "
                + "(select m.groupId from GroupMemberEntity m where m.poolId = ?1 and m.sub = ?2) "
                + "order by g.precedence asc nulls last, g.groupName asc", poolId, sub);
    }
}
