package io.cognate.userpool.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Users, always within one pool. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<UserEntity, UUID> {

    public Uni<UserEntity> findByUsernameKey(String poolId, String usernameKey) {
        return find("poolId = ?1 and usernameKey = ?2", poolId, usernameKey).firstResult();
    }

    public Uni<UserEntity> findBySub(String poolId, UUID sub) {
        return find("poolId = ?1 and sub = ?2", poolId, sub).firstResult();
    }

    /**
     * The user an access token names and whether the token's refresh-token family was revoked, in one query.
     *
     * @return null when the user does not exist
     */
    public Uni<TokenHolder> findTokenHolder(String poolId, UUID sub, UUID originJti) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select u, (select count(*) from RevokedTokenFamilyEntity r where r.originJti = :jti and r.poolId = "
                        + ":pool) from UserEntity u where u.poolId = :pool and u.sub = :sub",
                Object[].class).setParameter("pool", poolId).setParameter("sub", sub).setParameter("jti", originJti)
                .getSingleResultOrNull())
                .map(row -> row == null ? null : new TokenHolder((UserEntity) row[0], ((Number) row[1]).longValue() > 0));
    }

    /** A user found by an access token, and whether the token's family was revoked (RevokeToken). */
    public record TokenHolder(UserEntity user, boolean familyRevoked) {
    }

    /**
     * Claims a TOTP time step for a sign-in: true only for the first claim of a step later than the last one, so a
     * code works once even when two sign-ins present it at the same moment on different replicas.
     */
    public Uni<Boolean> claimTotpStep(String poolId, UUID sub, long step) {
        return update("totpLastStep = ?1 where poolId = ?2 and sub = ?3 and totpLastStep < ?1", step, poolId, sub)
                .map(rows -> rows == 1);
    }

    public Uni<List<UserEntity>> findByEmail(String poolId, String emailKey) {
        return list("poolId = ?1 and emailKey = ?2", poolId, emailKey);
    }

    public Uni<List<UserEntity>> findByPhone(String poolId, String phoneKey) {
        return list("poolId = ?1 and phoneKey = ?2", poolId, phoneKey);
    }

    public Uni<List<UserEntity>> findByPreferredUsername(String poolId, String key) {
        return list("poolId = ?1 and preferredUsernameKey = ?2", poolId, key);
    }

    public Uni<Long> countInPool(String poolId) {
        return count("poolId = ?1", poolId);
    }

    public Uni<Long> deleteUser(String poolId, UUID sub) {
        return delete("poolId = ?1 and sub = ?2", poolId, sub);
    }

    /**
     * One page of a ListUsers search, ordered by username. {@code column} is a fixed SQL expression chosen by the
     * caller from a closed list (never user input); the value is always a bound parameter.
     */
    @SuppressWarnings("unchecked")
    public Uni<List<UserEntity>> search(String poolId, String column, boolean prefix, String value, String after,
            int limit) {
        StringBuilder sql = new StringBuilder("select * from pool_user where pool_id = :pool");
        if (column != null) {
            sql.append(" and ").append(column).append(prefix ? " like :value escape '\\'" : " = :value");
        }
        if (after != null) {
            sql.append(" and username_key > :after");
        }
        sql.append(" order by username_key limit :limit");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), UserEntity.class).setParameter("pool", poolId)
                    .setParameter("limit", limit);
            if (column != null) {
                query.setParameter("value", prefix ? escapeLike(value) + "%" : value);
            }
            if (after != null) {
                query.setParameter("after", after);
            }
            return query.getResultList();
        });
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
