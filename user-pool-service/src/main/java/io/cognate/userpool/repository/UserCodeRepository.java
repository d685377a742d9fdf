package io.cognate.userpool.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cognate.database.CallerContext;
import io.cognate.database.rows.Repository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class UserCodeRepository extends Repository<UserCodeEntity> {
    /** For the count of wrong codes, on a connection of its own. */
    @Inject
    Pool pool;

    public UserCodeRepository() {
        super(UserCodeEntity.class);
    }

    public Uni<UserCodeEntity> find(String poolId, UUID sub, String purpose) {
        return first("pool_id = $1 and sub = $2 and purpose = $3", poolId, sub, purpose);
    }

    /**
     * Counts a wrong code on a connection of its own, so the count stands although the request that entered it
     * fails and rolls back.
     */
    public Uni<Void> countFailedAttempt(UUID codeId) {
        return CallerContext.resumeOnCaller(pool.withConnection(c -> c.preparedQuery("update user_code set attempts = "
                + "attempts + 1 where id = $1").execute(Tuple.of(codeId))).replaceWithVoid());
    }
}
