package io.cognate.userpool.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class GroupMemberRepository implements PanacheRepositoryBase<GroupMemberEntity, UUID> {

    public Uni<GroupMemberEntity> find(String poolId, UUID groupId, UUID sub) {
        return find("poolId = ?1 and groupId = ?2 and sub = ?3", poolId, groupId, sub).firstResult();
    }

    public Uni<Long> remove(String poolId, UUID groupId, UUID sub) {
        return delete("poolId = ?1 and groupId = ?2 and sub = ?3", poolId, groupId, sub);
    }

    /** One page of a group's members ordered by username, starting after {@code afterUsernameKey}. */
    public Uni<List<UserEntity>> members(String poolId, UUID groupId, String afterUsernameKey, int limit) {
        String query = "select u from UserEntity u where u.poolId = ?1 and u.sub in "
                + "(select m.sub from GroupMemberEntity m where m.poolId = ?1 and m.groupId = ?2)";
        if (afterUsernameKey == null) {
            return getSession().chain(s -> s.createQuery(query + " order by u.usernameKey", UserEntity.class)
                    .setParameter(1, poolId).setParameter(2, groupId).setMaxResults(limit).getResultList());
        }
        return getSession().chain(s -> s
                .createQuery(query + " and u.usernameKey > ?3 order by u.usernameKey", UserEntity.class)
                .setParameter(1, poolId).setParameter(2, groupId).setParameter(3, afterUsernameKey)
                .setMaxResults(limit).getResultList());
    }
}
