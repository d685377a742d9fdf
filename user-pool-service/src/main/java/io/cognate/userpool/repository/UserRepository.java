package io.cognate.userpool.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cognate.database.rows.Repository;
import io.cognate.database.rows.RowType;
import io.cognate.database.rows.Session;
import io.cognate.database.rows.Sessions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

/** Users, always within one pool. */
@ApplicationScoped
public class UserRepository extends Repository<UserEntity> {

    public UserRepository() {
        super(UserEntity.class);
    }

    public Uni<UserEntity> findByUsernameKey(String poolId, String usernameKey) {
        return first("pool_id = $1 and username_key = $2", poolId, usernameKey);
    }

    public Uni<UserEntity> findBySub(String poolId, UUID sub) {
        return first("pool_id = $1 and sub = $2", poolId, sub);
    }

    /**
     * The user an access token names and whether the token's refresh-token family was revoked, in one query.
     *
     * @return null when the user does not exist
     */
    public Uni<TokenHolder> findTokenHolder(String poolId, UUID sub, UUID originJti) {
        Session session = Sessions.current();
        return session.execute("select u.*, (select count(*) from revoked_token_family r where r.origin_jti = $3 "
                + "and r.pool_id = $1) as revoked from pool_user u where u.pool_id = $1 and u.sub = $2",
                RowType.tuple(poolId, sub, originJti)).map(found -> {
                    if (!found.iterator().hasNext()) {
                        return null;
                    }
                    Row row = found.iterator().next();
                    return new TokenHolder(session.read(rows, row), row.getLong("revoked") > 0);
                });
    }

    /** A user found by an access token, and whether the token's family was revoked (RevokeToken). */
    public record TokenHolder(UserEntity user, boolean familyRevoked) {
    }

    /**
     * Claims a TOTP time step for a sign-in: true only for the first claim of a step later than the last one, so a
     * code works once even when two sign-ins present it at the same moment on different replicas.
     */
    public Uni<Boolean> claimTotpStep(String poolId, UUID sub, long step) {
        return execute("update pool_user set totp_last_step = $1 where pool_id = $2 and sub = $3 "
                + "and totp_last_step < $1", step, poolId, sub).map(updated -> updated.rowCount() == 1);
    }

    public Uni<List<UserEntity>> findByEmail(String poolId, String emailKey) {
        return list("pool_id = $1 and email_key = $2", poolId, emailKey);
    }

    public Uni<List<UserEntity>> findByPhone(String poolId, String phoneKey) {
        return list("pool_id = $1 and phone_key = $2", poolId, phoneKey);
    }

    public Uni<List<UserEntity>> findByPreferredUsername(String poolId, String key) {
        return list("pool_id = $1 and preferred_username_key = $2", poolId, key);
    }

    public Uni<Long> countInPool(String poolId) {
        return countWhere("pool_id = $1", poolId);
    }

    public Uni<Long> deleteUser(String poolId, UUID sub) {
        return deleteWhere("pool_id = $1 and sub = $2", poolId, sub);
    }

    /** One page of a group's members ordered by username, starting after {@code afterUsernameKey}. */
    public Uni<List<UserEntity>> inGroup(String poolId, UUID groupId, String afterUsernameKey, int limit) {
        String members = "pool_id = $1 and sub in (select m.sub from group_member m where m.pool_id = $1 "
                + "and m.group_id = $2)";
        if (afterUsernameKey == null) {
            return list(members + " order by username_key limit $3", poolId, groupId, limit);
        }
        return list(members + " and username_key > $3 order by username_key limit $4", poolId, groupId,
                afterUsernameKey, limit);
    }

    /**
     * One page of a ListUsers search, ordered by username. {@code column} is a fixed SQL expression chosen by the
     * caller from a closed list (never user input); the value is always a bound parameter.
     */
    public Uni<List<UserEntity>> search(String poolId, String column, boolean prefix, String value, String after,
            int limit) {
        StringBuilder condition = new StringBuilder("pool_id = $1");
        List<Object> parameters = new ArrayList<>(List.of(poolId));
        if (column != null) {
            parameters.add(prefix ? escapeLike(value) + "%" : value);
            condition.append(" and ").append(column).append(prefix ? " like $" + parameters.size() + " escape '\\'"
                    : " = $" + parameters.size());
        }
        if (after != null) {
            parameters.add(after);
            condition.append(" and username_key > $").append(parameters.size());
        }
        parameters.add(limit);
        condition.append(" order by username_key limit $").append(parameters.size());
        return list(condition.toString(), parameters.toArray());
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
